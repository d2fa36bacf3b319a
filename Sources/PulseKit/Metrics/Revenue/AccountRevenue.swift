/// One account's revenue in the reporting month: its MRR at the end of M−1 and of M, its movement and
/// its tier (the columns `mrr_start`, `mrr_end`, `movement`, `tier` of `accounts.csv`).
package struct AccountRevenue: Sendable, Equatable {
    /// MRR_a(M−1), in ten-thousandths.
    package var mrrStart: Int64
    /// MRR_a(M), in ten-thousandths.
    package var mrrEnd: Int64
    /// MRR_a(M−2), in ten-thousandths (whether the account paid then, for M−1's `health_delta`).
    package var mrrTwoMonthsAgo: Int64 = 0
    /// The movement from M−1 to M.
    package var movement: Movement
    /// The index of the account's tier for M in ``RevenueResult/tiers``.
    package var tier: Int
    /// The index of the account's tier for M−1 (what alerts evaluated at M−1 read).
    package var previousTier: Int = 0

    /// Whether the account is a paying customer in M.
    package var isPaying: Bool { mrrEnd > 0 }
    /// Whether the account belongs in `accounts.csv`: paying in M or M−1.
    package var isListed: Bool { mrrEnd > 0 || mrrStart > 0 }
}
