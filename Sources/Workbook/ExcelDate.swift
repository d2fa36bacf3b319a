/// Calendar dates as Excel serial numbers in the 1900 date system.
enum ExcelDate {
    /// The serial number for a valid date from 1900-01-01 through 9999-12-31, or nil.
    ///
    /// Excel counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, treats 1900 as a leap
    /// year; so serials for dates from 1900-03-01 on are one more than the day count.
    static func serial(year: Int, month: Int, day: Int) -> Double? {
        guard (1900...9999).contains(year), (1...12).contains(month),
              (1...daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
            - daysFromCivil(year: 1899, month: 12, day: 31)
        return Double(days >= 60 ? days + 1 : days)
    }

    /// Days in the month of the proleptic Gregorian calendar.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
