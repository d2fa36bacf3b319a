import Tabular

/// Company holidays: every year on a month-day, or once on a date.
///
/// ```swift
/// let yearEnd = [CompanyHoliday.everyYear(month: 12, day: 29), .everyYear(month: 12, day: 30),
///                .everyYear(month: 12, day: 31), .everyYear(month: 1, day: 2), .everyYear(month: 1, day: 3)]
/// let foundationDay = CompanyHoliday.once(LocalDate(year: 2026, month: 4, day: 1)!)
/// ```
public struct CompanyHoliday: Sendable, Equatable, Hashable {
    /// What the holiday repeats on.
    enum Rule: Sendable, Hashable {
        /// Every year on this month (1–12) and day of month.
        case everyYear(month: Int, day: Int)
        /// Once, on this date.
        case once(LocalDate)
    }

    /// What the holiday repeats on.
    let rule: Rule

    /// A holiday every year on `month`-`day` (`12`, `29` for December 29). February 29 falls only in
    /// leap years; a month-day that never exists (13-01, 04-31) matches no date.
    public static func everyYear(month: Int, day: Int) -> CompanyHoliday {
        CompanyHoliday(rule: .everyYear(month: month, day: day))
    }

    /// A holiday once, on `date`.
    public static func once(_ date: LocalDate) -> CompanyHoliday {
        CompanyHoliday(rule: .once(date))
    }

    /// The holiday's dates in `year` (none or one).
    func dates(in year: Int) -> [LocalDate] {
        switch rule {
        case let .everyYear(month, day):
            LocalDate(year: year, month: month, day: day).map { [$0] } ?? []
        case let .once(date):
            date.year == year ? [date] : []
        }
    }
}
