/// How an account's MRR moved from the end of M−1 to the end of M (docs/metrics.md §1, §1.4), classified per
/// account after summing its subscriptions, and tested in this order.
package enum Movement: String, Sendable, CaseIterable {
    /// Paying at M−1, not at M; amount P.
    case churn
    /// Not paying at M−1, paying at M, and paying in some month before M−1; amount C.
    case reactivation
    /// Paying at M for the first time ever; amount C.
    case new
    /// Paying at both, more at M; amount C − P.
    case expansion
    /// Paying at both, less at M (still above 0); amount P − C.
    case contraction
    /// Anything else (the same MRR, or paying at neither); amount 0.
    case flat

    /// The movement of an account with MRR `previous` (P, end of M−1) and `current` (C, end of M), in
    /// ten-thousandths; `paidBefore` says whether it paid in any month before M−1.
    @inline(__always)
    package static func classify(previous: Int64, current: Int64, paidBefore: Bool) -> Movement {
        if previous > 0 {
            if current == 0 { return .churn }
            if current > previous { return .expansion }
            if current < previous { return .contraction }
            return .flat
        }
        if current > 0 { return paidBefore ? .reactivation : .new }
        return .flat
    }

    /// The movement's amount in ten-thousandths, given P and C.
    @inline(__always)
    package func amount(previous: Int64, current: Int64) -> Int64 {
        switch self {
        case .churn: previous
        case .reactivation, .new: current
        case .expansion: current - previous
        case .contraction: previous - current
        case .flat: 0
        }
    }
}
