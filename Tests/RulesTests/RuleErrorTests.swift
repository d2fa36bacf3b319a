import Testing
import Rules

/// A malformed expression and the exact error it must give (`line:column: message`).
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: String

    init(_ text: String, _ expected: String) {
        self.text = text
        self.expected = expected
    }

    var testDescription: String { "\(text.debugDescription) → \(expected)" }
}

private let condition = "expected a condition (a comparison, true, false or a boolean fact)"

let errorCases: [ErrorCase] = [
    // Nothing there.
    .init("", "1:1: expected an expression"),
    .init("   \n\t ", "1:1: expected an expression"),
    .init(") or true", "1:1: expected an expression"),
    // An operator with nothing usable after it: past the last token, or at the token there.
    .init("arr >=", "1:7: expected a value after '>='"),
    .init("arr >=   \n", "1:7: expected a value after '>='"),
    .init("arr >= and", "1:8: expected a value after '>='"),
    .init("arr >= or", "1:8: expected a value after '>='"),
    .init("arr == not true", "1:8: expected a value after '=='"),
    .init("true and", "1:9: expected a condition after 'and'"),
    .init("true or )", "1:9: expected a condition after 'or'"),
    .init("not", "1:4: expected a condition after 'not'"),
    .init("not not >= 1", "1:9: expected a condition after 'not'"),
    .init("x >= ()", "1:7: expected an expression after '('"),
    // Unknown facts, with a suggestion within two edits.
    .init("helth_score > 3", "1:1: unknown fact 'helth_score'; did you mean 'health_score'?"),
    .init("arr > 1 and health_scroe < 3", "1:13: unknown fact 'health_scroe'; did you mean 'health_score'?"),
    .init("revenue > 3", "1:1: unknown fact 'revenue'"),
    .init("Plan == \"pro\"", "1:1: unknown fact 'Plan'; did you mean 'plan'?"),
    .init(#"region == "東京" and helth > 1"#, "1:20: unknown fact 'helth'"),
    // Strings.
    .init(#"plan == "enterprise"#, #"1:9: unterminated string; expected a closing '"'"#),
    .init(#"plan == "a\"#, #"1:9: unterminated string; expected a closing '"'"#),
    .init(#"plan == "a\nb""#, #"1:11: unknown escape '\n' in a string; only \" and \\ are allowed"#),
    .init(#"plan == "a\'""#, #"1:11: unknown escape '\'' in a string; only \" and \\ are allowed"#),
    // Characters from other languages.
    .init("true && false", "1:6: unexpected '&&'; use 'and'"),
    .init("true || false", "1:6: unexpected '||'; use 'or'"),
    .init(#"plan = "x""#, "1:6: unexpected '='; use '==' to compare"),
    .init("!is_trial", "1:1: unexpected '!'; use 'not' or '!='"),
    .init("arr > 3 # comment", "1:9: unexpected character '#'"),
    .init("true & false", "1:6: unexpected character '&'"),
    .init("plan == 'x'", "1:9: unexpected character '''"),
    .init("arr ≥ 5", "1:5: unexpected character '≥'"),
    .init("arr > 1\u{0}", "1:8: unexpected character U+0000"),
    .init("arr >\u{3000}1", "1:6: unexpected character U+3000"),
    // Numbers.
    .init("x >= 1.", "1:7: unexpected character '.'"),
    .init("x >= .5", "1:6: unexpected character '.'"),
    .init("x >= 1e5", "1:7: unexpected character 'e'"),
    .init("x >= 1,000", "1:7: unexpected character ','"),
    .init("x >= - 1", "1:6: unexpected character '-'"),
    // Parentheses and trailing tokens.
    .init("(arr > 3", "1:9: expected ')' to close the '(' at column 1"),
    .init("arr > 1 and (x < 1 or (x > 2)", "1:30: expected ')' to close the '(' at column 13"),
    .init("(x < 1 5)", "1:8: expected ')' to close the '(' at column 1"),
    .init("arr > 3)", "1:8: expected 'and', 'or' or the end of the expression, got ')'"),
    .init(#"arr > 3 "x""#, #"1:9: expected 'and', 'or' or the end of the expression, got "x""#),
    .init("arr >= 5 AND x < 1", "1:10: expected 'and', 'or' or the end of the expression, got 'AND'"),
    .init("x-1 > 0", "1:2: expected 'and', 'or' or the end of the expression, got '-1'"),
    .init(String(repeating: "(", count: 65) + "true" + String(repeating: ")", count: 65),
          "1:65: parentheses nested too deeply; at most 64 levels are allowed"),
    // Chained comparisons.
    .init("1 < x < 3", "1:7: comparisons cannot be chained; join them with 'and'"),
    .init("x == 1 != true", "1:8: comparisons cannot be chained; join them with 'and'"),
    // Types: ordering needs numbers.
    .init("plan >= 3", "1:1: '>=' compares numbers, but 'plan' is a string"),
    .init(#"arr < "x""#, #"1:7: '<' compares numbers, but "x" is a string"#),
    .init("true > 1", "1:1: '>' compares numbers, but true is a boolean"),
    .init("1 <= is_trial", "1:6: '<=' compares numbers, but 'is_trial' is a boolean"),
    .init("(plan) > 1", "1:2: '>' compares numbers, but 'plan' is a string"),
    .init("x > 0 and (arr > 1) >= 2", "1:11: '>=' compares numbers, but the condition in parentheses is a boolean"),
    // Types: == and != need one type.
    .init("plan == 3", "1:6: cannot compare a string with a number"),
    .init(#"is_trial != "yes""#, "1:10: cannot compare a boolean with a string"),
    .init("arr == true", "1:5: cannot compare a number with a boolean"),
    .init(#""👍🏽" == 1"#, "1:6: cannot compare a string with a number"),
    // Types: conditions must be boolean.
    .init("arr", "1:1: \(condition), got the number fact 'arr'"),
    .init("5", "1:1: \(condition), got the number 5"),
    .init(#""x""#, #"1:1: \#(condition), got the string "x""#),
    .init("arr > 3 and plan", "1:13: \(condition), got the string fact 'plan'"),
    .init("not -1.50", "1:5: \(condition), got the number -1.50"),
    .init("x > 1 or ((arr))", "1:12: \(condition), got the number fact 'arr'"),
    .init("plan == \"x\" or arr and is_trial", "1:16: \(condition), got the number fact 'arr'"),
    // Several lines: lines by LF, columns within the line; a CR before LF is no column.
    .init("plan == \"enterprise\"\n  or arr >=", "2:12: expected a value after '>='"),
    .init("arr > 1\r\n  and helth_score < 3", "2:7: unknown fact 'helth_score'; did you mean 'health_score'?"),
    .init("(arr > 1\n  and x < 3", "2:12: expected ')' to close the '(' at column 1"),
    .init("arr >= 1 and\n\tplan == \"a", #"2:10: unterminated string; expected a closing '"'"#),
    .init("arr >= 1\n  and\n\n    plan >= 2", "4:5: '>=' compares numbers, but 'plan' is a string"),
    .init("plan == \"two\nlines\" and x ~ 1", "2:14: unexpected character '~'"),
    .init("x > 1\rand y", "1:11: unknown fact 'y'; did you mean 'x'?"),
]

@Suite struct RuleErrorTests {
    @Test(arguments: errorCases)
    func reports(_ example: ErrorCase) {
        do {
            let expression = try RuleExpression.compile(example.text, vocabulary: testVocabulary)
            Issue.record("compiled \(expression.text.debugDescription), expected \(example.expected)")
        } catch {
            #expect(error.description == example.expected)
        }
    }

    @Test func tableIsLargeEnough() {
        #expect(errorCases.count >= 25)
    }

    @Test func errorCarriesItsParts() {
        #expect(throws: RuleError(line: 1, column: 7, message: "expected a value after '>='")) {
            try RuleExpression.compile("arr >=", vocabulary: testVocabulary)
        }
        #expect(RuleError(line: 3, column: 2, message: "m").description == "3:2: m")
    }

    @Test func parenthesesMayNestSixtyFourDeep() throws {
        let text = String(repeating: "(", count: 64) + "true" + String(repeating: ")", count: 64)
        #expect(try RuleExpression.compile(text, vocabulary: testVocabulary).evaluate(DictionaryFacts([:])))
    }

    @Test func manyNotsAndLongChainsCompile() throws {
        let nots = String(repeating: "not ", count: 10_001) + "true"
        #expect(try !RuleExpression.compile(nots, vocabulary: testVocabulary).evaluate(DictionaryFacts([:])))
        let chain = Array(repeating: "x > 1", count: 5_000).joined(separator: " and ") + " or true"
        #expect(try RuleExpression.compile(chain, vocabulary: testVocabulary).evaluate(DictionaryFacts([:])))
    }
}
