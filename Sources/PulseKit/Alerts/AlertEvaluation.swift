/// Evaluates the pipeline's alert rules for the accounts paying in M, each against its M−1 facts for
/// `new` vs `ongoing` (an account not paying at M−1 did not hold).
enum AlertEvaluation {
    /// The alerts, by account (file order) then rule (pipeline order).
    static func alerts(rules: [AlertRule], current: [AccountFacts], previous: [AccountFacts]) -> [Alert] {
        var alerts: [Alert] = []
        // Through buffers: copying an account's facts for each rule would retain every string they hold.
        current.withUnsafeBufferPointer { current in
            previous.withUnsafeBufferPointer { previous in
                rules.withUnsafeBufferPointer { rules in
                    for a in current.indices where current[a].isPaying {
                        for r in rules.indices where rules[r].condition.evaluate(current[a]) {
                            let held = previous[a].isPaying && rules[r].condition.evaluate(previous[a])
                            let read = zip(rules[r].condition.factsRead, rules[r].condition.slotsRead).map { ($0, current[a].value(ofSlot: $1)) }
                            alerts.append(Alert(account: a, rule: r, status: held ? .ongoing : .new, facts: read))
                        }
                    }
                }
            }
        }
        return alerts
    }
}
