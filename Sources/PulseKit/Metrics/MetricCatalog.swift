/// Every metric Pulse writes, with what the reports need to read it: its unit, whether a rise is good
/// news, and the family that computes it (docs/metrics.md §1–7). Reports take units and colours from
/// here instead of guessing them from a metric's name.
package enum MetricCatalog {
    /// Whether a rise of a metric is good news.
    package enum Direction: Sendable, Equatable {
        /// A rise is good news (NRR, CSAT).
        case higherIsBetter
        /// A rise is bad news (churn, backlog, response times).
        case lowerIsBetter
        /// Neither (volumes such as tickets created, response counts).
        case neutral
    }

    /// The families of metrics.
    package enum Family: String, Sendable, Equatable, CaseIterable {
        case revenue, support, voiceOfCustomer = "voice of the customer", adoption, onboarding, health
    }

    /// One metric.
    package struct Definition: Sendable, Equatable {
        /// The name as written in `kpis.csv`; a breakdown (`tickets_created.priority.P1`) is read as its base name.
        package let name: String
        /// How its values are shown.
        package let unit: MetricUnit
        /// Whether a rise is good news.
        package let direction: Direction
        /// The family that computes it.
        package let family: Family
    }

    /// Every metric, in the order a scope's figures are written.
    package static let all: [Definition] = {
        var all: [Definition] = []
        func add(_ family: Family, _ unit: MetricUnit, _ direction: Direction, _ names: String...) {
            for name in names { all.append(Definition(name: name, unit: unit, direction: direction, family: family)) }
        }
        add(.revenue, .money, .higherIsBetter, "mrr_start", "mrr_end", "arr_end", "new_mrr", "reactivation_mrr", "expansion_mrr")
        add(.revenue, .money, .lowerIsBetter, "contraction_mrr", "churned_mrr")
        add(.revenue, .count, .higherIsBetter, "customers_start", "customers_end", "new_customers", "reactivated_customers")
        add(.revenue, .count, .lowerIsBetter, "churned_customers")
        add(.revenue, .money, .higherIsBetter, "arpa")
        add(.revenue, .rate, .lowerIsBetter, "logo_churn_rate", "revenue_churn_rate", "gross_mrr_churn_rate")
        add(.revenue, .rate, .higherIsBetter, "nrr", "grr")
        add(.revenue, .rate, .lowerIsBetter, "net_mrr_churn_rate")
        add(.revenue, .ratio, .higherIsBetter, "quick_ratio")
        add(.revenue, .rate, .higherIsBetter, "nrr_quarterly", "grr_quarterly", "nrr_ttm", "grr_ttm")
        add(.revenue, .money, .lowerIsBetter, "scheduled_churn_mrr")
        add(.revenue, .money, .higherIsBetter, "ltv")
        add(.support, .count, .neutral, "tickets_created")
        add(.support, .count, .higherIsBetter, "tickets_solved")
        add(.support, .count, .lowerIsBetter, "backlog_end")
        add(.support, .minutes, .lowerIsBetter, "first_response_minutes_median", "first_response_minutes_p90",
            "first_response_business_minutes_median", "first_response_business_minutes_p90", "resolution_minutes_median",
            "resolution_minutes_p90", "resolution_business_minutes_median", "resolution_business_minutes_p90")
        add(.support, .rate, .higherIsBetter, "sla_first_response_compliance", "sla_resolution_compliance")
        add(.support, .count, .lowerIsBetter, "sla_breached_tickets")
        add(.support, .rate, .lowerIsBetter, "escalation_rate", "l3_escalation_rate", "reopen_rate")
        add(.support, .ratio, .lowerIsBetter, "tickets_per_customer")
        add(.support, .count, .neutral, "article_views")
        add(.support, .rate, .higherIsBetter, "article_helpful_rate")
        add(.support, .ratio, .higherIsBetter, "self_service_ratio")
        add(.voiceOfCustomer, .rate, .higherIsBetter, "csat")
        add(.voiceOfCustomer, .count, .neutral, "csat_responses")
        add(.voiceOfCustomer, .rate, .higherIsBetter, "csat_ci_low", "csat_ci_high")
        add(.voiceOfCustomer, .score, .higherIsBetter, "nps")
        add(.voiceOfCustomer, .count, .neutral, "nps_responses")
        add(.voiceOfCustomer, .count, .higherIsBetter, "nps_promoters")
        add(.voiceOfCustomer, .count, .neutral, "nps_passives")
        add(.voiceOfCustomer, .count, .lowerIsBetter, "nps_detractors")
        // CES scales differ between survey tools (is 7 "very easy" or "very hard"?): no colour.
        add(.voiceOfCustomer, .ratio, .neutral, "ces")
        add(.voiceOfCustomer, .count, .neutral, "ces_responses")
        add(.adoption, .rate, .higherIsBetter, "active_account_rate")
        add(.adoption, .count, .higherIsBetter, "mau_total")
        add(.adoption, .rate, .higherIsBetter, "license_utilization", "stickiness", "feature_adoption")
        add(.onboarding, .days, .lowerIsBetter, "ttfv_median_days", "ttfv_p90_days")
        add(.onboarding, .count, .neutral, "ttfv_accounts")
        add(.onboarding, .rate, .higherIsBetter, "onboarding_completion_rate")
        add(.onboarding, .count, .lowerIsBetter, "onboarding_behind_accounts")
        add(.health, .score, .higherIsBetter, "health_avg")
        add(.health, .count, .higherIsBetter, "health_green")
        add(.health, .count, .neutral, "health_yellow")
        add(.health, .count, .lowerIsBetter, "health_red")
        add(.health, .count, .neutral, "health_unknown")
        return all
    }()

    private static let byName: [String: Definition] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The definition of `metric`, a breakdown (`.priority.P1`, `.category.bug`, `feature_adoption.<feature>`)
    /// read as its base metric; nil for a name Pulse does not write.
    package static func definition(of metric: String) -> Definition? {
        if let definition = byName[metric] { return definition }
        guard let dot = metric.firstIndex(of: ".") else { return nil }
        return byName[String(metric[..<dot])]
    }
}
