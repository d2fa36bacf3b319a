import Tabular

/// Usage events parsed from one chunk of `product/usage_events.csv`, column by column.
///
/// Accounts, users and events are numbers into ``UsageNames``; a row with `count` ≤ 0 is kept
/// with its count (it is no activity, docs/metrics.md §5.5, which the metrics apply).
package struct UsageEventBatch: Sendable {
    /// When each event happened, in milliseconds since the Unix epoch.
    package var timestamps: [Int64] = []
    /// The account of each event (a number in ``UsageNames/accounts``).
    package var accounts: [Int32] = []
    /// The user of each event (a number in ``UsageNames/users``).
    package var users: [Int32] = []
    /// The feature key of each event (a number in ``UsageNames/events``).
    package var events: [Int32] = []
    /// How many times each (user, event) happened in the row (default 1).
    package var counts: [Int32] = []

    /// The number of rows.
    package var count: Int { timestamps.count }

    mutating func reserve(_ n: Int) {
        timestamps.reserveCapacity(n)
        accounts.reserveCapacity(n)
        users.reserveCapacity(n)
        events.reserveCapacity(n)
        counts.reserveCapacity(n)
    }
}

/// The distinct account ids, user ids and event names of the usage events, numbered in order of
/// first appearance in the file.
package struct UsageNames: Sendable {
    /// Account ids.
    package var accounts = ByteInterner()
    /// User ids (numbered by shard, so many can be numbered in parallel).
    package var users = ShardedByteInterner()
    /// Event names (feature keys).
    package var events = ByteInterner(capacity: 64)

    /// Empty tables.
    package init() {}
}
