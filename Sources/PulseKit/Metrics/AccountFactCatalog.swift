import Rules

/// The facts about an account that alert rules and the QBR selection read (docs/metrics.md §8), with their
/// types, so that a rule naming an unknown fact or comparing a text with a number is refused when the
/// pipeline is loaded.
package enum AccountFactCatalog {
    /// Every fact of docs/metrics.md §8, in the order of its table.
    package static let vocabulary = RuleVocabulary([
        ("health_score", .number), ("health_band", .string), ("health_delta", .number),
        ("license_utilization", .number), ("mau", .number), ("mau_change", .number),
        ("feature_breadth", .number), ("account_nps", .number), ("latest_nps_score", .number),
        ("days_since_last_nps", .number), ("nps_responses_365d", .number), ("csat_90d", .number),
        ("sla_breaches_90d", .number), ("tickets_90d", .number), ("tenure_days", .number),
        ("days_to_renewal", .number), ("onboarding_status", .string), ("mrr", .number), ("arr", .number),
        ("tier", .string), ("plan", .string), ("seats", .number),
    ])
}
