import Testing
@testable import Tabular

@Suite struct LocalDateTests {
    @Test(arguments: [
        (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 3, 1, 11_017), (2100, 3, 1, 47_541), (1900, 3, 1, -25_508),
        (1900, 1, 1, -25_567), (2025, 5, 14, 20_222), (2200, 12, 31, 84_370),
    ] as [(Int, Int, Int, Int32)])
    func countsDaysSinceEpoch(year: Int, month: Int, day: Int, days: Int32) throws {
        let date = try #require(LocalDate(year: year, month: month, day: day))
        #expect(date.daysSinceEpoch == days)
        #expect(LocalDate(daysSinceEpoch: days) == date)
        #expect(date.year == year && date.month == month && date.day == day)
    }

    @Test(arguments: [
        (2023, 2, 29), (2025, 2, 30), (2025, 4, 31), (2025, 13, 1), (2025, 0, 1), (2025, 1, 0), (2025, 1, 32),
        (1900, 2, 29), (2100, 2, 29), (10_000_000, 1, 1),
    ])
    func rejectsDaysThatDoNotExist(year: Int, month: Int, day: Int) {
        #expect(LocalDate(year: year, month: month, day: day) == nil)
    }

    @Test func acceptsLeapDays() {
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
    }

    @Test func roundTripsEveryDayFrom1800To2300() throws {
        var expected = try #require(LocalDate(year: 1800, month: 1, day: 1))
        var (year, month, day) = (1800, 1, 1)
        while year < 2300 {
            let date = try #require(LocalDate(year: year, month: month, day: day))
            #expect(date == expected)
            guard date.year == year, date.month == month, date.day == day else {
                Issue.record("\(date) is not \(year)-\(month)-\(day)")
                return
            }
            expected = expected.adding(days: 1)
            day += 1
            if day > LocalDate.daysInMonth(year: year, month: month) {
                day = 1
                month += 1
                if month > 12 { month = 1; year += 1 }
            }
        }
    }

    @Test func formatsAsIsoDate() throws {
        #expect(try #require(LocalDate(year: 2025, month: 5, day: 14)).description == "2025-05-14")
        #expect(try #require(LocalDate(year: 99, month: 1, day: 2)).description == "0099-01-02")
        #expect(LocalDate(daysSinceEpoch: 0).description == "1970-01-01")
    }

    @Test func addsDaysAcrossMonthsAndYears() throws {
        let date = try #require(LocalDate(year: 2025, month: 5, day: 14))
        #expect(date.adding(days: 18).description == "2025-06-01")
        #expect(date.adding(days: -365).description == "2024-05-14")
        #expect(date.adding(days: 0) == date)
        #expect(LocalDate(daysSinceEpoch: .max).adding(days: 1).daysSinceEpoch == .max)
        #expect(date.adding(days: .max).daysSinceEpoch == .max)
        #expect(date.adding(days: .min).daysSinceEpoch == .min)
    }

    @Test func ordersByDay() throws {
        let earlier = try #require(LocalDate(year: 2024, month: 12, day: 31))
        let later = try #require(LocalDate(year: 2025, month: 1, day: 1))
        #expect(earlier < later)
        #expect([later, earlier].sorted() == [earlier, later])
    }
}
