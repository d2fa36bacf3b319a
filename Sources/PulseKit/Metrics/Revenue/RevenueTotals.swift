/// The sums and counts behind every revenue metric of one month over one set of accounts (a scope, or
/// one tier × plan cell that scopes are added up from). Money in ten-thousandths.
///
/// Rolled-up figures add these first and divide last (docs/metrics.md §0.11: rates are never averaged).
package struct RevenueTotals: Sendable, Equatable {
    /// Σ MRR_a(M−1).
    package var mrrStart: Int64 = 0
    /// Σ MRR_a(M).
    package var mrrEnd: Int64 = 0
    /// Σ of the new movements' amounts.
    package var newMRR: Int64 = 0
    /// Σ of the reactivations' amounts.
    package var reactivationMRR: Int64 = 0
    /// Σ of the expansions' amounts.
    package var expansionMRR: Int64 = 0
    /// Σ of the contractions' amounts.
    package var contractionMRR: Int64 = 0
    /// Σ of the churns' amounts.
    package var churnedMRR: Int64 = 0
    /// Paying customers in M−1.
    package var customersStart: Int64 = 0
    /// Paying customers in M.
    package var customersEnd: Int64 = 0
    /// Accounts with a new movement.
    package var newCustomers: Int64 = 0
    /// Accounts with a reactivation.
    package var reactivatedCustomers: Int64 = 0
    /// Accounts with a churn.
    package var churnedCustomers: Int64 = 0
    /// Σ_{P>0} min(C, P): the MRR the M−1 cohort kept, capped per account.
    package var retainedCapped: Int64 = 0
    /// Σ_{P₃>0} C with P₃ = MRR_a(M−3).
    package var quarterCohortEnd: Int64 = 0
    /// Σ_{P₃>0} min(C, P₃).
    package var quarterCohortCapped: Int64 = 0
    /// Σ P₃ over the accounts paying at M−3.
    package var quarterCohortStart: Int64 = 0
    /// Σ_{P₁₂>0} C with P₁₂ = MRR_a(M−12).
    package var yearCohortEnd: Int64 = 0
    /// Σ_{P₁₂>0} min(C, P₁₂).
    package var yearCohortCapped: Int64 = 0
    /// Σ P₁₂ over the accounts paying at M−12.
    package var yearCohortStart: Int64 = 0
    /// MRR under notice: active at month end, canceled before as-of, ending later.
    package var scheduledChurnMRR: Int64 = 0

    /// No accounts.
    package init() {}

    /// Adds one account's month: MRR at M−12, M−3, M−1 and M, its scheduled churn, and its movement.
    @inline(__always)
    mutating func add(current c: Int64, previous p: Int64, quarterAgo p3: Int64, yearAgo p12: Int64,
                      scheduled: Int64, movement: Movement) {
        mrrStart &+= p
        mrrEnd &+= c
        scheduledChurnMRR &+= scheduled
        if p > 0 {
            customersStart &+= 1
            retainedCapped &+= min(c, p)
        }
        if c > 0 { customersEnd &+= 1 }
        if p3 > 0 {
            quarterCohortEnd &+= c
            quarterCohortCapped &+= min(c, p3)
            quarterCohortStart &+= p3
        }
        if p12 > 0 {
            yearCohortEnd &+= c
            yearCohortCapped &+= min(c, p12)
            yearCohortStart &+= p12
        }
        switch movement {
        case .churn:
            churnedMRR &+= p
            churnedCustomers &+= 1
        case .reactivation:
            reactivationMRR &+= c
            reactivatedCustomers &+= 1
        case .new:
            newMRR &+= c
            newCustomers &+= 1
        case .expansion: expansionMRR &+= c - p
        case .contraction: contractionMRR &+= p - c
        case .flat: break
        }
    }

    /// Adds another set of accounts' totals (disjoint accounts).
    mutating func add(_ other: RevenueTotals) {
        mrrStart &+= other.mrrStart
        mrrEnd &+= other.mrrEnd
        newMRR &+= other.newMRR
        reactivationMRR &+= other.reactivationMRR
        expansionMRR &+= other.expansionMRR
        contractionMRR &+= other.contractionMRR
        churnedMRR &+= other.churnedMRR
        customersStart &+= other.customersStart
        customersEnd &+= other.customersEnd
        newCustomers &+= other.newCustomers
        reactivatedCustomers &+= other.reactivatedCustomers
        churnedCustomers &+= other.churnedCustomers
        retainedCapped &+= other.retainedCapped
        quarterCohortEnd &+= other.quarterCohortEnd
        quarterCohortCapped &+= other.quarterCohortCapped
        quarterCohortStart &+= other.quarterCohortStart
        yearCohortEnd &+= other.yearCohortEnd
        yearCohortCapped &+= other.yearCohortCapped
        yearCohortStart &+= other.yearCohortStart
        scheduledChurnMRR &+= other.scheduledChurnMRR
    }

    /// Σ_{P>0} C: the MRR at M of the accounts paying at M−1 (the NRR numerator).
    package var retained: Int64 { mrrEnd - newMRR - reactivationMRR }
}
