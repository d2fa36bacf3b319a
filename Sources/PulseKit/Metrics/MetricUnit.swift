/// What a figure measures, which decides how the reports show it: money in the reporting currency,
/// a rate as a percentage, a count, days, minutes, an NPS or health score, or a plain ratio.
package enum MetricUnit: Sendable, Hashable {
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

    /// The unit of a metric of docs/metrics.md, breakdown suffixes (`.priority.P1`) included, from
    /// ``MetricCatalog``; a name Pulse does not write is a count.
    package static func of(_ metric: String) -> MetricUnit {
        MetricCatalog.definition(of: metric)?.unit ?? .count
    }
}
