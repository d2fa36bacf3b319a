import Tabular

/// Usage events parsed from one chunk of `product/usage_events.csv`, column by column.
///
/// Accounts, users and events are numbers into ``UsageNames``; a row with `count` ≤ 0 is kept
/// with its count (it is no activity, docs/metrics.md §5.5, which the metrics apply).
public struct UsageEventBatch: Sendable {
    /// When each event happened, in milliseconds since the Unix epoch.
    public var timestamps: [Int64] = []
    /// The account of each event (a number in ``UsageNames/accounts``).
    public var accounts: [Int32] = []
    /// The user of each event (a number in ``UsageNames/users``).
    public var users: [Int32] = []
    /// The feature key of each event (a number in ``UsageNames/events``).
    public var events: [Int32] = []
    /// How many times each (user, event) happened in the row (default 1).
    public var counts: [Int32] = []

    /// The number of rows.
    public var count: Int { timestamps.count }

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
public struct UsageNames: Sendable {
    /// Account ids.
    public var accounts = ByteInterner()
    /// User ids (numbered by shard, so many can be numbered in parallel).
    public var users = ShardedByteInterner()
    /// Event names (feature keys).
    public var events = ByteInterner(capacity: 64)

    /// Empty tables.
    public init() {}
}
