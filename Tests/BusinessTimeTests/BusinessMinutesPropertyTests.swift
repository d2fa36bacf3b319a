import Foundation
import Testing
import Tabular
import BusinessTime
import TestSupport

/// Business minutes are additive over adjacent intervals and agree with a naive day-by-day walk, for
/// seeded random instants (in and out of the precomputed range) on a Tokyo and a New York calendar.
@Suite struct BusinessMinutesPropertyTests {
    typealias F = CalendarFixtures

    /// The reference: business minutes in [from, to) by walking every local day from the one before
    /// `from`'s to the one after `to`'s, adding the overlap with its working window (local midnight +
    /// span, converted by `ZoneOffsets`) on a weekday the week works that is no holiday.
    struct NaiveReference {
        let zone: ZoneOffsets
        let week: WorkingWeek
        let holidays: Set<LocalDate>

        init(timeZone: TimeZone, week: WorkingWeek, japaneseHolidays: Bool, company: [CompanyHoliday], years: ClosedRange<Int>) {
            zone = ZoneOffsets(timeZone: timeZone)
            self.week = week
            var holidays = Set<LocalDate>()
            for year in years {
                if japaneseHolidays { holidays.formUnion(JapaneseHolidays.holidays(in: year).map(\.date)) }
                for month in 1...12 {
                    for day in 1...31 {
                        guard let date = LocalDate(year: year, month: month, day: day) else { continue }
                        if company.contains(.everyYear(month: month, day: day)) || company.contains(.once(date)) {
                            holidays.insert(date)
                        }
                    }
                }
            }
            self.holidays = holidays
        }

        func minutes(from: Instant, to: Instant) -> Double {
            guard from < to else { return 0 }
            var total: Int64 = 0
            var date = zone.localDate(at: from).adding(days: -1)
            let last = zone.localDate(at: to).adding(days: 1)
            while date <= last {
                // 1970-01-01 was a Thursday (ISO 4).
                let weekday = ((Int(date.daysSinceEpoch) % 7 + 7) % 7 + 3) % 7 + 1
                if !holidays.contains(date), let span = week.span(isoWeekday: weekday) {
                    let midnight = Int64(date.daysSinceEpoch) * 86_400_000
                    let start = zone.instant(localMilliseconds: midnight + Int64(span.startMinute) * 60_000)
                    let end = zone.instant(localMilliseconds: midnight + Int64(span.endMinute) * 60_000)
                    let overlap = min(to, end).millisecondsSinceEpoch - max(from, start).millisecondsSinceEpoch
                    total += max(0, overlap)
                }
                date = date.adding(days: 1)
            }
            return Double(total) / 60_000
        }
    }

    /// A random instant in [low, high), to the millisecond; one in four on a whole hour, so that
    /// window edges are hit exactly.
    static func instant(between low: Instant, and high: Instant, using random: inout SplitMix64) -> Instant {
        let ms = Int64.random(in: low.millisecondsSinceEpoch..<high.millisecondsSinceEpoch, using: &random)
        let snapped = random.next() % 4 == 0 ? ms - ((ms % 3_600_000) + 3_600_000) % 3_600_000 : ms
        return Instant(millisecondsSinceEpoch: max(snapped, low.millisecondsSinceEpoch))
    }

    /// Checks additivity over random t1 < t2 < t3 in `inner`, and agreement with `reference` for 2,000
    /// random pairs in `outer` (which reaches past the precomputed range).
    static func check(_ calendar: BusinessCalendar, against reference: NaiveReference, inner: (Instant, Instant),
                      outer: (Instant, Instant), seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<2_000 {
            let points = (0..<3).map { _ in instant(between: inner.0, and: inner.1, using: &random) }.sorted()
            let whole = calendar.businessMinutes(from: points[0], to: points[2])
            let parts = calendar.businessMinutes(from: points[0], to: points[1]) + calendar.businessMinutes(from: points[1], to: points[2])
            #expect(abs(whole - parts) <= 1e-9, "\(points)")
        }
        for index in 0..<2_000 {
            let bounds = index % 4 == 0 ? outer : inner
            let pair = (0..<2).map { _ in instant(between: bounds.0, and: bounds.1, using: &random) }.sorted()
            let expected = reference.minutes(from: pair[0], to: pair[1])
            #expect(calendar.businessMinutes(from: pair[0], to: pair[1]) == expected, "\(pair)")
            #expect(calendar.businessMinutes(from: pair[1], to: pair[0]) == 0)
        }
    }

