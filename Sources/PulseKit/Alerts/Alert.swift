/// A playbook rule that holds for a paying account in M (metrics.md §8).
public struct Alert: Sendable, Equatable {
    /// Whether the rule also held at M−1 (`ongoing`) or not (`new`).
    public enum Status: String, Sendable {
        /// The rule did not hold at M−1, or the account did not pay then.
        case new
        /// The rule held at M−1 and at M.
        case ongoing
    }

    /// The account's position in the loaded accounts.
    public var account: Int
    /// The rule's position in the pipeline's alert rules.
    public var rule: Int
    /// New or ongoing.
    public var status: Status
    /// The facts the rule read, `name=value` each, in the order the rule names them.
    public var facts: [(name: String, value: String)]

    /// Equal when account, rule, status and facts match.
    public static func == (a: Alert, b: Alert) -> Bool {
        a.account == b.account && a.rule == b.rule && a.status == b.status
            && a.facts.map { "\($0.name)=\($0.value)" } == b.facts.map { "\($0.name)=\($0.value)" }
    }
}
