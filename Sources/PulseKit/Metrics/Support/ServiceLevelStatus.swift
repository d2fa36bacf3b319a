/// Where one SLA of one ticket stands as of as-of (docs/metrics.md §3.17).
package enum ServiceLevelStatus: String, Sendable {
    /// Fulfilled before as-of, within the target.
    case achieved
    /// Fulfilled late, or not fulfilled and already past the target at as-of.
    case breached
    /// Not fulfilled, and still within the target at as-of.
    case pending
    /// Left out of compliance: its earliest fulfilling event is before `created_at` (docs/metrics.md §3.13).
    case excluded

    /// The text of `tickets.csv`: empty for an excluded SLA.
    var written: String { self == .excluded ? "" : rawValue }
}
