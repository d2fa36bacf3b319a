import Rules
import Tabular

/// A playbook rule that holds for a paying account in M (docs/metrics.md §8).
package struct Alert: Sendable, Equatable {
    /// Whether the rule also held at M−1 (`ongoing`) or not (`new`).
    package enum Status: String, Sendable {
        /// The rule did not hold at M−1, or the account did not pay then.
        case new
        /// The rule held at M−1 and at M.
        case ongoing
    }

    /// The account's position in the loaded accounts.
    package var account: Int
    /// The rule's position in the pipeline's alert rules.
    package var rule: Int
    /// New or ongoing.
    package var status: Status
    /// The facts the rule read with their values, in the order the rule names them.
    package var facts: [(name: String, value: RuleValue)]

    /// The facts as `alerts.csv` writes them: `name=value;…`, an undefined fact with an empty value.
    package var factsText: String {
        facts.map { "\($0.name)=\(Self.text($0.value))" }.joined(separator: ";")
    }

    /// A fact's value as written (numbers with the fewest digits that round-trip; empty when undefined).
    package static func text(_ value: RuleValue) -> String { value.writtenText }

    /// Equal when account, rule, status and facts match.
    package static func == (a: Alert, b: Alert) -> Bool {
        a.account == b.account && a.rule == b.rule && a.status == b.status
            && a.factsText == b.factsText
    }
}
