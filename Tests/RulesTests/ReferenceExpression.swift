import TestSupport
import Rules

/// An independent model of the rule language for property tests: a tree (indirect enum), a printer
/// to text and a direct evaluator with the language's semantics for undefined facts.
indirect enum ReferenceExpression {
    case fact(String)
    case number(Double, text: String)
    case string(String)
    case boolean(Bool)
    case compare(ReferenceExpression, String, ReferenceExpression)
    case not(ReferenceExpression)
    case and(ReferenceExpression, ReferenceExpression)
    case or(ReferenceExpression, ReferenceExpression)

    // MARK: Evaluation

    /// Whether the expression holds: a comparison reading an undefined value (or values of different
    /// types) is false; an undefined boolean fact does not hold; not/and/or are the usual ones.
    func holds(_ facts: [String: RuleValue]) -> Bool {
        switch self {
        case .fact, .boolean:
            return value(facts) == .boolean(true)
        case .number, .string:
            fatalError("not a condition")
        case .not(let inner):
            return !inner.holds(facts)
        case .and(let a, let b):
            return a.holds(facts) && b.holds(facts)
        case .or(let a, let b):
            return a.holds(facts) || b.holds(facts)
        case .compare(let a, let op, let b):
            switch (a.value(facts), b.value(facts)) {
            case let (.number(x), .number(y)):
                switch op {
                case "==": return x == y
                case "!=": return x != y
                case "<": return x < y
                case "<=": return x <= y
                case ">": return x > y
                case ">=": return x >= y
                default: fatalError("operator \(op)")
                }
            case let (.string(x), .string(y)):
                return op == "==" ? x == y : x != y
            case let (.boolean(x), .boolean(y)):
                return op == "==" ? x == y : x != y
            default:
                return false
            }
        }
    }

    /// The value of an operand; conditions give booleans.
    private func value(_ facts: [String: RuleValue]) -> RuleValue {
        switch self {
        case .fact(let name):
            // A value of another type than the vocabulary gives the fact counts as undefined.
            switch (facts[name] ?? .undefined, ReferenceGenerator.vocabulary.slot(of: name).map(ReferenceGenerator.vocabulary.type(ofSlot:))) {
            case (.number(let x), .number): .number(x)
            case (.string(let x), .string): .string(x)
            case (.boolean(let x), .boolean): .boolean(x)
            default: .undefined
            }
        case .number(let value, _): .number(value)
        case .string(let value): .string(value)
        case .boolean(let value): .boolean(value)
        case .compare, .not, .and, .or: .boolean(holds(facts))
        }
    }

    /// The distinct facts named, in order of appearance in the printed text.
    var factNames: [String] {
        var names: [String] = []
        func visit(_ expression: ReferenceExpression) {
            switch expression {
            case .fact(let name): if !names.contains(name) { names.append(name) }
            case .number, .string, .boolean: break
            case .not(let inner): visit(inner)
            case .compare(let a, _, let b), .and(let a, let b), .or(let a, let b): visit(a); visit(b)
            }
        }
        visit(self)
        return names
    }

    // MARK: Printing

    /// Binding strength: or 1, and 2, not 3, comparison 4, operand 5.
    private var level: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .not: 3
        case .compare: 4
        case .fact, .number, .string, .boolean: 5
        }
    }

    /// The expression as text, with random whitespace (including line breaks) and redundant parentheses.
    func text(_ random: inout SplitMix64) -> String {
        print(atLeast: 1, &random)
    }

    private func print(atLeast level: Int, _ random: inout SplitMix64) -> String {
        let body: String
        switch self {
        case .fact(let name): body = name
        case .number(_, let text): body = text
        case .string(let value):
            body = "\"" + value.map { $0 == "\"" || $0 == "\\" ? "\\\($0)" : "\($0)" }.joined() + "\""
        case .boolean(let value): body = "\(value)"
        case .not(let inner): body = "not" + Self.space(&random, required: true) + inner.print(atLeast: 3, &random)
        case .compare(let a, let op, let b):
            body = a.print(atLeast: 5, &random) + Self.space(&random) + op + Self.space(&random) + b.print(atLeast: 5, &random)
        case .and(let a, let b):
            body = a.print(atLeast: 2, &random) + Self.space(&random, required: true) + "and"
                + Self.space(&random, required: true) + b.print(atLeast: 3, &random)
        case .or(let a, let b):
            body = a.print(atLeast: 1, &random) + Self.space(&random, required: true) + "or"
                + Self.space(&random, required: true) + b.print(atLeast: 2, &random)
        }
        if self.level < level || random.chance(8) {
            return "(" + Self.space(&random) + body + Self.space(&random) + ")"
        }
        return body
    }

    private static func space(_ random: inout SplitMix64, required: Bool = false) -> String {
        let choices = [" ", " ", " ", "  ", "\n", "\r\n", "\t", "\n    "]
        if !required, random.chance(40) { return "" }
        return random.pick(choices)
    }
}

