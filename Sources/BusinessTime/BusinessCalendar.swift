import Foundation
import Tabular

/// A business calendar: a time zone, working hours per weekday, and holidays (Japan's national
/// holidays and company holidays); measures business minutes between instants (docs/metrics.md §3.8–3.10).
///
/// Business minutes between t1 and t2 are the minutes of [t1, t2) inside working hours on working
/// days, in the calendar's zone, walked day by day: each local day's working window is converted to
/// instants (see ``DayWindow``), so daylight-saving days count real elapsed time — 00:00–24:00 is
/// 1,380 minutes on a spring-forward day and 1,500 on a fall-back day; a wall-clock time in a gap
/// moves forward by the gap and one that occurs twice is the earlier instant, as in
/// ``ZoneOffsets/instant(localMilliseconds:)``.
///
/// ```swift
/// let calendar = BusinessCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!, week: .mondayToFriday9to18,
///                                 japaneseHolidays: true, companyHolidays: [.everyYear(month: 12, day: 29)],
///                                 dates: LocalDate(year: 2024, month: 1, day: 1)!...LocalDate(year: 2027, month: 12, day: 31)!)
/// calendar.businessMinutes(from: fridayAt17, to: mondayAt10)   // 120.0
/// calendar.minutesPerBusinessDay                               // 540.0
/// ```
public struct BusinessCalendar: Sendable {
    /// The calendar's zone, as offsets.
    private let zone: ZoneOffsets
    /// The working hours of each weekday.
    private let week: WorkingWeek
    /// The days off.
    private let holidays: HolidayRules
    /// The first precomputed date.
    private let firstDate: LocalDate
    /// Each precomputed date's window, from `firstDate` on; at least one.
    private let windows: [DayWindow]
    /// Whether each precomputed date is a working day.
    private let workingDays: [Bool]
    /// The instant at which the first precomputed date begins (its local midnight), in ms.
    private let rangeStart: Int64
    /// The instant at which the day after the last precomputed date begins, in ms.
    private let rangeEnd: Int64
    /// The most common span length of the week, in minutes.
    private let businessDayMinutes: Int

    /// Precomputes, for every local date in `dates` (the caller passes e.g. the data's date range padded by a year), whether it is a working day, its working span, and a prefix sum of working seconds, so that businessMinutes is O(1).
    ///
    /// A date is a working day when `week` has a span for its weekday and it is neither one of
    /// Japan's national holidays (when `japaneseHolidays`; by rule for ``JapaneseHolidays/supportedYears``
    /// only) nor one of `companyHolidays`.
    /// - Complexity: O(days in `dates`) time and 25 bytes a day, after ``ZoneOffsets/init(timeZone:)``.
    public init(timeZone: TimeZone, week: WorkingWeek, japaneseHolidays: Bool, companyHolidays: [CompanyHoliday],
                dates: ClosedRange<LocalDate>) {
        let zone = ZoneOffsets(timeZone: timeZone)
        let holidays = HolidayRules(japanese: japaneseHolidays, company: companyHolidays)
        let holidayDays = holidays.days(in: dates.lowerBound.year...dates.upperBound.year)
        let count = Int(dates.upperBound.daysSinceEpoch) - Int(dates.lowerBound.daysSinceEpoch) + 1
        var windows: [DayWindow] = []
        var workingDays: [Bool] = []
        windows.reserveCapacity(count)
        workingDays.reserveCapacity(count)
        var before: Int64 = 0
        for offset in 0..<count {
            let date = dates.lowerBound.adding(days: offset)
            let isWorking = !holidayDays.contains(date.daysSinceEpoch) && week.span(isoWeekday: date.isoWeekday) != nil
            let window = DayWindow(date: date, isWorking: isWorking, week: week, zone: zone, before: before)
            windows.append(window)
            workingDays.append(isWorking)
            before += window.length
        }
        self.zone = zone
        self.week = week
        self.holidays = holidays
        self.firstDate = dates.lowerBound
        self.windows = windows
        self.workingDays = workingDays
        self.rangeStart = Self.midnight(of: dates.lowerBound, in: zone)
        self.rangeEnd = Self.midnight(of: dates.upperBound.adding(days: 1), in: zone)
        self.businessDayMinutes = week.mostCommonSpanLength
    }

    /// The length of one business day in minutes: the most common working-span length over the week's
    /// working weekdays (ties: the longest); 540 for the default week, 0 for a week with no working day.
    public var minutesPerBusinessDay: Double { Double(businessDayMinutes) }

