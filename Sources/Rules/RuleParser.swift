/// Parses expression text into ``RuleSyntax`` by recursive descent, resolving fact names against
/// the vocabulary; reports the first lexical, syntactic or unknown-fact error in reading order.
///
/// ```
/// expression := or
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := "not"* comparison
/// comparison := operand (op operand)?        op := == != < <= > >=
/// operand    := number | string | true | false | name | "(" expression ")"
/// ```
struct RuleParser {
    /// Parentheses may nest this deep; deeper text is rejected rather than risking the stack.
    static let maximumNesting = 64

    private var lexer: RuleLexer
    private var current: RuleToken
    private let vocabulary: RuleVocabulary
    private var nesting = 0
    /// The distinct slots read, in order of first appearance in the text.
    private(set) var slotsRead: [Int] = []

    /// What the parser says when an operand is missing: `expected a value after '>='`.
    private struct Expectation {
        let what: String
        let after: String?

        var message: String {
            guard let after else { return "expected \(what)" }
            return "expected \(what) after '\(after)'"
        }

        static let expression = Expectation(what: "an expression", after: nil)
        static func condition(after keyword: String) -> Expectation { .init(what: "a condition", after: keyword) }
    }

    init(_ text: String, vocabulary: RuleVocabulary) throws(RuleError) {
        self.vocabulary = vocabulary
        lexer = RuleLexer(text)
        current = try lexer.next()
    }

    /// The whole text as one expression.
    mutating func parse() throws(RuleError) -> RuleSyntax {
        guard current.kind != .end else { throw RuleError(at: .start, "expected an expression") }
        let syntax = try parseOr(.expression)
        guard current.kind == .end else {
            throw RuleError(at: current.position,
                            "expected 'and', 'or' or the end of the expression, got \(current.quoted)")
        }
        return syntax
    }

    private mutating func advance() throws(RuleError) {
        current = try lexer.next()
    }

    private mutating func parseOr(_ expectation: Expectation) throws(RuleError) -> RuleSyntax {
        var terms = [try parseAnd(expectation)]
        while current.kind == .or {
            try advance()
            terms.append(try parseAnd(.condition(after: "or")))
        }
        return terms.count == 1 ? terms[0] : .any(terms)
    }

    private mutating func parseAnd(_ expectation: Expectation) throws(RuleError) -> RuleSyntax {
        var terms = [try parseNot(expectation)]
        while current.kind == .and {
            try advance()
            terms.append(try parseNot(.condition(after: "and")))
        }
        return terms.count == 1 ? terms[0] : .all(terms)
    }

    private mutating func parseNot(_ expectation: Expectation) throws(RuleError) -> RuleSyntax {
        guard current.kind == .not else { return try parseComparison(expectation) }
        let first = current.position
        var count = 0
        while current.kind == .not {
            count += 1
            try advance()
        }
        let operand = try parseComparison(.condition(after: "not"))
        return .not(operand, negated: count % 2 == 1, at: first)
    }

    private mutating func parseComparison(_ expectation: Expectation) throws(RuleError) -> RuleSyntax {
        let lhs = try parseOperand(expectation)
        guard case .comparison(let comparison) = current.kind else { return lhs }
        let position = current.position
        try advance()
        let rhs = try parseOperand(.init(what: "a value", after: comparison.symbol))
        if case .comparison = current.kind {
            throw RuleError(at: current.position, "comparisons cannot be chained; join them with 'and'")
        }
        return .comparison(lhs, comparison, rhs, at: position)
    }

    private mutating func parseOperand(_ expectation: Expectation) throws(RuleError) -> RuleSyntax {
        let token = current
        switch token.kind {
        case .number(let value):
            try advance()
            return .number(value, text: token.text, at: token.position)
        case .string(let value):
            try advance()
            return .string(value, text: token.text, at: token.position)
        case .boolean(let value):
            try advance()
            return .boolean(value, at: token.position)
        case .name:
            guard let slot = vocabulary.slot(of: token.text) else {
                var message = "unknown fact '\(token.text)'"
                if let suggestion = vocabulary.suggestion(for: token.text) {
                    message += "; did you mean '\(suggestion)'?"
                }
                throw RuleError(at: token.position, message)
            }
            if !slotsRead.contains(slot) { slotsRead.append(slot) }
            try advance()
            return .fact(slot: slot, name: token.text, type: vocabulary.type(ofSlot: slot), at: token.position)
        case .openParen:
            guard nesting < Self.maximumNesting else {
                throw RuleError(at: token.position,
                                "parentheses nested too deeply; at most \(Self.maximumNesting) levels are allowed")
            }
            nesting += 1
            try advance()
            let inner = try parseOr(.init(what: "an expression", after: "("))
            guard current.kind == .closeParen else {
                throw RuleError(at: current.position,
                                "expected ')' to close the '(' at column \(token.position.column)")
            }
            nesting -= 1
            try advance()
            return .group(inner, at: token.position)
        case .and, .or, .not, .comparison, .closeParen, .end:
            throw RuleError(at: token.position, expectation.message)
        }
    }
}
