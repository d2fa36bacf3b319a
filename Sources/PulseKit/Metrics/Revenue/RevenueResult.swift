import Tabular

/// What the revenue computation produces for a run: the totals behind every revenue metric per month
/// and scope, and each account's revenue in M. Other metric families read the tiers from here.
package struct RevenueResult: Sendable {
    /// The months covered.
    package let window: RevenueWindow
    /// Tier names in the pipeline's order, plus ``TierAssignment/untiered`` last.
    package let tiers: [String]
    /// The plans of the loaded accounts, sorted.
    package let plans: [String]
    /// Per account (same order as the loaded accounts), its revenue in M.
    package let accounts: [AccountRevenue]
    /// Totals per computed month and tier × plan cell: `cells[(r * tiers.count + tier) * plans.count + plan]`.
    let cells: [RevenueTotals]
    /// Whether any account was untiered in a computed month (then `tier:untiered` is written).
    let hasUntiered: Bool

    /// The scopes written, in order: `company`, every tier of the pipeline (even when empty), then
    /// `tier:untiered` if an account matched no rule, then every plan.
    package var scopes: [String] {
        var scopes = ["company"]
        let tierCount = hasUntiered ? tiers.count : tiers.count - 1
        scopes += tiers.prefix(tierCount).map { "tier:\($0)" }
        scopes += plans.map { "plan:\($0)" }
        return scopes
    }

    /// The totals of computed month `r` for each scope of ``scopes``, added up from the cells.
    package func totals(computedMonth r: Int) -> [RevenueTotals] {
        let planCount = plans.count
        let tierCount = hasUntiered ? tiers.count : tiers.count - 1
        var company = RevenueTotals()
        var byTier = [RevenueTotals](repeating: RevenueTotals(), count: tiers.count)
        var byPlan = [RevenueTotals](repeating: RevenueTotals(), count: planCount)
        for t in 0..<tiers.count {
            for p in 0..<planCount {
                let cell = cells[(r * tiers.count + t) * planCount + p]
                company.add(cell)
                byTier[t].add(cell)
                byPlan[p].add(cell)
            }
        }
        return [company] + byTier.prefix(tierCount) + byPlan
    }
}

extension RevenueResult {
    /// The revenue step of the transform stage on its own: account MRR, movements, tiers and totals
    /// of `period` and its history, for callers outside a run (the revenue benchmark).
    /// - Complexity: O(A × W + S) for A accounts, S subscriptions and W months in the window.
    package static func compute(data: ExtractedData, period: ReportingPeriod, configuration: PipelineConfiguration,
                               historyMonths: Int = 13) -> RevenueResult {
        RevenueFamily.compute(TransformInput(data: data, period: period, configuration: configuration),
                              historyMonths: historyMonths)
    }

    /// The written figures of history month `h` (0 is the oldest, `historyMonths − 1` is M).
    package func figures(historyMonth h: Int) -> KPITable {
        RevenueFamily.figures(self, historyMonth: h)
    }
}
