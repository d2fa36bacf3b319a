import Testing
@testable import Tabular

@Suite struct DateGrammarTests {
    @Test(arguments: [
        ("2025-05-14", "2025-05-14"), ("2025/05/14", "2025-05-14"), ("2025/5/14", "2025-05-14"), ("2025-5-14", "2025-05-14"),
        ("2025年5月14日", "2025-05-14"), ("2025年05月14日", "2025-05-14"), ("２０２５年５月１４日", "2025-05-14"),
        ("２０２５／０５／１４", "2025-05-14"), ("20250514", "2025-05-14"), (" 2025-05-14\t", "2025-05-14"),
        ("2024-02-29", "2024-02-29"), ("1900-01-01", "1900-01-01"), ("2200-12-31", "2200-12-31"),
        ("令和7年5月14日", "2025-05-14"), ("令和元年5月1日", "2019-05-01"), ("令和1年5月1日", "2019-05-01"),
        ("平成31年4月30日", "2019-04-30"), ("平成元年1月8日", "1989-01-08"), ("昭和64年1月7日", "1989-01-07"),
        ("大正15年12月24日", "1926-12-24"), ("令和７年１２月３１日", "2025-12-31"),
        ("R7.5.14", "2025-05-14"), ("R7/5/14", "2025-05-14"), ("R7-5-14", "2025-05-14"), ("R07.05.14", "2025-05-14"),
        ("H31.4.30", "2019-04-30"), ("S64.1.7", "1989-01-07"), ("Ｒ７．５．１４", "2025-05-14"),
    ])
    func acceptsDefaultForms(text: String, expected: String) throws {
        #expect(try DateGrammar.standard.parse(text).description == expected)
    }

    @Test(arguments: ["2023-02-29", "2025-02-30", "2025-13-01", "2025-00-10", "2025-04-31", "20250230", "2025年2月30日", "R7.2.29", "1900-02-29"])
    func rejectsDaysNotInTheCalendar(text: String) {
        #expect(throws: ValueError("\"\(text)\" is not a calendar date")) { try DateGrammar.standard.parse(text) }
    }

    @Test(arguments: [
        ("令和1年4月30日", "令和", "from 2019-05-01"), ("R1.4.30", "令和", "from 2019-05-01"),
        ("令和0年5月1日", "令和", "from 2019-05-01"),
        ("平成31年5月1日", "平成", "1989-01-08 to 2019-04-30"), ("H1.1.7", "平成", "1989-01-08 to 2019-04-30"),
        ("昭和64年1月8日", "昭和", "1926-12-25 to 1989-01-07"), ("S1.12.24", "昭和", "1926-12-25 to 1989-01-07"),
    ])
    func rejectsDaysOutsideTheirEra(text: String, era: String, span: String) {
        #expect(throws: ValueError("\"\(text)\" is not a date of the \(era) era (\(span))")) { try DateGrammar.standard.parse(text) }
    }

    @Test(arguments: ["1899-12-31", "2201-01-01", "0001-01-01", "9999-12-31", "令和183年1月1日"])
    func rejectsYearsOutside1900To2200(text: String) {
        #expect(throws: ValueError("\"\(text)\" is outside the years 1900 to 2200")) { try DateGrammar.standard.parse(text) }
    }

    @Test(arguments: [
        "令和99年", "令和7年5月", "R7.5", "R7.5/14", "X7.5.14", "2025-05/14", "25-05-14", "2025-5-140", "2025-005-14",
        "May 14, 2025", "2025年5月14", "2025-05-14T09:30", "2025-05-14 09:30", "202505140", "2025051", "14/05/2025",
        "2025.05.14", "平成", "2025", "yesterday",
    ])
    func rejectsOtherShapes(text: String) {
        #expect(throws: ValueError("expected a date such as 2025-05-14, got \"\(text)\"")) { try DateGrammar.standard.parse(text) }
    }

    @Test func emptyTextIsEmptyValue() throws {
        #expect(throws: ValueError("empty value")) { try DateGrammar.standard.parse(" \u{3000}") }
    }

    @Test(arguments: [
        ("MM/dd/yyyy", "05/14/2025", "2025-05-14"), ("M/d/yyyy", "11/1/2019", "2019-11-01"), ("M/d/yyyy", "05/14/2025", "2025-05-14"),
        ("dd.MM.yyyy", "14.05.2025", "2025-05-14"), ("yyyy/MM/dd", "2025/05/14", "2025-05-14"), ("yyyy.M.d", "2025.5.14", "2025-05-14"),
        ("yyyy.MM.dd", "２０２５．０５．１４", "2025-05-14"), ("yyyyMMdd", "20250514", "2025-05-14"), ("d-M-yyyy", "1-2-2025", "2025-02-01"),
    ])
    func acceptsExtraFormats(format: String, text: String, expected: String) throws {
        #expect(try DateGrammar(extraFormats: [format]).parse(text).description == expected)
    }

    @Test func doubledTokensTakeExactlyTwoDigits() throws {
        let grammar = try DateGrammar(extraFormats: ["MM/dd/yyyy"])
        #expect(throws: ValueError("expected a date such as 2025-05-14, got \"5/14/2025\"")) { try grammar.parse("5/14/2025") }
    }

    @Test func extraFormatsComeAfterTheDefaults() throws {
        let grammar = try DateGrammar(extraFormats: ["yyyy-dd-MM"])
        #expect(try grammar.parse("2025-05-07").description == "2025-05-07")  // the default reading wins
        #expect(try grammar.parse("2025-14-05").description == "2025-05-14")  // not a default date: the extra one
        #expect(throws: ValueError("\"2025-31-31\" is not a calendar date")) { try grammar.parse("2025-31-31") }
    }

    @Test func extraFormatsAreTriedInOrder() throws {
        let grammar = try DateGrammar(extraFormats: ["dd/MM/yyyy", "MM/dd/yyyy"])
        #expect(try grammar.parse("01/02/2025").description == "2025-02-01")
        #expect(try grammar.parse("02/13/2025").description == "2025-02-13")
    }

    @Test(arguments: ["yy/MM/dd", "MMM d, yyyy", "yyyy-MM-dd HH:mm", "yyyy/MM", "yyyy/MM/dd/dd", "", "'yyyy'-MM-dd", "yyyyy-MM-dd", "EEE yyyy-MM-dd"])
    func rejectsUnsupportedFormats(format: String) {
        let reason = "unsupported date format \"\(format)\": use yyyy, MM or M, dd or d once each, and literal characters such as / - . 年"
        #expect(throws: ValueError(reason)) { try DateGrammar(extraFormats: ["yyyy/MM/dd", format]) }
    }

    @Test func parsesBytes() throws {
        let bytes = Array("\u{3000}令和元年5月1日\u{3000}".utf8)
        let date = try bytes.withUnsafeBufferPointer { buffer throws(ValueError) in try DateGrammar.standard.parse(buffer) }
        #expect(date == LocalDate(year: 2019, month: 5, day: 1))
    }
}
