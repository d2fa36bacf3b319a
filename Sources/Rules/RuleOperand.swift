/// One side of a general comparison node: a fact, a constant, or the result of a parenthesised
/// condition compiled as its own run of nodes.
@usableFromInline
enum RuleOperand: Sendable, Equatable {
    /// The fact in a slot, with the type the vocabulary gives it (a value of another type is undefined).
    case fact(slot: Int, type: RuleType)
    /// A number constant.
    case number(Double)
    /// A string constant: an index into the expression's string table.
    case string(Int)
    /// A boolean constant.
    case boolean(Bool)
    /// A condition whose nodes start at this index and end in a result, not in the caller's nodes.
    case condition(start: Int)
}
