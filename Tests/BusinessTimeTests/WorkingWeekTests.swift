import Foundation
import Testing
import Tabular
import BusinessTime

/// Working spans, weeks, the length of a business day, and which dates are working days.
@Suite struct WorkingWeekTests {
    typealias F = CalendarFixtures

    @Test func spanNeedsStartBeforeEndWithinTheDay() {
        #expect(WorkingSpan(startMinute: 540, endMinute: 1_080) != nil)
        #expect(WorkingSpan(startMinute: 0, endMinute: 1_440) != nil)
        #expect(WorkingSpan(startMinute: 600, endMinute: 600) == nil)
        #expect(WorkingSpan(startMinute: 700, endMinute: 600) == nil)
        #expect(WorkingSpan(startMinute: -1, endMinute: 600) == nil)
        #expect(WorkingSpan(startMinute: 0, endMinute: 1_441) == nil)
    }

    @Test func defaultWeekIsMondayToFridayNineToSix() {
        let week = WorkingWeek.mondayToFriday9to18
        for weekday in 1...5 { #expect(week.span(isoWeekday: weekday) == F.hours(9, 18)) }
        #expect(week.span(isoWeekday: 6) == nil)
        #expect(week.span(isoWeekday: 7) == nil)
        #expect(week.span(isoWeekday: 0) == nil)
        #expect(week.span(isoWeekday: 8) == nil)
        #expect(WorkingWeek([1: F.hours(9, 18), 2: F.hours(9, 18), 3: F.hours(9, 18), 4: F.hours(9, 18),
                             5: F.hours(9, 18), 9: F.hours(1, 2)]) == week)
    }

    @Test func businessDayIsTheMostCommonSpanLengthTiesLongest() {
        let calendar = { (week: WorkingWeek) in
            BusinessCalendar(timeZone: F.tokyo, week: week, japaneseHolidays: false, companyHolidays: [],
                             dates: F.date(2025, 1, 1)...F.date(2025, 1, 31)).minutesPerBusinessDay
        }
        #expect(calendar(.mondayToFriday9to18) == 540)
        #expect(calendar(WorkingWeek([1: F.hours(9, 18), 2: F.hours(9, 18), 3: F.hours(10, 19), 4: F.hours(9, 17)])) == 540)
        #expect(calendar(WorkingWeek([1: F.hours(9, 17), 2: F.hours(9, 19)])) == 600)
        #expect(calendar(WorkingWeek([:])) == 0)
    }

    @Test func workingDaysSkipWeekendsNationalAndCompanyHolidays() {
        let calendar = F.tokyoCalendar(company: F.yearEnd + [.once(F.date(2025, 6, 4)), .everyYear(month: 2, day: 29)],
                                       dates: F.date(2025, 1, 1)...F.date(2025, 12, 31))
        #expect(calendar.isWorkingDay(F.date(2025, 5, 14)))
        #expect(!calendar.isWorkingDay(F.date(2025, 5, 17)))        // Saturday
        #expect(!calendar.isWorkingDay(F.date(2025, 5, 6)))         // 振替休日
        #expect(!calendar.isWorkingDay(F.date(2025, 12, 30)))       // company, every year
        #expect(!calendar.isWorkingDay(F.date(2025, 6, 4)))         // company, once
        // Outside the precomputed range the same rules apply.
        #expect(!calendar.isWorkingDay(F.date(2026, 9, 22)))        // 国民の休日
        #expect(!calendar.isWorkingDay(F.date(2026, 1, 2)))
        #expect(calendar.isWorkingDay(F.date(2026, 6, 4)))
        #expect(!calendar.isWorkingDay(F.date(2028, 2, 29)))        // Tuesday, leap day
        #expect(calendar.isWorkingDay(F.date(2028, 2, 28)))
        #expect(calendar.isWorkingDay(F.date(1989, 2, 24)))         // before the supported years
    }

    @Test func withoutJapaneseHolidaysOnlyCompanyHolidaysAreOff() {
        let calendar = BusinessCalendar(timeZone: F.tokyo, week: .mondayToFriday9to18, japaneseHolidays: false,
                                        companyHolidays: F.yearEnd, dates: F.date(2025, 1, 1)...F.date(2025, 12, 31))
        #expect(calendar.isWorkingDay(F.date(2025, 5, 5)))
        #expect(!calendar.isWorkingDay(F.date(2025, 1, 2)))
    }
}
