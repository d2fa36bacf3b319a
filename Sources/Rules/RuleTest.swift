/// What one ``RuleNode`` tests. The common shapes (a fact against a constant) have their own
/// cases so that evaluation reads one fact and compares once; anything else is ``general``.
@usableFromInline
enum RuleTest: Sendable, Equatable {
    /// `fact op number`; false when the fact is not a number.
    case number(slot: Int, RuleComparison, Double)
    /// `fact == string` (`equal`) or `fact != string`, the string an index into the string table;
    /// false when the fact is not a string.
    case string(slot: Int, equal: Bool, Int)
    /// `fact == boolean` (`equal`) or `fact != boolean`; a bare boolean fact is `fact == true`.
    /// False when the fact is not a boolean.
    case boolean(slot: Int, equal: Bool, Bool)
    /// `true`, `false`, or a comparison of two constants decided at compile time.
    case constant(Bool)
    /// `lhs op rhs` for any other operands; false when either is undefined or their types differ.
    case general(RuleOperand, RuleComparison, RuleOperand)
}
