import Rules

/// Puts an account in the first tier whose rule matches (docs/metrics.md §2.1), in the pipeline's order.
///
/// An account that no rule matches is in the extra tier ``untiered`` (index `rules.count`), so that
/// the tiers always add up to the company even when a pipeline has no catch-all rule.
struct TierAssignment: Sendable {
    /// The tier names in the pipeline's order.
    let names: [String]
    /// The compiled rules, same order.
    let rules: [RuleExpression]

    /// The tier of accounts that no rule matches.
    static let untiered = "untiered"

    init(_ tiers: [TierRule]) {
        names = tiers.map(\.name)
        rules = tiers.map(\.condition)
    }

    /// The index of the tier an account with these facts is in; `names.count` when none matches.
    /// - Complexity: O(the size of the rules).
    func tier(of facts: TierFacts) -> Int {
        // Borrowed through the buffer: reading `rules[k]` would copy the expression and retain its arrays.
        rules.withUnsafeBufferPointer { rules in
            for k in rules.indices where rules[k].evaluate(facts) { return k }
            return rules.count
        }
    }
}
