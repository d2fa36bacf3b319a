import Testing
import Rules

/// An expression, the facts it is evaluated with, and the result it must give.
struct EvaluationCase: Sendable, CustomTestStringConvertible {
    let text: String
    let facts: [String: RuleValue]
    let expected: Bool

    init(_ text: String, _ facts: [String: RuleValue], _ expected: Bool) {
        self.text = text
        self.facts = facts
        self.expected = expected
    }

    /// An expression that reads no facts.
    init(_ text: String, _ expected: Bool) {
        self.init(text, [:], expected)
    }

    var testDescription: String { "\(text) with \(facts) is \(expected)" }
}

private let tier = #"plan == "enterprise" or arr >= 12000000"#
private let renewal = #"days_to_renewal >= 0 and days_to_renewal <= 90 and health_band != "green""#

let evaluationCases: [EvaluationCase] = [
    // Constants and precedence: or < and < not < comparison.
    .init("true", true),
    .init("false", false),
    .init("true or false and false", true),
    .init("(true or false) and false", false),
    .init("not true or true", true),
    .init("not (true or true)", false),
    .init("not not true", true),
    .init("not not not true", false),
    .init("false and true or true", true),
    .init("false and (true or true)", false),
    .init("((((true))))", true),
    .init("not x < 3", ["x": .number(5)], true),
    .init("x > 1 and x < 3 or x == 10", ["x": .number(10)], true),
    .init("x > 1 and (x < 3 or x == 10)", ["x": .number(0)], false),
    // The default rules (docs/metrics.md §2 and §8).
    .init(tier, ["plan": .string("enterprise"), "arr": .number(5)], true),
    .init(tier, ["plan": .string("pro"), "arr": .number(12_000_000)], true),
    .init(tier, ["plan": .string("pro"), "arr": .number(11_999_999.99)], false),
    .init(tier, [:], false),
    .init(renewal, ["days_to_renewal": .number(30), "health_band": .string("yellow")], true),
    .init(renewal, ["days_to_renewal": .number(0), "health_band": .string("red")], true),
    .init(renewal, ["days_to_renewal": .number(30), "health_band": .string("green")], false),
    .init(renewal, ["days_to_renewal": .number(91), "health_band": .string("yellow")], false),
    .init(renewal, ["health_band": .string("yellow")], false),
    .init(renewal, ["days_to_renewal": .number(30)], false),
    .init("health_delta <= -15", ["health_delta": .number(-15)], true),
    .init("health_delta <= -15", ["health_delta": .number(-14.5)], false),
    .init("health_delta <= -15", [:], false),
    // Numbers: decimals, negatives, leading zeros, exact double equality.
    .init("health_delta > -0.3", ["health_delta": .number(-0.2)], true),
    .init("health_delta > -0.3", ["health_delta": .number(-0.3)], false),
    .init("x >= 1.50", ["x": .number(1.5)], true),
    .init("x == 007", ["x": .number(7)], true),
    .init("x == 0.1", ["x": .number(0.1)], true),
    .init("x == 0.3", ["x": .number(0.1 + 0.2)], false),
    .init("x != 0.3", ["x": .number(0.1 + 0.2)], true),
    .init("-0 == 0", true),
    .init("12000000 <= arr", ["arr": .number(12_000_000)], true),
    .init("0 > x", ["x": .number(-1)], true),
    // Strings, Japanese text and escapes.
    .init(#"region == "東京""#, ["region": .string("東京")], true),
    .init(#"region == "東京""#, ["region": .string("大阪")], false),
    .init(#"region != "東京""#, ["region": .string("大阪")], true),
    .init(#""東京" == region"#, ["region": .string("東京")], true),
    .init(#"account.name == "株式会社テスト \"本社\"""#, ["account.name": .string(#"株式会社テスト "本社""#)], true),
    .init(#"account.name == "a\\b""#, ["account.name": .string(#"a\b"#)], true),
    .init(#"plan == "Enterprise""#, ["plan": .string("enterprise")], false),
    .init(#"plan == """#, ["plan": .string("")], true),
    // Boolean facts.
    .init("is_trial", ["is_trial": .boolean(true)], true),
    .init("is_trial", ["is_trial": .boolean(false)], false),
    .init("is_trial", [:], false),
    .init("not is_trial", [:], true),
    .init("not is_trial", ["is_trial": .boolean(true)], false),
    .init("is_trial == false", ["is_trial": .boolean(false)], true),
    .init("is_trial == false", [:], false),
    .init("is_trial != true", ["is_trial": .boolean(false)], true),
    .init("is_trial != true", [:], false),
    .init("flag == is_trial", ["flag": .boolean(true), "is_trial": .boolean(true)], true),
    .init("flag == is_trial", ["is_trial": .boolean(true)], false),
    .init("is_trial and flag", ["flag": .boolean(true), "is_trial": .boolean(true)], true),
    // Undefined facts: every comparison is false, != included; not still negates.
    .init("x != 3", [:], false),
    .init(#"plan != "pro""#, [:], false),
    .init("x == x", [:], false),
    .init("x == x", ["x": .number(2)], true),
    .init("x != x", [:], false),
    .init("not (x < 3)", [:], true),
    .init("not (x < 3)", ["x": .number(2)], false),
    .init("not x < 3", [:], true),
    .init("x < 3 or x >= 3", [:], false),
    .init("x < 3 or not (x < 3)", [:], true),
    .init("0 > x", [:], false),
    .init("arr == health_score", ["arr": .number(50), "health_score": .number(50)], true),
    .init("arr == health_score", ["arr": .number(50)], false),
    .init("(x < 3) == true", [:], false),
    .init("(x < 3) == false", [:], true),
    .init("(x < 3) != (arr < 3)", ["x": .number(1)], true),
    // A value of the wrong type counts as undefined.
    .init("arr >= 1", ["arr": .string("5")], false),
    .init("is_trial", ["is_trial": .number(1)], false),
    // ... also when two facts are compared with each other (a general node), not only with a constant.
    .init("is_trial == is_trial", ["is_trial": .string("x")], false),
    .init("arr == health_score", ["arr": .string("5"), "health_score": .string("5")], false),
    .init("not (is_trial != flag)", ["is_trial": .number(1), "flag": .number(2)], true),
    // Literal against literal.
    .init("1 < 2", true),
    .init("2 < 1", false),
    .init("2 <= 2", true),
    .init(#""a" == "a""#, true),
    .init(#""a" != "a""#, false),
    .init("true == false", false),
    .init("true != false", true),
    .init("(true) == (1 < 2)", true),
    // Text over several lines (a YAML block scalar), with CRLF.
    .init("plan == \"enterprise\"\n  and arr >= 1\r\n", ["plan": .string("enterprise"), "arr": .number(1)], true),
    .init("plan == \"enterprise\"\r\n\tor\r\n\tarr >= 1\n", ["plan": .string("pro"), "arr": .number(0)], false),
]

@Suite struct RuleEvaluationTests {
    @Test(arguments: evaluationCases)
    func evaluates(_ example: EvaluationCase) throws {
        let expression = try RuleExpression.compile(example.text, vocabulary: testVocabulary)
        #expect(expression.evaluate(DictionaryFacts(example.facts)) == example.expected)
    }

    @Test func tableIsLargeEnough() {
        #expect(evaluationCases.count >= 40)
    }

    @Test func evaluatesWithAnArrayBackedFactsType() throws {
        struct RowFacts: RuleFacts {
            var row: [RuleValue]
            func value(ofSlot slot: Int) -> RuleValue { row[slot] }
        }
        let vocabulary = RuleVocabulary([("plan", .string), ("arr", .number)])
        let expression = try RuleExpression.compile(tier, vocabulary: vocabulary)
        #expect(expression.evaluate(RowFacts(row: [.string("enterprise"), .undefined])))
        #expect(expression.evaluate(RowFacts(row: [.undefined, .number(12_000_000)])))
        #expect(!expression.evaluate(RowFacts(row: [.string("pro"), .number(1)])))
        #expect(!expression.evaluate(RowFacts(row: [.undefined, .undefined])))
    }

    /// Many evaluations give the same answers as one; a sanity check of the hot path, not a timing.
    @Test func evaluatesManyTimesConsistently() throws {
        struct RowFacts: RuleFacts {
            var plan: RuleValue
            var arr: RuleValue
            func value(ofSlot slot: Int) -> RuleValue { slot == 0 ? plan : arr }
        }
        let vocabulary = RuleVocabulary([("plan", .string), ("arr", .number)])
        let expression = try RuleExpression.compile(tier, vocabulary: vocabulary)
        let plans: [RuleValue] = [.string("enterprise"), .string("pro"), .undefined]
        var holding = 0
        for index in 0..<300_000 {
            let facts = RowFacts(plan: plans[index % 3], arr: .number(Double(index * 100)))
            if expression.evaluate(facts) { holding += 1 }
        }
        // Enterprise: 100,000 rows; the others hold when arr ≥ 12,000,000, i.e. index ≥ 120,000.
        #expect(holding == 100_000 + 2 * (300_000 - 120_000) / 3)
    }
}