/// Generates random well-typed expressions over a small vocabulary, and random facts for it.
struct ReferenceGenerator {
    static let vocabulary = RuleVocabulary([
        ("n1", .number), ("n2", .number), ("s1", .string), ("s2", .string), ("b1", .boolean), ("b2", .boolean),
    ])
    static let numberLiterals: [(String, Double)] = [
        ("0", 0), ("-15", -15), ("2", 2), ("2.5", 2.5), ("-0.3", -0.3), ("3", 3), ("0.1", 0.1), ("1000000", 1_000_000),
    ]
    static let strings = ["a", "b", "", "東京", #"say "hi""#, #"back\slash"#]
    static let numberValues: [Double] = [0, -15, 2, 2.5, -0.3, 3, 7, 0.1 + 0.2, 0.1, -0.0]
    static let comparisons = ["==", "!=", "<", "<=", ">", ">="]

    var random: SplitMix64

    mutating func condition(depth: Int) -> ReferenceExpression {
        let choice = depth <= 0 ? random.below(4) : random.below(8)
        switch choice {
        case 0: return .compare(numberOperand(), random.pick(Self.comparisons), numberOperand())
        case 1: return .compare(stringOperand(), random.pick(["==", "!="]), stringOperand())
        case 2: return random.chance(70) ? .fact(random.pick(["b1", "b2"])) : .boolean(random.chance(50))
        case 3: return .compare(booleanOperand(depth: depth - 1), random.pick(["==", "!="]), booleanOperand(depth: depth - 1))
        case 4: return .not(condition(depth: depth - 1))
        case 5, 6: return .and(condition(depth: depth - 1), condition(depth: depth - 1))
        default: return .or(condition(depth: depth - 1), condition(depth: depth - 1))
        }
    }

    private mutating func numberOperand() -> ReferenceExpression {
        if random.chance(60) { return .fact(random.pick(["n1", "n2"])) }
        let (text, value) = random.pick(Self.numberLiterals)
        return .number(value, text: text)
    }

    private mutating func stringOperand() -> ReferenceExpression {
        random.chance(60) ? .fact(random.pick(["s1", "s2"])) : .string(random.pick(Self.strings))
    }

    private mutating func booleanOperand(depth: Int) -> ReferenceExpression {
        switch random.below(depth > 0 ? 3 : 2) {
        case 0: return .fact(random.pick(["b1", "b2"]))
        case 1: return .boolean(random.chance(50))
        default: return condition(depth: depth - 1)
        }
    }

    /// Random values for the vocabulary: a quarter undefined, a few of the wrong type.
    mutating func facts() -> [String: RuleValue] {
        var facts: [String: RuleValue] = [:]
        for name in Self.vocabulary.names {
            if random.chance(25) { continue }
            if random.chance(3) {
                facts[name] = random.pick([.number(2), .string("a"), .boolean(true)])
                continue
            }
            switch Self.vocabulary.type(ofSlot: Self.vocabulary.slot(of: name)!) {
            case .number: facts[name] = .number(random.pick(Self.numberValues))
            case .string: facts[name] = .string(random.pick(Self.strings + ["c"]))
            case .boolean: facts[name] = .boolean(random.chance(50))
            }
        }
        return facts
    }
}
