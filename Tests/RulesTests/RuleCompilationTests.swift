import Testing
@testable import Rules

/// The shape of the compiled nodes: one node per condition, jumps for and/or/not, the common
/// comparisons in their own cases.
@Suite struct RuleCompilationTests {
    private func nodes(_ text: String) throws -> [RuleNode] {
        try RuleExpression.compile(text, vocabulary: testVocabulary).nodes
    }

    private let plan = testVocabulary.slot(of: "plan")!
    private let arr = testVocabulary.slot(of: "arr")!
    private let x = testVocabulary.slot(of: "x")!
    private let isTrial = testVocabulary.slot(of: "is_trial")!
    private let yes = RuleNode.yieldsTrue, no = RuleNode.yieldsFalse

    @Test func orJumpsToTheNextConditionWhenFalse() throws {
        #expect(try nodes(#"plan == "enterprise" or arr >= 12000000"#) == [
            RuleNode(test: .string(slot: plan, equal: true, 0), onTrue: yes, onFalse: 1),
            RuleNode(test: .number(slot: arr, .greaterOrEqual, 12_000_000), onTrue: yes, onFalse: no),
        ])
    }

    @Test func andJumpsToTheNextConditionWhenTrue() throws {
        #expect(try nodes("x >= 0 and x <= 90") == [
            RuleNode(test: .number(slot: x, .greaterOrEqual, 0), onTrue: 1, onFalse: no),
            RuleNode(test: .number(slot: x, .lessOrEqual, 90), onTrue: yes, onFalse: no),
        ])
    }

    @Test func notSwapsTheTargetsAndKeepsTheComparison() throws {
        #expect(try nodes("not (x < 3)") == [RuleNode(test: .number(slot: x, .less, 3), onTrue: no, onFalse: yes)])
        #expect(try nodes("not not x < 3") == [RuleNode(test: .number(slot: x, .less, 3), onTrue: yes, onFalse: no)])
    }

    @Test func aConstantOnTheLeftIsSwapped() throws {
        #expect(try nodes("12000000 <= arr") == [
            RuleNode(test: .number(slot: arr, .greaterOrEqual, 12_000_000), onTrue: yes, onFalse: no),
        ])
    }

    @Test func twoConstantsAreDecidedAtCompileTime() throws {
        #expect(try nodes(#""a" != "b""#) == [RuleNode(test: .constant(true), onTrue: yes, onFalse: no)])
        #expect(try nodes("1 > 2") == [RuleNode(test: .constant(false), onTrue: yes, onFalse: no)])
    }

    @Test func aBooleanFactIsComparedWithTrue() throws {
        #expect(try nodes("is_trial") == [RuleNode(test: .boolean(slot: isTrial, equal: true, true), onTrue: yes, onFalse: no)])
        #expect(try nodes("is_trial != false") == [
            RuleNode(test: .boolean(slot: isTrial, equal: false, false), onTrue: yes, onFalse: no),
        ])
    }

    @Test func aConditionOperandIsCompiledAfterTheMainNodes() throws {
        #expect(try nodes("is_trial == (x < 3 or x > 5)") == [
            RuleNode(test: .general(.fact(slot: isTrial, type: .boolean), .equal, .condition(start: 1)), onTrue: yes, onFalse: no),
            RuleNode(test: .number(slot: x, .less, 3), onTrue: yes, onFalse: 2),
            RuleNode(test: .number(slot: x, .greater, 5), onTrue: yes, onFalse: no),
        ])
    }

    @Test func nestedGroupsJumpPastTheirSiblings() throws {
        // (a or b) and (c or d): a false → b, a true → c; b false → result false.
        #expect(try nodes("(x < 1 or x > 9) and (arr < 1 or arr > 9)") == [
            RuleNode(test: .number(slot: x, .less, 1), onTrue: 2, onFalse: 1),
            RuleNode(test: .number(slot: x, .greater, 9), onTrue: 2, onFalse: no),
            RuleNode(test: .number(slot: arr, .less, 1), onTrue: yes, onFalse: 3),
            RuleNode(test: .number(slot: arr, .greater, 9), onTrue: yes, onFalse: no),
        ])
    }

    @Test func stringConstantsAreStoredOnce() throws {
        let expression = try RuleExpression.compile(#"plan == "a" or plan == "b" or plan == "a""#, vocabulary: testVocabulary)
        #expect(expression.strings == ["a", "b"])
    }
}