    /// Whether `date` is a working day: its weekday is worked and it is no holiday.
    /// - Complexity: O(1) in the precomputed range; outside it, O(holidays of the date's year).
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        let index = Int(date.daysSinceEpoch) - Int(firstDate.daysSinceEpoch)
        if workingDays.indices.contains(index) { return workingDays[index] }
        return week.span(isoWeekday: date.isoWeekday) != nil
            && !holidays.days(in: date.year...date.year).contains(date.daysSinceEpoch)
    }

    /// Business minutes in [from, to): exact (seconds / 60, milliseconds kept); 0 when to <= from. Instants outside the precomputed range still answer correctly (fall back to walking day by day), just slower.
    ///
    /// Outside the range, instants before 0001-01-01 or from 10000-01-01 (local) count as those
    /// bounds, so that a stray far-off instant cannot make the walk run for millions of days.
    /// - Complexity: O(1) when both instants lie in the precomputed range (one local-date lookup
    ///   each: a comparison for a zone past its last transition such as Asia/Tokyo, a binary search
    ///   over its transitions otherwise); otherwise O(days outside the range).
    public func businessMinutes(from: Instant, to: Instant) -> Double {
        Double(businessMilliseconds(from: from.millisecondsSinceEpoch, to: to.millisecondsSinceEpoch)) / 60_000
    }

    /// Working ms in `[from, to)`: the precomputed part by prefix sums, the rest walked.
    private func businessMilliseconds(from: Int64, to: Int64) -> Int64 {
        guard from < to else { return 0 }
        var total: Int64 = 0
        if from < rangeStart { total += walkedMilliseconds(from: from, to: min(to, rangeStart)) }
        let (inFrom, inTo) = (max(from, rangeStart), min(to, rangeEnd))
        if inFrom < inTo { total += cumulative(at: inTo) - cumulative(at: inFrom) }
        if to > rangeEnd { total += walkedMilliseconds(from: max(from, rangeEnd), to: to) }
        return total
    }

    /// Working ms of the precomputed days in `[rangeStart, t)`, for `t` in `rangeStart...rangeEnd`.
    @inline(__always)
    private func cumulative(at t: Int64) -> Int64 {
        let date = zone.localDate(at: Instant(millisecondsSinceEpoch: t))
        var index = min(max(Int(date.daysSinceEpoch) - Int(firstDate.daysSinceEpoch), 0), windows.count - 1)
        // The local date names the window, except around a transition at midnight, where the
        // instants of one local date can border the neighbouring day's window.
        if index > 0, t < windows[index - 1].end {
            index -= 1
        } else if index + 1 < windows.count, t >= windows[index + 1].start {
            index += 1
        }
        let window = windows[index]
        return window.before + min(max(t - window.start, 0), window.length)
    }

    /// Working ms in `[from, to)` (outside the precomputed range), walking the local days from the
    /// one before `from`'s to the one after `to`'s.
    private func walkedMilliseconds(from: Int64, to: Int64) -> Int64 {
        let lowest = Self.midnight(of: Self.walkBounds.lowerBound, in: zone)
        let highest = Self.midnight(of: Self.walkBounds.upperBound, in: zone)
        let (from, to) = (min(max(from, lowest), highest), min(max(to, lowest), highest))
        guard from < to else { return 0 }
        let first = zone.localDate(at: Instant(millisecondsSinceEpoch: from)).adding(days: -1)
        let last = zone.localDate(at: Instant(millisecondsSinceEpoch: to)).adding(days: 1)
        let holidayDays = holidays.days(in: first.year...last.year)
        var total: Int64 = 0
        var date = first
        while date <= last {
            let isWorking = !holidayDays.contains(date.daysSinceEpoch)
            total += DayWindow(date: date, isWorking: isWorking, week: week, zone: zone).overlap(from: from, to: to)
            date = date.adding(days: 1)
        }
        return total
    }

    /// The local dates a walk outside the precomputed range is kept within: 0001-01-01 up to 10000-01-01.
    private static let walkBounds = LocalDate(year: 1, month: 1, day: 1)!...LocalDate(year: 10_000, month: 1, day: 1)!

    /// The instant of `date`'s local midnight (a midnight in a gap moves forward by the gap), in ms.
    private static func midnight(of date: LocalDate, in zone: ZoneOffsets) -> Int64 {
        zone.instant(localMilliseconds: Int64(date.daysSinceEpoch) * 86_400_000).millisecondsSinceEpoch
    }
}
