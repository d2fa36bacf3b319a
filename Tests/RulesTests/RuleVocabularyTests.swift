import Testing
import Rules

@Suite struct RuleVocabularyTests {
    private let vocabulary = RuleVocabulary([("plan", .string), ("arr", .number), ("is_trial", .boolean)])

    @Test func slotsAreIndicesInOrder() {
        #expect(vocabulary.names == ["plan", "arr", "is_trial"])
        #expect(vocabulary.slot(of: "plan") == 0)
        #expect(vocabulary.slot(of: "arr") == 1)
        #expect(vocabulary.slot(of: "is_trial") == 2)
    }

    @Test func typesAreBySlot() {
        #expect(vocabulary.type(ofSlot: 0) == .string)
        #expect(vocabulary.type(ofSlot: 1) == .number)
        #expect(vocabulary.type(ofSlot: 2) == .boolean)
    }

    @Test func namesAreCaseSensitive() {
        #expect(vocabulary.slot(of: "Plan") == nil)
        #expect(vocabulary.slot(of: "ARR") == nil)
        #expect(vocabulary.slot(of: "") == nil)
    }

    @Test func equalityIsByNamesTypesAndOrder() {
        #expect(vocabulary == RuleVocabulary([("plan", .string), ("arr", .number), ("is_trial", .boolean)]))
        #expect(vocabulary != RuleVocabulary([("arr", .number), ("plan", .string), ("is_trial", .boolean)]))
        #expect(vocabulary != RuleVocabulary([("plan", .string), ("arr", .string), ("is_trial", .boolean)]))
        #expect(RuleVocabulary([]) == RuleVocabulary([]))
    }

    @Test func compilingResolvesSlotsOfThisVocabulary() throws {
        let expression = try RuleExpression.compile("is_trial and arr > 1", vocabulary: vocabulary)
        #expect(expression.slotsRead == [2, 1])
    }

    @Test func suggestsTheClosestNameWithinTwoEdits() {
        let vocabulary = RuleVocabulary([("abcd_x", .number), ("abcd", .number), ("zzzzzz", .number)])
        #expect(message("abce > 1", vocabulary) == "unknown fact 'abce'; did you mean 'abcd'?")
        #expect(message("abcd_xyz > 1", vocabulary) == "unknown fact 'abcd_xyz'; did you mean 'abcd_x'?")
        #expect(message("zzzz > 1", vocabulary) == "unknown fact 'zzzz'; did you mean 'zzzzzz'?")
        #expect(message("zzz > 1", vocabulary) == "unknown fact 'zzz'")
        #expect(message("qqqq > 1", vocabulary) == "unknown fact 'qqqq'")
    }

    @Test func suggestionTiesGoToTheEarlierName() {
        let vocabulary = RuleVocabulary([("abd", .number), ("abc", .number)])
        #expect(message("abx > 1", vocabulary) == "unknown fact 'abx'; did you mean 'abd'?")
        let reversed = RuleVocabulary([("abc", .number), ("abd", .number)])
        #expect(message("abx > 1", reversed) == "unknown fact 'abx'; did you mean 'abc'?")
    }

    @Test func anEmptyVocabularyKnowsNoFacts() {
        #expect(message("x > 1", RuleVocabulary([])) == "unknown fact 'x'")
        #expect(throws: Never.self) { try RuleExpression.compile("1 < 2", vocabulary: RuleVocabulary([])) }
    }

    private func message(_ text: String, _ vocabulary: RuleVocabulary) -> String? {
        do {
            _ = try RuleExpression.compile(text, vocabulary: vocabulary)
            return nil
        } catch {
            return error.message
        }
    }
}
