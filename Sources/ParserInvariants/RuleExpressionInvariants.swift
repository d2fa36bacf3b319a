import Rules

/// The properties of the rule-expression compiler (``RuleExpression/compile(_:vocabulary:)``),
/// checked on any bytes taken as expression text (invalid UTF-8 reads as U+FFFD).
///
/// - Compiling is deterministic: the same expression, or the same error.
/// - An error lies inside the text: a line that exists and a column at most one past its end
///   (lines by LF, a CR before LF takes no column, columns in Unicode scalars).
/// - A compiled expression reads only vocabulary facts, each once, in order of first appearance,
///   and evaluates as an independent reference evaluator of the documented language says, for
///   facts that are undefined, of the vocabulary's type, or of another type (which counts as
///   undefined), on several assignments drawn from the input.
/// - `not (e)` is the negation of `e`; `(e) and (e)`, `(e) or false` and `true and (e)` are `e`.
public enum RuleExpressionInvariants {
    static let parser = "Rules"

    /// The facts the fuzzed expressions may read.
    static let facts: [(name: String, type: RuleType)] = [
        ("n1", .number), ("n2", .number), ("s1", .string), ("s2", .string), ("b1", .boolean), ("b2", .boolean),
        ("arr", .number), ("plan", .string), ("is_trial", .boolean), ("account.name", .string),
    ]
    static let vocabulary = RuleVocabulary(facts)

