import Foundation
import Testing
import Tabular

@Suite struct ExactDecimalTests {
    @Test func parsesExactlyWithItsScale() throws {
        let value = try DecimalGrammar.parseExact("¥1,200.50")
        #expect(value.significand == 120_050 && value.scale == 2)
        #expect(value.description == "1200.50")
        #expect(value.decimal == Decimal(sign: .plus, exponent: -2, significand: 120_050))
        #expect(try DecimalGrammar.parseExact("▲0.05").description == "-0.05")
        #expect(try DecimalGrammar.parseExact("１２００").description == "1200")
        #expect(try DecimalGrammar.parseExact("0.000001").scale == 6)
    }

    @Test func equalValuesCompareEqualWhateverTheirScale() throws {
        #expect(try DecimalGrammar.parseExact("1.50") == DecimalGrammar.parseExact("1.5"))
        #expect(try DecimalGrammar.parseExact("1.49") < DecimalGrammar.parseExact("1.5"))
        #expect(Set([ExactDecimal(significand: 150, scale: 2), ExactDecimal(significand: 15, scale: 1)]).count == 1)
    }

    @Test func sameErrorsAsTheDecimalGrammar() {
        #expect(throws: ValueError("expected a decimal number such as 1,200.50, got \"1,2\"")) { try DecimalGrammar.parseExact("1,2") }
        #expect(throws: ValueError.self) { try DecimalGrammar.parseExact("-5", allowNegative: false) }
    }
}

@Suite struct NumberTextTests {
    @Test(arguments: [
        (1.05, "1.05"), (2.0, "2"), (0.00001, "0.00001"), (1.2345e-7, "0.00000012345"), (1e16, "10000000000000000"),
        (-0.25, "-0.25"), (-0.0, "0"), (0.1 + 0.2, "0.30000000000000004"), (1.0 / 3.0, "0.3333333333333333"),
        (123456789.125, "123456789.125"), (2.5e21, "2500000000000000000000"),
    ])
    func shortestRoundTripsWithoutExponent(value: Double, text: String) {
        #expect(NumberText.shortest(value) == text)
        #expect(Double(NumberText.shortest(value)) == value)
    }

    @Test func fixedRoundsHalfToEven() {
        #expect(NumberText.fixed(102857.142857, places: 4) == "102857.1429")
        #expect(NumberText.fixed(0.125, places: 2) == "0.12")
        #expect(NumberText.fixed(0.375, places: 2) == "0.38")
        #expect(NumberText.fixed(-1.5, places: 0) == "-2")
        #expect(NumberText.fixed(3, places: 4) == "3.0000")
    }
}
