import Tabular

/// Totals over the usage events that loaded: what `pulse validate` reports, and a check that
/// every batch arrived.
public struct UsageEventsSummary: Sendable, Equatable {
    /// Rows loaded.
    public var rows = 0
    /// Σ count over the rows.
    public var events: Int64 = 0
    /// The earliest event, if any.
    public var earliest: Instant?
    /// The latest event, if any.
    public var latest: Instant?
    /// Distinct account ids.
    public var accounts = 0
    /// Distinct user ids.
    public var users = 0
    /// Distinct event names.
    public var eventNames = 0

    /// No events.
    public init() {}

    /// Adds a batch.
    public mutating func add(_ batch: UsageEventBatch) {
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
