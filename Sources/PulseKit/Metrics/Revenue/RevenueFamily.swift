import Tabular

/// The revenue family (docs/metrics.md §1–2): account MRR, movements, tiers and every company metric, for M
/// and the months of history before it, per scope.
enum RevenueFamily {
    /// Computes account revenue and the totals for the run's period.
    static func compute(_ input: TransformInput, historyMonths: Int = 13) -> RevenueResult {
        RevenueLedger(accounts: input.data.accounts, subscriptions: input.data.subscriptions,
                      tiers: TierAssignment(input.configuration.tiers),
                      window: RevenueWindow(month: input.period.month, historyMonths: historyMonths),
                      lastDateBeforeAsOf: input.period.lastDateBeforeAsOf).run()
    }

    /// The revenue figures of one month of the history (0 is the oldest, `historyMonths − 1` is M),
    /// every scope in ``RevenueResult/scopes`` order.
    static func figures(_ result: RevenueResult, historyMonth h: Int) -> KPITable {
        let ltvMonths = RevenueWindow.ltvMonths
        let r = h + ltvMonths - 1
        let months = (r - ltvMonths + 1...r).map { result.totals(computedMonth: $0) }
        let scopes = result.scopes
        var table = KPITable()
        for (s, scope) in scopes.enumerated() {
            let recent = months.map { RevenueMetrics(totals: $0[s], recentLogoChurn: []).logoChurnRate }
            let metrics = RevenueMetrics(totals: months[ltvMonths - 1][s], recentLogoChurn: recent)
            for (name, value) in metrics.values {
                table.figures.append(KPITable.Figure(scope: scope, metric: name, value: value))
            }
        }
        return table
    }
}
