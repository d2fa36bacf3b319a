import Foundation
import Testing
@testable import Tabular

/// Values copied from the public exports in the team's test data (see the data README), read with
/// the grammar each column needs.
@Suite struct ExportValuesTests {
    @Test func ravenStackClosedAtHasAnUnpaddedHour() throws {
        let grammar = try DateTimeGrammar(timeZone: TimeZone(identifier: "UTC")!)
        // ravenstack_support_tickets.csv: submitted_at 2023-07-27, closed_at "2023-07-28 3:00", resolution 27 hours.
        let submitted = try grammar.parse("2023-07-27", allowDateOnly: true)
        let closed = try grammar.parse("2023-07-28 3:00")
        #expect((closed.millisecondsSinceEpoch - submitted.millisecondsSinceEpoch) / 3_600_000 == 27)
    }

    @Test(arguments: [("TRUE", true), ("FALSE", false), ("True", true), ("False", false), ("Yes", true), ("No", false), ("0", false), ("1", true)])
    func booleansOfRavenStackAndTelco(text: String, value: Bool) throws {
        #expect(try BooleanGrammar.parse(text) == value)
    }

    @Test func sudzillaSurveyTimestampsAreUsOrder() throws {
        let grammar = try DateTimeGrammar(timeZone: TimeZone(identifier: "UTC")!, extraDateFormats: ["M/d/yyyy"])
        #expect(try grammar.parse("11/1/2019 8:51:12").description == "2019-11-01T08:51:12Z")
    }

    @Test func zendeskTimestampsAndEpochSeconds() throws {
        let grammar = try DateTimeGrammar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        #expect(try grammar.parse("2020-12-11T18:34:04Z").description == "2020-12-11T18:34:04Z")
        #expect(try grammar.parseEpochSeconds("1681308296").description == "2023-04-12T14:04:56Z")
        // emitted_at is epoch milliseconds: read as seconds it is far outside the accepted years.
        #expect(throws: ValueError.self) { try grammar.parseEpochSeconds("1738602991286") }
    }

    @Test func telcoTotalChargesBlankIsEmptyAndAmountsAreExact() throws {
        #expect(throws: ValueError("empty value")) { try DecimalGrammar.parse(" ") }
        #expect(try DecimalGrammar.parse("1889.50") == Decimal(sign: .plus, exponent: -2, significand: 188_950))
        #expect(try IntegerGrammar.parse("2786") == 2_786)
    }

    @Test func mrrPlaybookDates() throws {
        #expect(try DateGrammar.standard.parse("2017-09-01") == LocalDate(year: 2017, month: 9, day: 1))
    }
}
