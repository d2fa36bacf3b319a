import Tabular

/// One of the twelve months before M as its own default run would compute it (as-of at that month's
/// end), from the inputs this run read: what `kpi_values` records for the month and the KPI review
/// and QBRs draw their trends from (docs/metrics.md §11).
struct HistoryMonth: Sendable {
    /// One account's figures of the month that the QBR trends show.
    struct AccountPoint: Sendable, Equatable {
        /// Whether the account paid in the month.
        var isPaying = false
        /// Its MAU; nil without a usage source or when not paying.
        var mau: Int?
        /// Its license utilization.
        var licenseUtilization: Double?
        /// Its final health score.
        var healthScore: Double?
    }

    /// The month.
    var month: YearMonth
    /// Every covered family's figures of the month, every scope of the month, grouped by scope.
    var figures: KPITable
    /// The families the inputs do not cover in this month (every loaded source of theirs starts after
    /// it): their figures are left out, so that what earlier runs recorded stands.
    var uncovered: [String]
    /// Per loaded account (same order), its QBR trend point; empty when adoption and health are
    /// both uncovered.
    var accounts: [AccountPoint]
}
