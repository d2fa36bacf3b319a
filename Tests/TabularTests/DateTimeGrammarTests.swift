import Foundation
import Testing
@testable import Tabular

@Suite struct DateTimeGrammarTests {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    static let newYork = TimeZone(identifier: "America/New_York")!

    @Test(arguments: [
        ("2025-05-14T09:30:00+09:00", "2025-05-14T00:30:00Z"), ("2025-05-14T09:30:00Z", "2025-05-14T09:30:00Z"),
        ("2025-05-14T09:30:00-05:00", "2025-05-14T14:30:00Z"), ("2025-05-14T09:30:00+0900", "2025-05-14T00:30:00Z"),
        ("2025-05-14T09:30:00+09", "2025-05-14T00:30:00Z"), ("2025-05-14 09:30:00+09:00", "2025-05-14T00:30:00Z"),
        ("2025-05-14 09:30:00 +0900", "2025-05-14T00:30:00Z"), ("2025-05-14T09:30Z", "2025-05-14T09:30:00Z"),
        ("2025-05-14t09:30:00z", "2025-05-14T09:30:00Z"), ("2025-05-14T05:30:00+05:30", "2025-05-14T00:00:00Z"),
        ("2025-05-14T00:00:00+14:00", "2025-05-13T10:00:00Z"), ("2025-05-14T09:30:00−05:00", "2025-05-14T14:30:00Z"),
        ("2025-05-14T09:30:00.250Z", "2025-05-14T09:30:00.250Z"), ("2025-05-14T09:30:00.1234567Z", "2025-05-14T09:30:00.123Z"),
        ("2025-05-14T09:30:00.5+09:00", "2025-05-14T00:30:00.500Z"), ("2025-05-14T09:30:00,05Z", "2025-05-14T09:30:00.050Z"),
        ("2025-05-14T09:30:00.999999Z", "2025-05-14T09:30:00.999Z"),
    ])
    func readsOffsetsAsWritten(text: String, utc: String) throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo)
        #expect(try grammar.parse(text).description == utc)
    }

    @Test(arguments: [
        ("2025-05-14 09:30:00", "2025-05-14T00:30:00Z"), ("2025-05-14T09:30", "2025-05-14T00:30:00Z"),
        ("2025/05/14 9:30", "2025-05-14T00:30:00Z"), ("2025/5/14 9:30:05", "2025-05-14T00:30:05Z"),
        ("2025年5月14日 9:30", "2025-05-14T00:30:00Z"), ("令和7年5月14日 9:30", "2025-05-14T00:30:00Z"),
        ("R7.5.14 9:30", "2025-05-14T00:30:00Z"), ("20250514 09:30", "2025-05-14T00:30:00Z"),
        ("2025-05-14  09:30", "2025-05-14T00:30:00Z"), ("2025-05-14\u{3000}09:30", "2025-05-14T00:30:00Z"),
        ("２０２５－０５－１４　０９：３０", "2025-05-14T00:30:00Z"), ("2025-05-14 00:00:00", "2025-05-13T15:00:00Z"),
        ("2025-05-14 23:59:59.999", "2025-05-14T14:59:59.999Z"), ("2023-07-28 3:00", "2023-07-27T18:00:00Z"),
    ])
    func readsNaiveTimesInTheTimeZone(text: String, utc: String) throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo)
        #expect(try grammar.parse(text).description == utc)
    }

    @Test func readsNaiveTimesInUtc() throws {
        let grammar = try DateTimeGrammar(timeZone: TimeZone(identifier: "UTC")!)
        #expect(try grammar.parse("2025-05-14 09:30:00").description == "2025-05-14T09:30:00Z")
        #expect(try grammar.parse("2025-05-14", allowDateOnly: true).description == "2025-05-14T00:00:00Z")
    }

    @Test func readsUsSurveyTimestampsWithAnExtraFormat() throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo, extraDateFormats: ["M/d/yyyy"])
        #expect(try grammar.parse("11/1/2019 8:51:12").description == "2019-10-31T23:51:12Z")
        #expect(try grammar.parse("11/4/2019 16:05:00").description == "2019-11-04T07:05:00Z")
        #expect(try grammar.parse("2025-05-14 09:30").description == "2025-05-14T00:30:00Z")
    }

    @Test(arguments: [
        ("2025-05-14", "2025-05-13T15:00:00Z"), ("令和7年5月14日", "2025-05-13T15:00:00Z"), ("20250514", "2025-05-13T15:00:00Z"),
        ("R7.5.14", "2025-05-13T15:00:00Z"), ("2025-05-14T09:30:00Z", "2025-05-14T09:30:00Z"),
    ])
    func readsBareDatesAsLocalMidnightWhenAllowed(text: String, utc: String) throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo)
        #expect(try grammar.parse(text, allowDateOnly: true).description == utc)
    }

    @Test func rejectsBareDatesUnlessAllowed() throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo)
        let reason = "expected a date and time such as 2025-05-14 09:30:00, got only a date \"2025-05-14\""
        #expect(throws: ValueError(reason)) { try grammar.parse("2025-05-14") }
    }

    @Test(arguments: ["2025-05-14 24:00:00", "2025-05-14 24:00", "2025-05-14 09:60", "2025-05-14 09:30:60", "2025-05-14T25:00Z", "2025-05-14 99:00"])
    func rejectsTimesOutsideTheDay(text: String) throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo)
        let reason = "\"\(text)\" is not a time of day (hours 0–23, minutes and seconds 0–59)"
        #expect(throws: ValueError(reason)) { try grammar.parse(text) }
    }

    @Test(arguments: ["2025-05-14T09:30:00+25:00", "2025-05-14T09:30:00+09:60", "2025-05-14T09:30:00-1830"])
    func rejectsOffsetsOutOfRange(text: String) throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo)
        #expect(throws: ValueError("\"\(text)\" has a UTC offset out of range (at most ±18:00)")) { try grammar.parse(text) }
    }

    @Test(arguments: [
        "2025-05-14 9:5", "2025-05-14T", "2025-05-14 09:30:00 junk", "2025-05-14T09:30:00.Z", "09:30",
        "2025-05-14T0930", "2025-05-14 09:30:00+9", "2025-05-14 09:30:00+09:0", "2025-05-14 09:30:00+090", "2025-05-14T09:30:00+09:000", "2025-05-14T09:30:00 UTC", "1715679000",
        "2025-05-1409:30", "2025-05-14T 09:30", "2025-05-14 09:30 PM", "2025-05-14 09:30:00Z+09:00", "2025年5月14日9:30",
    ])
    func rejectsOtherShapes(text: String) throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo)
        let reason = "expected a date and time such as 2025-05-14 09:30:00, got \"\(text)\""
        #expect(throws: ValueError(reason)) { try grammar.parse(text, allowDateOnly: true) }
    }

    @Test func reportsDateProblemsOfDatetimes() throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo)
        #expect(throws: ValueError("\"2025-02-30 09:00\" is not a calendar date")) { try grammar.parse("2025-02-30 09:00") }
        #expect(throws: ValueError("\"1899-12-31T23:00:00Z\" is outside the years 1900 to 2200")) { try grammar.parse("1899-12-31T23:00:00Z") }
        #expect(throws: ValueError("\"令和1年4月30日 9:00\" is not a date of the 令和 era (from 2019-05-01)")) { try grammar.parse("令和1年4月30日 9:00") }
        #expect(throws: ValueError("empty value")) { try grammar.parse("   ") }
    }

    @Test func rejectsUnsupportedExtraFormats() {
        #expect(throws: ValueError.self) { try DateTimeGrammar(timeZone: Self.tokyo, extraDateFormats: ["yyyy-MM-dd HH:mm"]) }
    }

    @Test(arguments: [
        ("2025-03-09 01:59", "2025-03-09T06:59:00Z"), ("2025-03-09 02:00", "2025-03-09T07:00:00Z"),
        ("2025-03-09 02:30", "2025-03-09T07:30:00Z"), ("2025-03-09 03:00", "2025-03-09T07:00:00Z"),
        ("2025-03-09 03:30", "2025-03-09T07:30:00Z"), ("2025-11-02 00:30", "2025-11-02T04:30:00Z"),
        ("2025-11-02 01:00", "2025-11-02T05:00:00Z"), ("2025-11-02 01:30", "2025-11-02T05:30:00Z"),
        ("2025-11-02 01:59:59.999", "2025-11-02T05:59:59.999Z"), ("2025-11-02 02:00", "2025-11-02T07:00:00Z"),
        ("2025-11-02 01:30-05:00", "2025-11-02T06:30:00Z"), ("2025-07-04 12:00", "2025-07-04T16:00:00Z"),
        ("2025-01-15 12:00", "2025-01-15T17:00:00Z"),
    ])
    func readsNewYorkAcrossDaylightSavingTransitions(text: String, utc: String) throws {
        // Gap: 02:00–03:00 on 2025-03-09 does not exist and moves forward by an hour.
        // Overlap: 01:00–02:00 on 2025-11-02 happens twice and takes the earlier (EDT) instant.
        let grammar = try DateTimeGrammar(timeZone: Self.newYork)
        #expect(try grammar.parse(text).description == utc)
    }

    @Test func buildsInstantsFromWallClockTimes() throws {
        let grammar = try DateTimeGrammar(timeZone: Self.newYork)
        let gapDay = try #require(LocalDate(year: 2025, month: 3, day: 9))
        let overlapDay = try #require(LocalDate(year: 2025, month: 11, day: 2))
        #expect(grammar.instant(date: gapDay, hour: 2, minute: 30, second: 0).description == "2025-03-09T07:30:00Z")
        #expect(grammar.instant(date: overlapDay, hour: 1, minute: 30, second: 0).description == "2025-11-02T05:30:00Z")
        #expect(grammar.instant(date: overlapDay, hour: 1, minute: 30, second: 0, millisecond: 250).description == "2025-11-02T05:30:00.250Z")
        #expect(grammar.instant(date: gapDay, hour: 24, minute: 0, second: 0) == grammar.startOfDay(gapDay.adding(days: 1)))
        #expect(grammar.instant(date: gapDay, hour: .max, minute: 0, second: 0).millisecondsSinceEpoch > 0)
    }

    @Test func startOfDayAndLocalDateRoundTripAroundTokyoMidnight() throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo)
        let date = try #require(LocalDate(year: 2025, month: 5, day: 14))
        let midnight = grammar.startOfDay(date)
        #expect(midnight.description == "2025-05-13T15:00:00Z")
        #expect(grammar.localDate(of: midnight) == date)
        #expect(grammar.localDate(of: Instant(millisecondsSinceEpoch: midnight.millisecondsSinceEpoch - 1)) == date.adding(days: -1))
        #expect(grammar.localDate(of: Instant(millisecondsSinceEpoch: midnight.millisecondsSinceEpoch + 86_399_999)) == date)
        let first = try #require(LocalDate(year: 2024, month: 12, day: 25))
        for offset in 0..<400 {
            let day = first.adding(days: offset)
            let start = grammar.startOfDay(day)
            #expect(grammar.localDate(of: start) == day)
            #expect(grammar.localDate(of: Instant(millisecondsSinceEpoch: start.millisecondsSinceEpoch - 1)) == day.adding(days: -1))
            #expect(grammar.startOfDay(day.adding(days: 1)).millisecondsSinceEpoch - start.millisecondsSinceEpoch == 86_400_000)
        }
    }

    @Test func newYorkDaysAreTwentyThreeOrTwentyFiveHoursAcrossTransitions() throws {
        let grammar = try DateTimeGrammar(timeZone: Self.newYork)
        let gapDay = try #require(LocalDate(year: 2025, month: 3, day: 9))
        let overlapDay = try #require(LocalDate(year: 2025, month: 11, day: 2))
        let hours = { (day: LocalDate) in
            (grammar.startOfDay(day.adding(days: 1)).millisecondsSinceEpoch - grammar.startOfDay(day).millisecondsSinceEpoch) / 3_600_000
        }
        #expect(hours(gapDay) == 23)
        #expect(hours(overlapDay) == 25)
        for offset in 0..<366 {
            let day = try #require(LocalDate(year: 2025, month: 1, day: 1)).adding(days: offset)
            #expect(grammar.localDate(of: grammar.startOfDay(day)) == day)
        }
    }

    @Test(arguments: [
        ("1715679000", 1_715_679_000_000), ("1715679000.5", 1_715_679_000_500), ("1715679000.123456", 1_715_679_000_123),
        (" 1681308296 ", 1_681_308_296_000), ("0", 0), ("-86400", -86_400_000), ("-1.5", -1_500), ("１７１５６７９０００", 1_715_679_000_000),
    ] as [(String, Int64)])
    func readsEpochSeconds(text: String, milliseconds: Int64) throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo)
        #expect(try grammar.parseEpochSeconds(text).millisecondsSinceEpoch == milliseconds)
        let bytes = Array(text.utf8)
        #expect(try bytes.withUnsafeBufferPointer { buffer throws(ValueError) in try grammar.parseEpochSeconds(buffer) }.millisecondsSinceEpoch == milliseconds)
    }

    @Test(arguments: ["abc", "1.", ".5", "1,000", "1e9", "-", "2025-05-14", "1715679000Z"])
    func rejectsOtherEpochShapes(text: String) throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo)
        #expect(throws: ValueError("expected Unix epoch seconds such as 1715679000, got \"\(text)\"")) { try grammar.parseEpochSeconds(text) }
    }

    @Test(arguments: ["1715679000000", "99999999999999999999", "-2208988801", "7289654400"])
    func rejectsEpochSecondsOutside1900To2200(text: String) throws {
        let grammar = try DateTimeGrammar(timeZone: Self.tokyo)
        #expect(throws: ValueError("epoch seconds \"\(text)\" are outside the years 1900 to 2200")) { try grammar.parseEpochSeconds(text) }
    }
}
