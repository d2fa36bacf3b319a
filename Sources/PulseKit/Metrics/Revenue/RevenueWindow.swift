import Tabular

/// The months the revenue computation covers for a run of month M.
///
/// Metrics are computed for `historyMonths` months ending at M (the trend the reports draw), plus the
/// 5 months before them that `ltv`'s six-month mean of logo churn reads. Each of those months looks
/// back up to 12 months (`nrr_ttm`), so account MRR is built for 12 more months before the first.
package struct RevenueWindow: Sendable, Equatable {
    /// The reporting month M.
    package let month: YearMonth
    /// Months of history written per metric, M included (13: M and the 12 months before it).
    package let historyMonths: Int

    /// Months before a reported month that a metric reads (`nrr_ttm`'s cohort).
    static let lookback = 12
    /// Months before a reported month whose logo churn `ltv` averages (M−5 … M).
    static let ltvMonths = 6

    /// The window for month M with `historyMonths` (≥ 1) months of history.
    package init(month: YearMonth, historyMonths: Int = 13) {
        precondition(historyMonths >= 1)
        self.month = month
        self.historyMonths = historyMonths
    }

    /// Months whose totals are computed: the history plus the months `ltv` reads before it.
    var computedMonths: Int { historyMonths + Self.ltvMonths - 1 }
    /// Months of account MRR built: the computed months plus their lookback.
    var width: Int { computedMonths + Self.lookback }
    /// The ordinal of the first month of account MRR built.
    var firstOrdinal: Int { month.ordinal - width + 1 }
    /// The month of computed month `r` (0 is the earliest; `computedMonths − 1` is M).
    func computedMonth(_ r: Int) -> YearMonth { month.adding(months: r - computedMonths + 1) }
    /// The months of history, oldest first, M last.
    package var history: [YearMonth] { (0..<historyMonths).map { month.adding(months: $0 - historyMonths + 1) } }
}
