import Foundation
import Testing
import Tabular
import BusinessTime

/// Business minutes on the default Tokyo calendar, with company holidays, across DST in New York, from
/// instants written with other offsets, and outside the precomputed range.
@Suite struct BusinessMinutesTests {
    typealias F = CalendarFixtures
    let tokyo = F.tokyoCalendar()

    @Test func fridayEveningToMondayMorningIsTwoHours() {
        // 2025-05-16 is a Friday: 17:00–18:00, then Monday 09:00–10:00.
        #expect(tokyo.businessMinutes(from: F.instant(2025, 5, 16, 17), to: F.instant(2025, 5, 19, 10)) == 120)
    }

    @Test func sameDayInsideWorkingHours() {
        #expect(tokyo.businessMinutes(from: F.instant(2025, 5, 14, 10, 15), to: F.instant(2025, 5, 14, 14, 45)) == 270)
    }

    @Test func timeBeforeNineAndAfterSixDoesNotCount() {
        #expect(tokyo.businessMinutes(from: F.instant(2025, 5, 14, 7), to: F.instant(2025, 5, 14, 21)) == 540)
        #expect(tokyo.businessMinutes(from: F.instant(2025, 5, 14, 7), to: F.instant(2025, 5, 14, 8, 59)) == 0)
        #expect(tokyo.businessMinutes(from: F.instant(2025, 5, 14, 18), to: F.instant(2025, 5, 15, 9)) == 0)
        #expect(tokyo.businessMinutes(from: F.instant(2025, 5, 14, 7), to: F.instant(2025, 5, 15, 8)) == 540)
    }

    @Test func acrossGoldenWeek2025() {
        // Mon 04-28 17:00–18:00 = 60; Tue 04-29 昭和の日; Wed 04-30, Thu 05-01, Fri 05-02 = 3 × 540;
        // Sat 05-03, Sun 05-04, Mon 05-05 こどもの日, Tue 05-06 振替休日; Wed 05-07 09:00–10:00 = 60.
        // 60 + 1620 + 60 = 1740.
        #expect(tokyo.businessMinutes(from: F.instant(2025, 4, 28, 17), to: F.instant(2025, 5, 7, 10)) == 1_740)
    }

    @Test func acrossYearEndCompanyHolidays() {
        // Fri 12-26 17:00–18:00 = 60; 12-27/28 weekend; 12-29 … 01-03 company holidays (01-01 also
        // 元日); Sun 01-04; Mon 01-05 09:00–10:00 = 60.
        let withYearEnd = F.tokyoCalendar(company: F.yearEnd)
        let (from, to) = (F.instant(2025, 12, 26, 17), F.instant(2026, 1, 5, 10))
        #expect(withYearEnd.businessMinutes(from: from, to: to) == 120)
        // Without them, 12-29, 12-30, 12-31 and Fri 01-02 are worked: 60 + 4 × 540 + 60.
        #expect(tokyo.businessMinutes(from: from, to: to) == 2_280)
    }

    @Test func onceCompanyHolidayIsOffOnlyThatYear() {
        let calendar = F.tokyoCalendar(company: [.once(F.date(2025, 6, 4))])
        #expect(calendar.businessMinutes(from: F.instant(2025, 6, 4, 0), to: F.instant(2025, 6, 5, 0)) == 0)
        #expect(calendar.businessMinutes(from: F.instant(2026, 6, 4, 0), to: F.instant(2026, 6, 5, 0)) == 540)
    }

    @Test func emptyOrReversedIntervalIsZero() {
        let noon = F.instant(2025, 5, 14, 12)
        #expect(tokyo.businessMinutes(from: noon, to: noon) == 0)
        #expect(tokyo.businessMinutes(from: noon, to: F.instant(2025, 5, 14, 11)) == 0)
        #expect(tokyo.businessMinutes(from: F.instant(2025, 5, 19, 10), to: F.instant(2025, 5, 16, 17)) == 0)
    }

