/// What a figure measures, which decides how the reports show it: money in the reporting currency,
/// a rate as a percentage, a count, days, minutes, an NPS or health score, or a plain ratio.
public enum MetricUnit: Sendable, Hashable {
    /// Money in the reporting currency (`mrr_end`, `arpa`, `ltv`).
    case money
    /// A fraction shown as a percentage (`nrr`, `csat`, `sla_first_response_compliance`).
    case rate
    /// A whole number of things (`customers_end`, `tickets_created`, `health_red`).
    case count
    /// Days (`ttfv_median_days`).
    case days
    /// Minutes (`first_response_minutes_median`).
    case minutes
    /// A score on its own scale (`nps` −100…100, `health_avg` 0…100).
    case score
    /// A plain quotient (`quick_ratio`, `tickets_per_customer`, `ces`).
    case ratio

    /// The unit of a metric of docs/metrics.md, breakdown suffixes (`.priority.P1`) included.
    public static func of(_ metric: String) -> MetricUnit {
        let base = metric.split(separator: ".", maxSplits: 1).first.map(String.init) ?? metric
        if base == "feature_adoption" { return .rate }
        if let unit = units[base] { return unit }
        if base.hasSuffix("_mrr") || base.hasPrefix("mrr_") { return .money }
        if base.hasSuffix("_rate") || base.hasSuffix("_compliance") { return .rate }
        if base.hasSuffix("_days") { return .days }
        if base.hasSuffix("_minutes_median") || base.hasSuffix("_minutes_p90") { return .minutes }
        return .count
    }

    private static let units: [String: MetricUnit] = [
        "arr_end": .money, "arpa": .money, "ltv": .money, "scheduled_churn_mrr": .money,
        "nrr": .rate, "grr": .rate, "nrr_quarterly": .rate, "grr_quarterly": .rate, "nrr_ttm": .rate, "grr_ttm": .rate,
        "csat": .rate, "csat_ci_low": .rate, "csat_ci_high": .rate, "license_utilization": .rate, "stickiness": .rate,
        "quick_ratio": .ratio, "tickets_per_customer": .ratio, "self_service_ratio": .ratio, "ces": .ratio,
        "nps": .score, "health_avg": .score,
        "ttfv_accounts": .count,
    ]
}
