import Foundation
import Tabular
import BusinessTime

/// Zones, dates, instants and calendars the business-time tests share.
enum CalendarFixtures {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    static let newYork = TimeZone(identifier: "America/New_York")!

    /// The date `year`-`month`-`day`.
    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day)!
    }

    /// The instant at which a clock `offsetMinutes` east of UTC (JST, +09:00, unless told) reads
    /// this date and time.
    static func instant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0, _ second: Int = 0,
                        milliseconds: Int = 0, offsetMinutes: Int = 540) -> Instant {
        let days = Int64(date(year, month, day).daysSinceEpoch)
        let local = days * 86_400_000 + Int64(((hour * 60 + minute) * 60 + second) * 1_000 + milliseconds)
        return Instant(millisecondsSinceEpoch: local - Int64(offsetMinutes) * 60_000)
    }

    /// The span `start`–`end` in whole hours.
    static func hours(_ start: Int, _ end: Int) -> WorkingSpan {
        WorkingSpan(startMinute: start * 60, endMinute: end * 60)!
    }

    /// The year-end company holidays 12-29 … 01-03.
    static let yearEnd: [CompanyHoliday] = [
        .everyYear(month: 12, day: 29), .everyYear(month: 12, day: 30), .everyYear(month: 12, day: 31),
        .everyYear(month: 1, day: 1), .everyYear(month: 1, day: 2), .everyYear(month: 1, day: 3),
    ]

    /// Tokyo, Monday–Friday 09:00–18:00, Japan's holidays and `company` holidays, precomputed for `dates`.
    static func tokyoCalendar(company: [CompanyHoliday] = [],
                              dates: ClosedRange<LocalDate> = date(2024, 1, 1)...date(2027, 12, 31)) -> BusinessCalendar {
        BusinessCalendar(timeZone: tokyo, week: .mondayToFriday9to18, japaneseHolidays: true,
                         companyHolidays: company, dates: dates)
    }

    /// Every day of the week worked around the clock.
    static let allDayEveryDay = WorkingWeek(Dictionary(uniqueKeysWithValues: (1...7).map { ($0, hours(0, 24)) }))

    /// New York, with working spans that cross its DST transitions: Monday–Saturday 00:00–24:00 and
    /// Sunday 01:00–03:00 (both transitions are at 02:00 on a Sunday); no holidays.
    static let newYorkWeek: WorkingWeek = {
        var days = Dictionary(uniqueKeysWithValues: (1...6).map { ($0, hours(0, 24)) })
        days[7] = hours(1, 3)
        return WorkingWeek(days)
    }()
}
