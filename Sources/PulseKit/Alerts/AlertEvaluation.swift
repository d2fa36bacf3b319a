/// Evaluates the pipeline's alert rules for the accounts paying in M, each against its M−1 facts for
/// `new` vs `ongoing` (an account not paying at M−1 did not hold).
enum AlertEvaluation {
    /// The alerts, by account (file order) then rule (pipeline order).
    static func alerts(rules: [AlertRule], current: [AccountFacts], previous: [AccountFacts]) -> [Alert] {
        var alerts: [Alert] = []
        for (a, facts) in current.enumerated() where facts.isPaying {
            for (r, rule) in rules.enumerated() where rule.condition.evaluate(facts) {
                let before = previous[a]
                let held = before.isPaying && rule.condition.evaluate(before)
                let read = zip(rule.condition.factsRead, rule.condition.slotsRead).map { ($0, facts.text(ofSlot: $1)) }
                alerts.append(Alert(account: a, rule: r, status: held ? .ongoing : .new, facts: read))
            }
        }
        return alerts
    }
}
