/// A ticket's support priority, P1 (most urgent) to P4: what SLA targets and the priority matrix use.
package enum SupportPriority: String, Sendable, Equatable, Hashable, CaseIterable, Comparable, Codable {
    /// P1, from `urgent`.
    case p1 = "P1"
    /// P2, from `high`.
    case p2 = "P2"
    /// P3, from `normal` (and the fallback when priority, urgency and impact are all missing).
    case p3 = "P3"
    /// P4, from `low`.
    case p4 = "P4"

    /// The name written in files and reports (`P1` ... `P4`).
    package var name: String { rawValue }

    /// P1 sorts first.
    package static func < (lhs: SupportPriority, rhs: SupportPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}
