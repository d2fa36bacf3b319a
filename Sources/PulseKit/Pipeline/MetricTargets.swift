/// The pipeline's `targets` section: a target value per company metric, shown next to the figure in
/// the KPI review (e.g. `nrr: 1.0`). Rates are fractions, as in the data files.
package struct MetricTargets: Sendable, Equatable {
    /// Metric name (as in docs/metrics.md, optionally with a breakdown such as
    /// `sla_first_response_compliance.priority.P1`) → target. Empty by default.
    package var values: [String: Double]

    /// Creates targets.
    package init(_ values: [String: Double] = [:]) {
        self.values = values
    }

    /// The target of a metric, nil when none is set.
    package subscript(metric: String) -> Double? { values[metric] }

    /// The default: no targets.
    package static let `default` = MetricTargets()

    /// The company metric names of docs/metrics.md, which a target may name (with or without a
    /// `.breakdown` suffix).
    package static let metricNames: [String] = [
        // 1. Revenue
        "mrr_start", "mrr_end", "arr_end", "new_mrr", "reactivation_mrr", "expansion_mrr", "contraction_mrr",
        "churned_mrr", "customers_start", "customers_end", "new_customers", "reactivated_customers",
        "churned_customers", "arpa", "logo_churn_rate", "revenue_churn_rate", "gross_mrr_churn_rate", "nrr", "grr",
        "net_mrr_churn_rate", "quick_ratio", "nrr_quarterly", "grr_quarterly", "nrr_ttm", "grr_ttm",
        "scheduled_churn_mrr", "ltv",
        // 3. Support
        "tickets_created", "tickets_solved", "backlog_end", "first_response_minutes_median",
        "first_response_minutes_p90", "first_response_business_minutes_median",
        "first_response_business_minutes_p90", "resolution_minutes_median", "resolution_minutes_p90",
        "resolution_business_minutes_median", "resolution_business_minutes_p90", "sla_first_response_compliance",
        "sla_resolution_compliance", "sla_breached_tickets", "escalation_rate", "l3_escalation_rate", "reopen_rate",
        "tickets_per_customer", "article_views", "article_helpful_rate", "self_service_ratio",
        // 4. Voice of the customer
        "csat", "csat_responses", "csat_ci_low", "csat_ci_high", "nps", "nps_responses", "nps_promoters",
        "nps_passives", "nps_detractors", "ces", "ces_responses",
        // 5. Adoption
        "active_account_rate", "mau_total", "license_utilization", "stickiness", "feature_adoption",
        // 6. Onboarding
        "ttfv_median_days", "ttfv_p90_days", "ttfv_accounts", "onboarding_completion_rate",
        "onboarding_behind_accounts",
        // 7. Health
        "health_avg", "health_green", "health_yellow", "health_red", "health_unknown",
    ]
}

extension MetricTargets {
    /// Reads the `targets` section: each key a metric of docs/metrics.md, each value a number.
    init(reading value: PipelineValue) throws(PipelineFileError) {
        var values: [String: Double] = [:]
        for entry in try value.mapping().entries {
            let base = String(entry.key.prefix(while: { $0 != "." }))
            guard Self.metricNames.contains(base) else {
                let suggestion = Self.metricNames
                    .map { ($0, Self.editDistance($0, base)) }
                    .filter { $0.1 <= 2 }
                    .min(by: { $0.1 < $1.1 })
                    .map { "; did you mean '\($0.0)'?" } ?? "; expected a metric of metrics.md such as nrr, grr or csat"
                throw entry.keyValue.error("unknown metric '\(entry.key)' in 'targets'\(suggestion)")
            }
            values[entry.key] = try entry.value.number()
        }
        self.init(values)
    }

    /// The Levenshtein distance of two names, for suggestions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
