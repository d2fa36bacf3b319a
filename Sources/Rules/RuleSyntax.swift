/// The parsed form of an expression, before type checking; built at compile time only
/// (evaluation runs on ``RuleNode``s).
indirect enum RuleSyntax: Sendable {
    /// A fact name resolved to its slot.
    case fact(slot: Int, name: String, type: RuleType, at: RuleSourcePosition)
    /// A number literal with its text as written.
    case number(Double, text: String, at: RuleSourcePosition)
    /// A string literal with its text as written (quotes and escapes included).
    case string(String, text: String, at: RuleSourcePosition)
    /// `true` or `false`.
    case boolean(Bool, at: RuleSourcePosition)
    /// `( expression )`, at the `(`.
    case group(RuleSyntax, at: RuleSourcePosition)
    /// `lhs op rhs`, at the operator.
    case comparison(RuleSyntax, RuleComparison, RuleSyntax, at: RuleSourcePosition)
    /// One or more `not`s before an operand, at the first; `negated` when their count is odd.
    case not(RuleSyntax, negated: Bool, at: RuleSourcePosition)
    /// Two or more operands joined by `and`.
    case all([RuleSyntax])
    /// Two or more operands joined by `or`.
    case any([RuleSyntax])

    /// The expression inside any parentheses.
    var ungrouped: RuleSyntax {
        var syntax = self
        while case .group(let inner, _) = syntax { syntax = inner }
        return syntax
    }

    /// The operand as messages name it: the value inside parentheses that hold a single value
    /// (`(plan)` is `plan`), else the expression itself.
    var operand: RuleSyntax {
        let inner = ungrouped
        return inner.isValue ? inner : self
    }

    /// Whether this is a fact or a literal.
    var isValue: Bool {
        switch self {
        case .fact, .number, .string, .boolean: true
        default: false
        }
    }

    /// The number of comparison nodes the expression compiles to (its conditions, not counting
    /// parenthesised conditions used as operands of `==`/`!=`).
    var leafCount: Int {
        switch self {
        case .fact, .number, .string, .boolean, .comparison: 1
        case .group(let inner, _), .not(let inner, _, _): inner.leafCount
        case .all(let terms), .any(let terms): terms.reduce(0) { $0 + $1.leafCount }
        }
    }
}