    @Test func fractionalMinutesKeepSecondsAndMilliseconds() {
        #expect(tokyo.businessMinutes(from: F.instant(2025, 5, 14, 9, 0, 30), to: F.instant(2025, 5, 14, 9, 1)) == 0.5)
        #expect(tokyo.businessMinutes(from: F.instant(2025, 5, 14, 8, 59, 59), to: F.instant(2025, 5, 14, 9, 0, 0, milliseconds: 750)) == 0.0125)
        #expect(tokyo.businessMinutes(from: F.instant(2025, 5, 14, 17, 59, 45), to: F.instant(2025, 5, 15, 9, 0, 15)) == 0.5)
    }

    @Test func newYorkDaysLastTwentyThreeAndTwentyFiveHoursAcrossDaylightSaving() {
        let newYork = BusinessCalendar(timeZone: F.newYork, week: F.allDayEveryDay, japaneseHolidays: false,
                                       companyHolidays: [], dates: F.date(2025, 1, 1)...F.date(2025, 12, 31))
        // Spring forward, Sunday 2025-03-09: local midnight is 05:00Z (EST), the next 04:00Z (EDT).
        #expect(newYork.businessMinutes(from: F.instant(2025, 3, 9, 0, offsetMinutes: -300),
                                        to: F.instant(2025, 3, 10, 0, offsetMinutes: -240)) == 1_380)
        // Fall back, Sunday 2025-11-02: local midnight is 04:00Z (EDT), the next 05:00Z (EST).
        #expect(newYork.businessMinutes(from: F.instant(2025, 11, 2, 0, offsetMinutes: -240),
                                        to: F.instant(2025, 11, 3, 0, offsetMinutes: -300)) == 1_500)
        // An ordinary week around each: 6 × 1440 + 1380, and 6 × 1440 + 1500.
        #expect(newYork.businessMinutes(from: F.instant(2025, 3, 4, 0, offsetMinutes: -300),
                                        to: F.instant(2025, 3, 11, 0, offsetMinutes: -240)) == 10_020)
        #expect(newYork.businessMinutes(from: F.instant(2025, 10, 29, 0, offsetMinutes: -240),
                                        to: F.instant(2025, 11, 5, 0, offsetMinutes: -300)) == 10_140)
    }

    @Test func newYorkWindowsAcrossTheTransitionsAreRealElapsedTime() {
        let newYork = BusinessCalendar(timeZone: F.newYork, week: F.newYorkWeek, japaneseHolidays: false,
                                       companyHolidays: [], dates: F.date(2025, 1, 1)...F.date(2025, 12, 31))
        // Sunday 01:00–03:00 on spring forward: 01:00 EST (06:00Z) to 03:00 EDT (07:00Z) = 60.
        #expect(newYork.businessMinutes(from: F.instant(2025, 3, 9, 0, offsetMinutes: -300),
                                        to: F.instant(2025, 3, 9, 12, offsetMinutes: -240)) == 60)
        // Sunday 01:00–03:00 on fall back: the first 01:00 (EDT, 05:00Z) to 03:00 EST (08:00Z) = 180.
        #expect(newYork.businessMinutes(from: F.instant(2025, 11, 2, 0, offsetMinutes: -240),
                                        to: F.instant(2025, 11, 2, 12, offsetMinutes: -300)) == 180)
        // An ordinary Sunday: 120.
        #expect(newYork.businessMinutes(from: F.instant(2025, 6, 1, 0, offsetMinutes: -240),
                                        to: F.instant(2025, 6, 1, 12, offsetMinutes: -240)) == 120)
    }

    @Test func instantsWrittenWithOtherOffsetsGiveTheSameAnswers() {
        // Fri 2025-05-16 17:00 JST = 08:00Z = 03:00-05:00; Mon 2025-05-19 10:00 JST = 01:00Z = Sun 20:00-05:00.
        let fromUTC = (F.instant(2025, 5, 16, 8, offsetMinutes: 0), F.instant(2025, 5, 19, 1, offsetMinutes: 0))
        let fromMinusFive = (F.instant(2025, 5, 16, 3, offsetMinutes: -300), F.instant(2025, 5, 18, 20, offsetMinutes: -300))
        #expect(fromUTC.0 == F.instant(2025, 5, 16, 17) && fromMinusFive.1 == F.instant(2025, 5, 19, 10))
        #expect(tokyo.businessMinutes(from: fromUTC.0, to: fromUTC.1) == 120)
        #expect(tokyo.businessMinutes(from: fromMinusFive.0, to: fromMinusFive.1) == 120)
        #expect(tokyo.businessMinutes(from: fromUTC.0, to: fromMinusFive.1) == 120)
        // 2025-05-14 00:30Z is 09:30 JST: 30 minutes after 00:00Z.
        #expect(tokyo.businessMinutes(from: F.instant(2025, 5, 14, 0, offsetMinutes: 0),
                                      to: F.instant(2025, 5, 13, 19, 30, offsetMinutes: -300)) == 30)
    }

    @Test func instantsOutsideThePrecomputedRangeGiveTheSameAnswers() {
        let narrow = F.tokyoCalendar(company: F.yearEnd, dates: F.date(2025, 3, 1)...F.date(2025, 3, 31))
        let wide = F.tokyoCalendar(company: F.yearEnd, dates: F.date(2015, 1, 1)...F.date(2035, 12, 31))
        let oneDay = F.tokyoCalendar(company: F.yearEnd, dates: F.date(2025, 5, 2)...F.date(2025, 5, 2))
        let pairs = [
            (F.instant(2025, 4, 28, 17), F.instant(2025, 5, 7, 10)),          // after the narrow range
            (F.instant(2024, 12, 20, 12), F.instant(2025, 3, 10, 10, 30)),    // into it from before
            (F.instant(2025, 2, 27, 11), F.instant(2025, 4, 2, 9, 15)),       // across all of it
            (F.instant(2019, 4, 26, 0), F.instant(2019, 5, 8, 0)),            // 2019's Golden Week
            (F.instant(2025, 12, 26, 17), F.instant(2026, 1, 5, 10)),
            (F.instant(2016, 1, 1, 0), F.instant(2034, 1, 1, 0)),             // long
        ]
        for (from, to) in pairs {
            let expected = wide.businessMinutes(from: from, to: to)
            #expect(narrow.businessMinutes(from: from, to: to) == expected, "\(from)–\(to)")
            #expect(oneDay.businessMinutes(from: from, to: to) == expected, "\(from)–\(to)")
        }
        #expect(narrow.businessMinutes(from: F.instant(2025, 4, 28, 17), to: F.instant(2025, 5, 7, 10)) == 1_740)
        #expect(narrow.businessMinutes(from: F.instant(2025, 12, 26, 17), to: F.instant(2026, 1, 5, 10)) == 120)

        let newYorkNarrow = BusinessCalendar(timeZone: F.newYork, week: F.newYorkWeek, japaneseHolidays: false,
                                             companyHolidays: [], dates: F.date(2025, 6, 1)...F.date(2025, 6, 30))
        let newYorkWide = BusinessCalendar(timeZone: F.newYork, week: F.newYorkWeek, japaneseHolidays: false,
                                           companyHolidays: [], dates: F.date(2020, 1, 1)...F.date(2030, 12, 31))
        let (from, to) = (F.instant(2025, 3, 1, 0, offsetMinutes: -300), F.instant(2025, 11, 30, 0, offsetMinutes: -300))
        #expect(newYorkNarrow.businessMinutes(from: from, to: to) == newYorkWide.businessMinutes(from: from, to: to))
    }

    @Test func farInstantsAreWalkedAndTheWalkStopsAtTheYear10000() {
        let calendar = F.tokyoCalendar(dates: F.date(2025, 1, 1)...F.date(2025, 12, 31))
        // 1980-01-07 is a Monday; no Japanese holidays are known before 1990.
        #expect(calendar.businessMinutes(from: F.instant(1980, 1, 7, 0), to: F.instant(1980, 1, 14, 0)) == 5 * 540)
        let far = Instant(millisecondsSinceEpoch: .max)
        let beyond = calendar.businessMinutes(from: F.instant(9999, 12, 31, 0), to: far)
        #expect(beyond == calendar.businessMinutes(from: F.instant(9999, 12, 31, 0), to: F.instant(10_000, 1, 1, 0)))
        #expect(calendar.businessMinutes(from: Instant(millisecondsSinceEpoch: .min), to: F.instant(1, 1, 1, 0)) == 0)
    }
}
