import Tabular

/// Totals over the usage events that loaded: what `pulse validate` reports, and a check that
/// every batch arrived.
package struct UsageEventsSummary: Sendable, Equatable {
    /// Rows loaded.
    package var rows = 0
    /// Σ count over the rows.
    package var events: Int64 = 0
    /// The earliest event, if any.
    package var earliest: Instant?
    /// The latest event, if any.
    package var latest: Instant?
    /// Distinct account ids.
    package var accounts = 0
    /// Distinct user ids.
    package var users = 0
    /// Distinct event names.
    package var eventNames = 0

    /// No events.
    package init() {}

    /// Adds a batch.
    package mutating func add(_ batch: UsageEventBatch) {
        rows += batch.count
        var lo = Int64.max, hi = Int64.min, total: Int64 = 0
        batch.timestamps.withUnsafeBufferPointer { t in
            for v in t { lo = min(lo, v); hi = max(hi, v) }
        }
        batch.counts.withUnsafeBufferPointer { c in
            for v in c { total &+= Int64(v) }
        }
        events &+= total
        guard batch.count > 0 else { return }
        earliest = min(earliest ?? Instant(millisecondsSinceEpoch: lo), Instant(millisecondsSinceEpoch: lo))
        latest = max(latest ?? Instant(millisecondsSinceEpoch: hi), Instant(millisecondsSinceEpoch: hi))
    }
}
