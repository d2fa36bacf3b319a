import Testing
@testable import Tabular

@Suite struct BooleanGrammarTests {
    @Test(arguments: ["true", "TRUE", "True", "tRuE", "1", "yes", "YES", "Yes", " true ", "ＴＲＵＥ", "１", "\u{3000}yes"])
    func readsTrue(text: String) throws {
        #expect(try BooleanGrammar.parse(text) == true)
    }

    @Test(arguments: ["false", "FALSE", "False", "0", "no", "NO", "No", "\tfalse\t", "ｎｏ"])
    func readsFalse(text: String) throws {
        #expect(try BooleanGrammar.parse(text) == false)
    }

    @Test(arguments: ["t", "f", "y", "n", "2", "-1", "01", "truth", "yess", "on", "off", "maybe", "trueish", "falsey", "tru e", "はい", "\u{0}0", "\u{0}true", "\u{0}\u{0}no"])
    func rejectsOtherWords(text: String) {
        #expect(throws: ValueError("expected true/false, yes/no or 1/0, got \"\(text)\"")) { try BooleanGrammar.parse(text) }
    }

    @Test func emptyTextIsEmptyValue() {
        #expect(throws: ValueError("empty value")) { try BooleanGrammar.parse("  ") }
    }

    @Test func parsesBytes() throws {
        let bytes = Array("False".utf8)
        #expect(try bytes.withUnsafeBufferPointer { buffer throws(ValueError) in try BooleanGrammar.parse(buffer) } == false)
    }
}