    /// Checks every rule-expression property on `bytes`; throws the first one that fails.
    public static func check(_ bytes: [UInt8]) throws(InvariantViolation) {
        let text = String(decoding: bytes, as: UTF8.self)
        let first = compile(text)
        let second = compile(text)
        try require(first == second, parser, "compiling is deterministic", "\(first) then \(second) for \(show(text))")
        let expression: RuleExpression
        switch first {
        case .failure(let error):
            try require(isInside(error, text), parser, "an error lies inside the text", "\(error) for \(show(text))")
            return
        case .success(let compiled):
            expression = compiled
        }
        guard let reference = Reference(text) else {
            throw InvariantViolation(parser: parser, invariant: "the reference reads what compiles", details: show(text))
        }
        try require(expression.factsRead == reference.factsRead, parser, "the facts read are those named, in order",
                    "\(expression.factsRead) for \(reference.factsRead) in \(show(text))")
        try require(expression.slotsRead == expression.factsRead.map { vocabulary.slot(of: $0)! }, parser,
                    "the slots read are those of the facts read", "\(expression.slotsRead) for \(expression.factsRead)")

        let variants = ["not (\(text)\n)", "(\(text)\n) and (\(text)\n)", "(\(text)\n) or false", "true and (\(text)\n)"]
        let compiledVariants = variants.map { try? RuleExpression.compile($0, vocabulary: vocabulary) }
        var random = SplitMix64(seed: bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 })
        for round in 0..<12 {
            let values = assignment(&random, round: round)
            let got = expression.evaluate(ArrayFacts(values: values))
            let expected = reference.holds(values)
            try require(got == expected, parser, "evaluation agrees with the reference evaluator",
                        "\(show(text)) is \(got), reference \(expected), with \(describe(values))")
            for (variant, compiled) in zip(variants, compiledVariants) {
                // A variant fails to compile only when the extra parentheses nest too deeply.
                guard let compiled else { continue }
                let holds = compiled.evaluate(ArrayFacts(values: values))
                let want = variant.hasPrefix("not") ? !got : got
                try require(holds == want, parser, "not negates, and/or with itself or a constant change nothing",
                            "\(show(variant)) is \(holds), expected \(want), with \(describe(values))")
            }
        }
    }

    static func compile(_ text: String) -> Result<RuleExpression, RuleError> {
        do throws(RuleError) {
            return .success(try RuleExpression.compile(text, vocabulary: vocabulary))
        } catch {
            return .failure(error)
        }
    }

    /// Whether an error's position is in the text: a line that exists and a column at most one
    /// past the line's end (lines by LF; a CR before LF is no column).
    static func isInside(_ error: RuleError, _ text: String) -> Bool {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard error.line >= 1, error.line <= lines.count, error.column >= 1 else { return false }
        var line = lines[error.line - 1]
        if error.line < lines.count, line.last == "\r" { line.removeLast() }
        return error.column <= line.count + 1
    }

    // MARK: - Facts

    /// Facts by slot.
    struct ArrayFacts: RuleFacts {
        let values: [RuleValue]
        func value(ofSlot slot: Int) -> RuleValue { values[slot] }
    }

    /// Values for every fact: some undefined, most of the vocabulary's type, some of another type.
    static func assignment(_ random: inout SplitMix64, round: Int) -> [RuleValue] {
        let numbers: [Double] = [0, -0.0, -15, 2, 2.5, 3, 0.1, 12_000_000, -0.3]
        let strings = ["", "a", "enterprise", "東京", "e\u{301}", "é", "say \"hi\""]
        return facts.map { fact in
            let pick = random.next() % 10
            if pick == 0 || (round == 0) { return .undefined }
            let type = pick == 1 ? [RuleType.number, .string, .boolean][Int(random.next() % 3)] : fact.type
            switch type {
            case .number: return .number(numbers[Int(random.next() % UInt64(numbers.count))])
            case .string: return .string(strings[Int(random.next() % UInt64(strings.count))])
            case .boolean: return .boolean(random.next() % 2 == 0)
            }
        }
    }

    static func describe(_ values: [RuleValue]) -> String {
        zip(facts, values).map { "\($0.name)=\($1)" }.joined(separator: " ")
    }

    /// A small seeded generator (SplitMix64).
    struct SplitMix64 {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    // MARK: - Reference evaluator

    /// An independent reading of the language as ``RuleExpression`` documents it: a token list,
    /// a recursive-descent parser into a tree, and a direct evaluator. It reads only text that
    /// compiled, so it reports no errors beyond "cannot read".
    struct Reference {
        indirect enum Node {
            case fact(Int)
            case number(Double)
            case string(String)
            case boolean(Bool)
            case compare(Node, String, Node)
            /// One or more `not`s: a condition (its value is whether it holds), negated when their count is odd.
            case not(Node, negated: Bool)
            case all([Node])
            case any([Node])
        }

        enum Token: Equatable {
            case open, close, and, or, not, end
            case number(Double)
            case string(String)
            case boolean(Bool)
            case name(String)
            case op(String)
        }

        let root: Node
        let factsRead: [String]

        init?(_ text: String) {
            guard let tokens = Self.tokens(text) else { return nil }
            var parser = Parser(tokens: tokens)
            guard let root = parser.or(), parser.peek == .end else { return nil }
            self.root = root
            self.factsRead = parser.names
        }

        func holds(_ values: [RuleValue]) -> Bool { Self.holds(root, values) }

        static func holds(_ node: Node, _ values: [RuleValue]) -> Bool {
            switch node {
            case .not(let inner, let negated): return holds(inner, values) != negated
            case .all(let terms): return terms.allSatisfy { holds($0, values) }
            case .any(let terms): return terms.contains { holds($0, values) }
            case .compare(let a, let op, let b):
                switch (value(a, values), value(b, values)) {
                case let (.number(x), .number(y)):
                    switch op {
                    case "==": return x == y
                    case "!=": return x != y
                    case "<": return x < y
                    case "<=": return x <= y
                    case ">": return x > y
                    default: return x >= y
                    }
                case let (.string(x), .string(y)): return op == "==" ? x == y : op == "!=" ? x != y : false
                case let (.boolean(x), .boolean(y)): return op == "==" ? x == y : op == "!=" ? x != y : false
                default: return false
                }
            default:
                return value(node, values) == .boolean(true)
            }
        }

        /// The value of an operand: a fact whose value has another type than the vocabulary's is undefined.
        static func value(_ node: Node, _ values: [RuleValue]) -> RuleValue {
            switch node {
            case .fact(let slot):
                let value = values[slot]
                switch (value, facts[slot].type) {
                case (.number, .number), (.string, .string), (.boolean, .boolean): return value
                default: return .undefined
                }
            case .number(let x): return .number(x)
            case .string(let s): return .string(s)
            case .boolean(let b): return .boolean(b)
            case .compare, .not, .all, .any: return .boolean(holds(node, values))
            }
        }

        static func tokens(_ text: String) -> [Token]? {
            let scalars = Array(text.unicodeScalars)
            var tokens: [Token] = []
            var i = 0
            func isDigit(_ k: Int) -> Bool { k < scalars.count && ("0"..."9").contains(scalars[k]) }
            func isNameScalar(_ s: Unicode.Scalar) -> Bool {
                ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_" || s == "."
            }
            while i < scalars.count {
                let s = scalars[i]
                if s == " " || s == "\t" || s == "\r" || s == "\n" { i += 1; continue }
                if s == "(" { tokens.append(.open); i += 1; continue }
                if s == ")" { tokens.append(.close); i += 1; continue }
                if s == "\"" {
                    var value = String.UnicodeScalarView()
                    i += 1
                    while true {
                        guard i < scalars.count else { return nil }
                        if scalars[i] == "\"" { i += 1; break }
                        if scalars[i] == "\\" { i += 1; guard i < scalars.count else { return nil } }
                        value.append(scalars[i])
                        i += 1
                    }
                    tokens.append(.string(String(value)))
                    continue
                }
                if isDigit(i) || (s == "-" && isDigit(i + 1)) {
                    let start = i
                    i += 1
                    while isDigit(i) { i += 1 }
                    if i < scalars.count, scalars[i] == ".", isDigit(i + 1) {
                        i += 1
                        while isDigit(i) { i += 1 }
                    }
                    guard let value = Double(String(String.UnicodeScalarView(scalars[start..<i]))) else { return nil }
                    tokens.append(.number(value))
                    continue
                }
                if ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "_" {
                    let start = i
                    while i < scalars.count, isNameScalar(scalars[i]) { i += 1 }
                    let word = String(String.UnicodeScalarView(scalars[start..<i]))
                    switch word {
                    case "and": tokens.append(.and)
                    case "or": tokens.append(.or)
                    case "not": tokens.append(.not)
                    case "true": tokens.append(.boolean(true))
                    case "false": tokens.append(.boolean(false))
                    default: tokens.append(.name(word))
                    }
                    continue
                }
                let pair = i + 1 < scalars.count ? String(s) + String(scalars[i + 1]) : ""
                if ["==", "!=", "<=", ">="].contains(pair) { tokens.append(.op(pair)); i += 2; continue }
                if s == "<" || s == ">" { tokens.append(.op(String(s))); i += 1; continue }
                return nil
            }
            tokens.append(.end)
            return tokens
        }

        struct Parser {
            let tokens: [Token]
            var index = 0
            var names: [String] = []

            var peek: Token { index < tokens.count ? tokens[index] : .end }

            mutating func or() -> Node? {
                guard let first = and() else { return nil }
                var terms = [first]
                while peek == .or {
                    index += 1
                    guard let term = and() else { return nil }
                    terms.append(term)
                }
                return terms.count == 1 ? first : .any(terms)
            }

            mutating func and() -> Node? {
                guard let first = not() else { return nil }
                var terms = [first]
                while peek == .and {
                    index += 1
                    guard let term = not() else { return nil }
                    terms.append(term)
                }
                return terms.count == 1 ? first : .all(terms)
            }

            mutating func not() -> Node? {
                var count = 0
                while peek == .not {
                    count += 1
                    index += 1
                }
                guard let operand = comparison() else { return nil }
                return count == 0 ? operand : .not(operand, negated: count % 2 == 1)
            }

            mutating func comparison() -> Node? {
                guard let lhs = operand() else { return nil }
                guard case .op(let op) = peek else { return lhs }
                index += 1
                guard let rhs = operand() else { return nil }
                return .compare(lhs, op, rhs)
            }

            mutating func operand() -> Node? {
                let token = peek
                index += 1
                switch token {
                case .number(let x): return .number(x)
                case .string(let s): return .string(s)
                case .boolean(let b): return .boolean(b)
                case .name(let name):
                    guard let slot = RuleExpressionInvariants.vocabulary.slot(of: name) else { return nil }
                    if !names.contains(name) { names.append(name) }
                    return .fact(slot)
                case .open:
                    guard let inner = or(), peek == .close else { return nil }
                    index += 1
                    return inner
                default:
                    return nil
                }
            }
        }
    }
}
