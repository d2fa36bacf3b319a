/// The value of a fact during evaluation, as a ``RuleFacts`` supplies it.
///
/// A fact without a value is ``undefined``: every comparison that reads it is false (`!=`
/// included), and a boolean fact that is undefined does not hold as a condition. A value whose
/// case does not match the fact's ``RuleType`` in the vocabulary is treated as undefined.
public enum RuleValue: Sendable, Equatable, Hashable {
    /// A value of a ``RuleType/number`` fact.
    case number(Double)
    /// A value of a ``RuleType/string`` fact.
    case string(String)
    /// A value of a ``RuleType/boolean`` fact.
    case boolean(Bool)
    /// No value: the fact is unknown for this account (e.g. no renewal date).
    case undefined
}

extension RuleValue {
    /// The value when it is of `type`, else ``undefined``.
    @inlinable
    func ifOfType(_ type: RuleType) -> RuleValue {
        switch (self, type) {
        case (.number, .number), (.string, .string), (.boolean, .boolean): self
        default: .undefined
        }
    }
}
