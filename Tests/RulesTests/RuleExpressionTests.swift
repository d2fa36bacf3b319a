import Testing
import Rules

@Suite struct RuleExpressionTests {
    @Test func keepsItsText() throws {
        let text = "  arr >= 1\n"
        #expect(try RuleExpression.compile(text, vocabulary: testVocabulary).text == text)
    }

    @Test func factsReadAreDistinctInOrderOfFirstAppearance() throws {
        let expression = try RuleExpression.compile(
            #"arr > 1 and plan == "x" or arr < 0 and (is_trial == (health_score < arr)) or plan != "y""#,
            vocabulary: testVocabulary)
        #expect(expression.factsRead == ["arr", "plan", "is_trial", "health_score"])
        #expect(expression.slotsRead == ["arr", "plan", "is_trial", "health_score"].map { testVocabulary.slot(of: $0)! })
    }

    @Test func constantsReadNoFacts() throws {
        let expression = try RuleExpression.compile("true", vocabulary: testVocabulary)
        #expect(expression.factsRead.isEmpty)
        #expect(expression.slotsRead.isEmpty)
    }

    @Test func sameTextAndVocabularyCompileEqual() throws {
        let a = try RuleExpression.compile(#"plan == "enterprise" or arr >= 12000000"#, vocabulary: testVocabulary)
        let b = try RuleExpression.compile(#"plan == "enterprise" or arr >= 12000000"#, vocabulary: testVocabulary)
        let c = try RuleExpression.compile(#"plan == "enterprise" or arr >= 12000001"#, vocabulary: testVocabulary)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func travelsAcrossTasks() async throws {
        let expression = try RuleExpression.compile("health_delta <= -15", vocabulary: testVocabulary)
        let results = await withTaskGroup(of: Bool.self) { group in
            for delta in [-20.0, -15, -14, 0] {
                group.addTask { expression.evaluate(DictionaryFacts(["health_delta": .number(delta)])) }
            }
            var results: [Bool] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.filter { $0 }.count == 2)
    }
}
