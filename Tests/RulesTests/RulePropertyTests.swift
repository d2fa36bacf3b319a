import TestSupport
import Testing
import Rules

/// Seeded random tests: token soup never crashes the compiler, and random well-formed expressions
/// evaluate as the reference model says.
@Suite struct RulePropertyTests {
    private static let soup = [
        "arr", "plan", "is_trial", "x", "helth", "a.b", "_", "AND", "and", "or", "not", "true", "false",
        "(", ")", "((", "))", "==", "!=", "<", "<=", ">", ">=", "=", "!", "&&", "||", "&", "|",
        "\"", "\"abc\"", "\"東京\"", "\"a\\\"b\"", "\\", "\\n", "\\\\", "-", "-15", "0.5", "1.", ".5", "12", "1e5",
        " ", " ", " ", "\t", "\n", "\r\n", "\r", "#", "'", "東", "👍🏽", "\u{0}", "\u{3000}", "é", "\u{301}", "~",
    ]

    @Test func tokenSoupNeverCrashesTheCompiler() {
        var random = SplitMix64(seed: 0x5EED_0001)
        var compiled = 0, rejected = 0
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<random.below(13) {
                text += random.pick(Self.soup)
                if random.chance(50) { text += random.pick([" ", "", "\n"]) }
            }
            do {
                let expression = try RuleExpression.compile(text, vocabulary: testVocabulary)
                compiled += 1
                #expect(Set(expression.factsRead).isSubset(of: testVocabulary.names))
                _ = expression.evaluate(DictionaryFacts(["arr": .number(1), "plan": .string("東京")]))
                _ = expression.evaluate(DictionaryFacts([:]))
            } catch {
                rejected += 1
                #expect(Self.isInside(error, text), "\(error) for \(text.debugDescription)")
            }
        }
        #expect(compiled > 0)
        #expect(rejected > 0)
    }

    @Test func randomExpressionsAgreeWithTheReferenceEvaluator() throws {
        var generator = ReferenceGenerator(random: SplitMix64(seed: 0x5EED_0002))
        var holding = 0, total = 0
        for _ in 0..<2_000 {
            let reference = generator.condition(depth: generator.random.below(5))
            let text = reference.text(&generator.random)
            let expression = try RuleExpression.compile(text, vocabulary: ReferenceGenerator.vocabulary)
            #expect(expression.factsRead == reference.factNames, "\(text.debugDescription)")
            for _ in 0..<20 {
                let values = generator.facts()
                let facts = DictionaryFacts(values, vocabulary: ReferenceGenerator.vocabulary)
                let expected = reference.holds(values)
                #expect(expression.evaluate(facts) == expected, "\(text.debugDescription) with \(values)")
                total += 1
                if expected { holding += 1 }
            }
        }
        // Both outcomes are well represented.
        #expect(holding > total / 10 && holding < total * 9 / 10)
    }

    /// Whether an error's position is in the text: a line that exists and a column at most one past
    /// the line's end (lines by LF; a CR before LF is no column).
    private static func isInside(_ error: RuleError, _ text: String) -> Bool {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard error.line >= 1, error.line <= lines.count, error.column >= 1 else { return false }
        var line = lines[error.line - 1]
        if error.line < lines.count, line.last == "\r" { line.removeLast() }
        return error.column <= line.count + 1
    }
}
