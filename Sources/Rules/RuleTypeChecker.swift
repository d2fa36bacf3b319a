/// Checks the types of a parsed expression, reporting the first problem from left to right:
/// ordering (`<`, `<=`, `>`, `>=`) needs two numbers, `==`/`!=` two operands of one type, and the
/// whole expression and each operand of `and`, `or` and `not` must be boolean.
enum RuleTypeChecker {
    /// Throws unless `syntax` is a well-typed condition.
    static func check(_ syntax: RuleSyntax) throws(RuleError) {
        try requireCondition(syntax)
    }

    /// Checks `syntax` and throws unless it is boolean.
    private static func requireCondition(_ syntax: RuleSyntax) throws(RuleError) {
        guard try type(of: syntax) != .boolean else { return }
        let operand = syntax.operand
        throw RuleError(at: position(of: operand),
                        "expected a condition (a comparison, true, false or a boolean fact), got \(describe(operand))")
    }

    /// Checks `syntax` and returns its type.
    private static func type(of syntax: RuleSyntax) throws(RuleError) -> RuleType {
        switch syntax {
        case .fact(_, _, let type, _):
            return type
        case .number:
            return .number
        case .string:
            return .string
        case .boolean:
            return .boolean
        case .group(let inner, _):
            return try type(of: inner)
        case .not(let inner, _, _):
            try requireCondition(inner)
            return .boolean
        case .all(let terms), .any(let terms):
            for term in terms { try requireCondition(term) }
            return .boolean
        case .comparison(let lhs, let comparison, let rhs, let position):
            let lhsType = try type(of: lhs)
            let rhsType = try type(of: rhs)
            if comparison.isOrdering {
                for (operand, type) in [(lhs, lhsType), (rhs, rhsType)] where type != .number {
                    let operand = operand.operand
                    throw RuleError(at: self.position(of: operand),
                                    "'\(comparison.symbol)' compares numbers, but \(name(operand)) is \(article(type))")
                }
            } else if lhsType != rhsType {
                throw RuleError(at: position, "cannot compare \(article(lhsType)) with \(article(rhsType))")
            }
            return .boolean
        }
    }

    /// Where an operand starts.
    private static func position(of syntax: RuleSyntax) -> RuleSourcePosition {
        switch syntax {
        case .fact(_, _, _, let position), .number(_, _, let position), .string(_, _, let position),
             .boolean(_, let position), .group(_, let position), .not(_, _, let position):
            position
        case .comparison(let lhs, _, _, _):
            position(of: lhs)
        case .all(let terms), .any(let terms):
            position(of: terms[0])
        }
    }

    /// A non-boolean operand for `got …`: `the number fact 'arr'`, `the number 5`, `the string "x"`.
    private static func describe(_ syntax: RuleSyntax) -> String {
        switch syntax {
        case .fact(_, let name, let type, _): "the \(type.rawValue) fact '\(name)'"
        case .number(_, let text, _): "the number \(text)"
        case .string(_, let text, _): "the string \(text)"
        default: "the condition in parentheses"   // never: conditions are boolean
        }
    }

    /// An operand for `but … is a string`: `'plan'`, `"x"`, `true`, `the condition in parentheses`.
    private static func name(_ syntax: RuleSyntax) -> String {
        switch syntax {
        case .fact(_, let name, _, _): "'\(name)'"
        case .number(_, let text, _), .string(_, let text, _): text
        case .boolean(let value, _): "\(value)"
        default: "the condition in parentheses"
        }
    }

    /// `a number`, `a string`, `a boolean`.
    private static func article(_ type: RuleType) -> String {
        "a \(type.rawValue)"
    }
}