    @Test func tokyoIsAdditiveAndMatchesTheNaiveWalk() {
        let calendar = F.tokyoCalendar(company: F.yearEnd + [.once(F.date(2025, 6, 4))],
                                       dates: F.date(2024, 1, 1)...F.date(2026, 12, 31))
        let reference = NaiveReference(timeZone: F.tokyo, week: .mondayToFriday9to18, japaneseHolidays: true,
                                       company: F.yearEnd + [.once(F.date(2025, 6, 4))], years: 2022...2029)
        Self.check(calendar, against: reference,
                   inner: (F.instant(2024, 1, 1, 0), F.instant(2027, 1, 1, 0)),
                   outer: (F.instant(2023, 1, 1, 0), F.instant(2028, 1, 1, 0)), seed: 0x5EED_0001)
    }

    @Test func newYorkIsAdditiveAndMatchesTheNaiveWalk() {
        let calendar = BusinessCalendar(timeZone: F.newYork, week: F.newYorkWeek, japaneseHolidays: false,
                                        companyHolidays: [.everyYear(month: 7, day: 4)],
                                        dates: F.date(2024, 1, 1)...F.date(2026, 12, 31))
        let reference = NaiveReference(timeZone: F.newYork, week: F.newYorkWeek, japaneseHolidays: false,
                                       company: [.everyYear(month: 7, day: 4)], years: 2022...2029)
        Self.check(calendar, against: reference,
                   inner: (F.instant(2024, 1, 1, 0, offsetMinutes: -300), F.instant(2027, 1, 1, 0, offsetMinutes: -300)),
                   outer: (F.instant(2023, 1, 1, 0, offsetMinutes: -300), F.instant(2028, 1, 1, 0, offsetMinutes: -300)),
                   seed: 0x5EED_0002)
    }

    @Test(arguments: ["America/Santiago", "America/Havana"])
    func zonesThatChangeAtMidnightAreAdditiveAndMatchTheNaiveWalk(identifier: String) {
        // Santiago moves its clocks at 24:00, Havana at 00:00 and 01:00: local midnight is skipped or repeated.
        let zone = TimeZone(identifier: identifier)!
        let minutes = { (start: Int, end: Int) in WorkingSpan(startMinute: start, endMinute: end)! }
        let week = WorkingWeek([1: minutes(0, 1_440), 2: minutes(30, 720), 3: minutes(720, 1_440), 4: minutes(0, 360),
                                5: minutes(1_380, 1_440), 6: minutes(0, 1_440), 7: minutes(0, 30)])
        let calendar = BusinessCalendar(timeZone: zone, week: week, japaneseHolidays: false,
                                        companyHolidays: [], dates: F.date(2024, 1, 1)...F.date(2026, 12, 31))
        let reference = NaiveReference(timeZone: zone, week: week, japaneseHolidays: false,
                                       company: [], years: 2022...2029)
        Self.check(calendar, against: reference,
                   inner: (F.instant(2024, 1, 1, 12, offsetMinutes: 0), F.instant(2026, 12, 31, 0, offsetMinutes: 0)),
                   outer: (F.instant(2023, 1, 1, 0, offsetMinutes: 0), F.instant(2028, 1, 1, 0, offsetMinutes: 0)),
                   seed: 0x5EED_0003)
    }
}
