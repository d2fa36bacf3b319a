import Testing
@testable import Tabular

@Suite struct IntegerGrammarTests {
    @Test(arguments: [
        ("12", 12), ("-3", -3), ("+3", 3), ("0", 0), ("-0", 0), ("007", 7),
        ("1,200", 1_200), ("1,234,567", 1_234_567), ("999,999", 999_999), ("1200", 1_200),
        ("１２", 12), ("１，２００", 1_200), ("－１２", -12), ("−12", -12), ("＋５", 5),
        ("  42\t", 42), ("\u{3000}7\u{3000}", 7),
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
        ("9,223,372,036,854,775,807", Int64.max),
    ] as [(String, Int64)])
    func acceptsExportForms(text: String, expected: Int64) throws {
        #expect(try IntegerGrammar.parse(text) == expected)
    }

    @Test(arguments: [
        "12a", "1,2", "12,34", "1234,567", ",123", "1,", "1,,200", "1,2345", "--1", "-", "+", "+-1",
        "1.0", "1 200", "1e3", "NaN", "0x10", "１２ａ", "3-", "▲5", "¥12",
    ])
    func rejectsOtherShapes(text: String) {
        let trimmed = text.trimmingSpaces
        #expect(throws: ValueError("expected an integer, got \"\(trimmed)\"")) { try IntegerGrammar.parse(text) }
    }

    @Test(arguments: ["9223372036854775808", "-9223372036854775809", "99999999999999999999999", "18,446,744,073,709,551,616"])
    func rejectsValuesOutsideInt64(text: String) {
        #expect(throws: ValueError("\"\(text)\" is out of range for an integer")) { try IntegerGrammar.parse(text) }
    }

    @Test(arguments: ["", "   ", "\t", "\u{3000}", " \u{3000} "])
    func emptyTextIsEmptyValue(text: String) {
        #expect(throws: ValueError("empty value")) { try IntegerGrammar.parse(text) }
    }

    @Test func parsesBytesAndSubstrings() throws {
        let bytes = Array(" １，２００ ".utf8)
        #expect(try bytes.withUnsafeBufferPointer { buffer throws(ValueError) in try IntegerGrammar.parse(buffer) } == 1_200)
        let line = "a,1200,b"
        let cell = line.dropFirst(2).prefix(4)
        #expect(try IntegerGrammar.parse(cell) == 1_200)
    }

    @Test func reasonQuotesAtMostSixtyCharacters() {
        let text = String(repeating: "x", count: 100)
        let expected = "expected an integer, got \"" + String(repeating: "x", count: 60) + "…\""
        #expect(throws: ValueError(expected)) { try IntegerGrammar.parse(text) }
    }
}

extension String {
    /// The text without surrounding ASCII spaces, tabs and U+3000, as reasons quote it.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
