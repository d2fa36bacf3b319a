/// Supplies fact values by slot during evaluation; `.undefined` when a fact has no value.
///
/// A slot is the fact's index in ``RuleVocabulary/names``. ``RuleExpression/evaluate(_:)`` is
/// generic over the conforming type, so a struct backed by an array or by columns of a table is
/// read without existential boxing; keep ``value(ofSlot:)`` cheap and allocation-free.
public protocol RuleFacts {
    /// The value of the fact in `slot` (an index into ``RuleVocabulary/names``), or
    /// ``RuleValue/undefined`` when it has none.
    func value(ofSlot slot: Int) -> RuleValue
}
