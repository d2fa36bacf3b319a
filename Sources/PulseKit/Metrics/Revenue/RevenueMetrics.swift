import Tabular

/// The company metrics of docs/metrics.md §1 for one month and scope, from its ``RevenueTotals``, in the
/// order of its table. Money is written with 4 decimals, counts as integers, rates as fractions with the
/// fewest digits that round-trip; a ratio with a zero denominator is undefined.
package struct RevenueMetrics: Sendable {
    /// The totals of the month.
    package let totals: RevenueTotals
    /// `logo_churn_rate` of this month and the 5 before it (oldest first), each with its own month's
    /// tier membership (docs/metrics.md §1.8); fewer when the window starts later.
    package let recentLogoChurn: [Ratio]

    /// The metric names, in the order they are written.
    package static let names = [
        "mrr_start", "mrr_end", "arr_end", "new_mrr", "reactivation_mrr", "expansion_mrr", "contraction_mrr",
        "churned_mrr", "customers_start", "customers_end", "new_customers", "reactivated_customers",
        "churned_customers", "arpa", "logo_churn_rate", "revenue_churn_rate", "gross_mrr_churn_rate", "nrr", "grr",
        "net_mrr_churn_rate", "quick_ratio", "nrr_quarterly", "grr_quarterly", "nrr_ttm", "grr_ttm",
        "scheduled_churn_mrr", "ltv",
    ]

    /// `logo_churn_rate`: churned_customers / customers_start.
    package var logoChurnRate: Ratio { Ratio(totals.churnedCustomers, totals.customersStart) }
    /// `revenue_churn_rate`: churned_mrr / mrr_start.
    package var revenueChurnRate: Ratio { Ratio(totals.churnedMRR, totals.mrrStart) }
    /// `gross_mrr_churn_rate`: (churned_mrr + contraction_mrr) / mrr_start.
    package var grossMRRChurnRate: Ratio { Ratio(totals.churnedMRR + totals.contractionMRR, totals.mrrStart) }
    /// `nrr`: Σ_{P>0} C / Σ_{P>0} P.
    package var nrr: Ratio { Ratio(totals.retained, totals.mrrStart) }
    /// `grr`: Σ_{P>0} min(C, P) / Σ_{P>0} P, capped per account.
    package var grr: Ratio { Ratio(totals.retainedCapped, totals.mrrStart) }
    /// `net_mrr_churn_rate`: 1 − nrr.
    package var netMRRChurnRate: Ratio { nrr.complement }
    /// `quick_ratio`: (new + reactivation + expansion) / (churned + contraction).
    package var quickRatio: Ratio {
        Ratio(totals.newMRR + totals.reactivationMRR + totals.expansionMRR, totals.churnedMRR + totals.contractionMRR)
    }
    /// `nrr_quarterly`: nrr with P = MRR_a(M−3).
    package var nrrQuarterly: Ratio { Ratio(totals.quarterCohortEnd, totals.quarterCohortStart) }
    /// `grr_quarterly`: grr with P = MRR_a(M−3).
    package var grrQuarterly: Ratio { Ratio(totals.quarterCohortCapped, totals.quarterCohortStart) }
    /// `nrr_ttm`: nrr with P = MRR_a(M−12).
    package var nrrTTM: Ratio { Ratio(totals.yearCohortEnd, totals.yearCohortStart) }
    /// `grr_ttm`: grr with P = MRR_a(M−12).
    package var grrTTM: Ratio { Ratio(totals.yearCohortCapped, totals.yearCohortStart) }

    /// `arpa` = mrr_end / customers_end in ten-thousandths, rounded half to even (docs/metrics.md §1.9,
    /// §1.15); nil without customers.
    package var arpa: Int64? {
        totals.customersEnd == 0 ? nil : Money.roundedHalfEven(totals.mrrEnd, dividedBy: totals.customersEnd)
    }

    /// `ltv` = arpa / mean(logo_churn_rate of M−5 … M where defined); nil when no month is defined or
    /// the mean is 0. Uses the exact arpa (mrr_end / customers_end), then rounds to 4 decimals.
    package var ltv: Double? {
        guard totals.customersEnd > 0 else { return nil }
        let defined = recentLogoChurn.compactMap(\.value)
        guard !defined.isEmpty else { return nil }
        let mean = defined.reduce(0, +) / Double(defined.count)
        guard mean > 0 else { return nil }
        let arpa = Double(totals.mrrEnd) / Double(Money.unitsPerWhole) / Double(totals.customersEnd)
        return arpa / mean
    }

    /// Every metric as written: (name, value or nil when undefined), in ``names`` order.
    package var values: [(String, FigureValue?)] {
        let t = totals
        func money(_ units: Int64) -> FigureValue { .money(units) }
        func rate(_ ratio: Ratio) -> FigureValue? { .defined(ratio) }
        func count(_ n: Int64) -> FigureValue { .count(n) }
        return [
            ("mrr_start", money(t.mrrStart)), ("mrr_end", money(t.mrrEnd)), ("arr_end", money(12 * t.mrrEnd)),
            ("new_mrr", money(t.newMRR)), ("reactivation_mrr", money(t.reactivationMRR)),
            ("expansion_mrr", money(t.expansionMRR)), ("contraction_mrr", money(t.contractionMRR)),
            ("churned_mrr", money(t.churnedMRR)),
            ("customers_start", count(t.customersStart)), ("customers_end", count(t.customersEnd)),
            ("new_customers", count(t.newCustomers)), ("reactivated_customers", count(t.reactivatedCustomers)),
            ("churned_customers", count(t.churnedCustomers)),
            ("arpa", arpa.map(money)), ("logo_churn_rate", rate(logoChurnRate)),
            ("revenue_churn_rate", rate(revenueChurnRate)), ("gross_mrr_churn_rate", rate(grossMRRChurnRate)),
            ("nrr", rate(nrr)), ("grr", rate(grr)), ("net_mrr_churn_rate", rate(netMRRChurnRate)),
            ("quick_ratio", rate(quickRatio)), ("nrr_quarterly", rate(nrrQuarterly)),
            ("grr_quarterly", rate(grrQuarterly)), ("nrr_ttm", rate(nrrTTM)), ("grr_ttm", rate(grrTTM)),
            ("scheduled_churn_mrr", money(t.scheduledChurnMRR)),
            ("ltv", ltv.map(FigureValue.approximateMoney)),
        ]
    }
}
