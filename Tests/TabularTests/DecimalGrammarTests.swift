import Foundation
import Testing
@testable import Tabular

@Suite struct DecimalGrammarTests {
    /// The exact decimal `significand` × 10^`exponent`.
    static func exact(_ significand: Int64, _ exponent: Int = 0) -> Decimal {
        Decimal(sign: significand < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand.magnitude))
    }

    @Test(arguments: [
        ("1200", exact(1_200)), ("1200.50", exact(120_050, -2)), ("1,200.50", exact(120_050, -2)),
        ("1,234", exact(1_234)), ("¥1,200", exact(1_200)), ("￥1,200", exact(1_200)), ("$1,200.50", exact(120_050, -2)),
        ("1,200円", exact(1_200)), ("１２００", exact(1_200)), ("１，２００", exact(1_200)), ("０．５", exact(5, -1)),
        ("-5", exact(-5)), ("▲5", exact(-5)), ("△5", exact(-5)), ("▲1,500", exact(-1_500)), ("−2.5", exact(-25, -1)),
        ("+7", exact(7)), ("-$5", exact(-5)), ("$-5", exact(-5)), ("¥-1,200", exact(-1_200)), ("▲¥1,500", exact(-1_500)),
        ("0", exact(0)), ("-0", exact(0)), ("0.00", exact(0)), ("0000012.5", exact(125, -1)),
        ("0.000000000000000001", exact(1, -18)), (" 29.85 ", exact(2_985, -2)), ("1889.50", exact(188_950, -2)),
    ] as [(String, Decimal)])
    func acceptsExportFormsExactly(text: String, expected: Decimal) throws {
        #expect(try DecimalGrammar.parse(text) == expected)
    }

    @Test func thousandsSeparatorIsNotWhereParsingStops() throws {
        // Decimal(string: "1,234") is 1: the grammar must not be built on it.
        #expect(try DecimalGrammar.parse("1,234") == Decimal(1_234))
        #expect(try DecimalGrammar.parse("1,234") != Decimal(1))
    }

    @Test func oneTenthIsExact() throws {
        #expect(try DecimalGrammar.parse("0.1") == Decimal(sign: .plus, exponent: -1, significand: 1))
        #expect(try DecimalGrammar.parse("0.1") + DecimalGrammar.parse("0.2") == Decimal(sign: .plus, exponent: -1, significand: 3))
    }

    @Test func eighteenSignificantDigitsAreExact() throws {
        let value = try DecimalGrammar.parse("123456789012345678")
        #expect(value == Decimal(sign: .plus, exponent: 0, significand: Decimal(123_456_789_012_345_678 as UInt64)))
        #expect(value.description == "123456789012345678")
        #expect(try DecimalGrammar.parse("9,999,999,999,999,999.99").description == "9999999999999999.99")
        #expect(try DecimalGrammar.parse("-0.123456789012345678") == Self.exact(-123_456_789_012_345_678, -18))
    }

    @Test(arguments: ["1234567890123456789", "0.1234567890123456789", "1,234,567,890,123,456,789", "99999999999999999999999"])
    func rejectsMoreThanEighteenSignificantDigits(text: String) {
        #expect(throws: ValueError("\"\(text)\" has more than 18 significant digits")) { try DecimalGrammar.parse(text) }
    }

    @Test(arguments: [
        "1,2", "12,34.5", "1.2.3", "--1", "-", "▲", "NaN", "nan", "Infinity", "1e5", "1E5", "1.", ".5", "1,200.5,0",
        "¥¥1", "1,200円円", "$1円", "¥1円", "1 200", "abc", "0x10", "5-", "1,20.5", "12a", "(1,200)", "--", "▲-5",
    ])
    func rejectsOtherShapes(text: String) {
        #expect(throws: ValueError("expected a decimal number such as 1,200.50, got \"\(text)\"")) { try DecimalGrammar.parse(text) }
    }

    @Test(arguments: ["-3", "▲5", "△1,500", "-$5", "−0.01"])
    func rejectsNegativeValuesWhenNotAllowed(text: String) {
        #expect(throws: ValueError("negative value \"\(text)\" not allowed")) { try DecimalGrammar.parse(text, allowNegative: false) }
    }

    @Test func negativeZeroIsZeroAndAllowed() throws {
        let zero = try DecimalGrammar.parse("-0.00", allowNegative: false)
        #expect(zero == 0)
        #expect(!zero.isNaN)
        #expect(zero.sign == .plus)
    }

    @Test(arguments: ["", " ", "\u{3000}"])
    func emptyTextIsEmptyValue(text: String) {
        // telco-churn's TotalCharges is a single space in 11 rows.
        #expect(throws: ValueError("empty value")) { try DecimalGrammar.parse(text) }
    }

    @Test func parsesBytes() throws {
        let bytes = Array("￥1,200円".utf8)
        #expect(throws: ValueError("expected a decimal number such as 1,200.50, got \"￥1,200円\"")) {
            try bytes.withUnsafeBufferPointer { buffer throws(ValueError) in try DecimalGrammar.parse(buffer) }
        }
        let plain = Array("\t1,200円\u{3000}".utf8)
        #expect(try plain.withUnsafeBufferPointer { buffer throws(ValueError) in try DecimalGrammar.parse(buffer) } == 1_200)
    }
}
