import Tabular

/// The days off of a business calendar: Japan's national holidays (optionally) and company holidays.
struct HolidayRules: Sendable {
    /// Whether Japan's national holidays (``JapaneseHolidays``) are days off.
    let japanese: Bool
    /// The company's own days off.
    let company: [CompanyHoliday]

    /// The days (``LocalDate/daysSinceEpoch``) of every holiday in `years`.
    /// - Complexity: O(years × (20 + company holidays)).
    func days(in years: ClosedRange<Int>) -> Set<Int32> {
        var days = Set<Int32>()
        for year in years {
            if japanese {
                for holiday in JapaneseHolidays.holidays(in: year) { days.insert(holiday.date.daysSinceEpoch) }
            }
            for holiday in company {
                for date in holiday.dates(in: year) { days.insert(date.daysSinceEpoch) }
            }
        }
        return days
    }
}
