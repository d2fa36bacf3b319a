/// A calendar date with no time zone, counted in days from 1970-01-01 in the proleptic Gregorian calendar.
///
/// ```swift
/// let date = LocalDate(year: 2025, month: 5, day: 14)   // 2025-05-14
/// date?.adding(days: 18)                                // 2025-06-01
/// ```
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01, which is 0; earlier dates are negative.
    public let daysSinceEpoch: Int32

    /// The date `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The date with this year, month (1–12) and day of month, or nil if there is no such date
    /// (`2023-02-29`, `2025-04-31`, month 13) or it lies beyond about ±5 million years.
    public init?(year: Int, month: Int, day: Int) {
        guard (-5_000_000...5_000_000).contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysInMonth(year: year, month: month),
              let days = Int32(exactly: Self.daysSinceEpoch(year: year, month: month, day: day))
        else { return nil }
        self.daysSinceEpoch = days
    }

    /// The year, e.g. 2025.
    public var year: Int { civil.year }
    /// The month, 1–12.
    public var month: Int { civil.month }
    /// The day of the month, 1–31.
    public var day: Int { civil.day }

    /// The date `days` days later (earlier when negative), clamped to the representable range.
    public func adding(days: Int) -> LocalDate {
        let (sum, overflow) = Int(daysSinceEpoch).addingReportingOverflow(days)
        guard !overflow else { return LocalDate(daysSinceEpoch: days > 0 ? .max : .min) }
        return LocalDate(daysSinceEpoch: Int32(clamping: sum))
    }

    /// The date as `yyyy-MM-dd`, e.g. `2025-05-14`.
    public var description: String {
        let (year, month, day) = civil
        var text = ""
        text.reserveCapacity(10)
        text.appendZeroPadded(year, width: 4)
        text.append("-")
        text.appendZeroPadded(month, width: 2)
        text.append("-")
        text.appendZeroPadded(day, width: 2)
        return text
    }

    /// Whether `lhs` comes before `rhs`.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    /// Year, month and day at once (one conversion instead of three).
    public var civil: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days, on 400-year eras of 146,097 days starting on March 1.
        let shifted = Int(daysSinceEpoch) + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days from 1970-01-01 to a valid year, month and day (Hinnant's days_from_civil).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whether `year` has a February 29.
    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1–12) of `year`.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
