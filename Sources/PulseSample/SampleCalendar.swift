import Tabular

/// Civil dates as day numbers, months as month numbers, and the Japanese business calendar the
/// sample data is shaped by.
///
/// A day is the number of days since 1970-01-01 (proleptic Gregorian); a month is
/// `year × 12 + month − 1`; an instant is local seconds since 1970-01-01T00:00 in Asia/Tokyo, which
/// has no daylight saving, so every instant is written with the offset `+09:00`.
enum SampleCalendar {
    /// Seconds in a day.
    static let secondsPerDay = 86_400

    /// The day number of a civil date (which must exist).
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        Int(LocalDate(year: year, month: month, day: day)?.daysSinceEpoch ?? 0)
    }

    /// The civil date of a day number.
    static func civil(_ day: Int) -> (year: Int, month: Int, day: Int) {
        LocalDate(daysSinceEpoch: Int32(day)).civil
    }

    /// The weekday of a day: 0 Monday … 5 Saturday, 6 Sunday.
    static func weekday(_ day: Int) -> Int {
        ((day + 3) % 7 + 7) % 7
    }

    /// The month number of a civil year and month.
    static func month(year: Int, month: Int) -> Int {
        year * 12 + month - 1
    }

    /// The month number that contains a day.
    static func month(ofDay day: Int) -> Int {
        let date = civil(day)
        return month(year: date.year, month: date.month)
    }

    /// The civil year and month of a month number.
    static func yearMonth(_ month: Int) -> (year: Int, month: Int) {
        let year = month >= 0 ? month / 12 : (month - 11) / 12
        return (year, month - year * 12 + 1)
    }

    /// The first day of a month.
    static func firstDay(ofMonth month: Int) -> Int {
        let ym = yearMonth(month)
        return day(ym.year, ym.month, 1)
    }

    /// The number of days in a month.
    static func daysIn(month: Int) -> Int {
        firstDay(ofMonth: month + 1) - firstDay(ofMonth: month)
    }

    /// The same day of the month `months` months later, clamped to the month's last day.
    static func adding(months: Int, to day: Int) -> Int {
        let date = civil(day)
        let target = month(year: date.year, month: date.month) + months
        return firstDay(ofMonth: target) + min(date.day, daysIn(month: target)) - 1
    }

    /// Whether a day is one of the Japanese national holidays the generator knows: the fixed-date
    /// ones (New Year, National Foundation Day, the Emperor's Birthday, Shōwa Day, Golden Week
    /// 05-03…05-05, Mountain Day, Culture Day, Labour Thanksgiving Day), the equinoxes as 03-20 and
    /// 09-23, and the Happy Monday holidays. Substitute holidays are left out.
    static func isNationalHoliday(_ day: Int) -> Bool {
        let date = civil(day)
        let monday = weekday(day) == 0
        switch (date.month, date.day) {
        case (1, 1), (2, 11), (2, 23), (3, 20), (4, 29), (5, 3), (5, 4), (5, 5), (8, 11), (9, 23),
             (11, 3), (11, 23):
            return true
        case (1, 8...14), (10, 8...14):
            return monday
        case (7, 15...21), (9, 15...21):
            return monday
        default:
            return false
        }
    }

    /// Whether a day is in the year-end break most Japanese companies close for (12-29 … 01-03).
    static func isYearEndBreak(_ day: Int) -> Bool {
        let date = civil(day)
        return (date.month == 12 && date.day >= 29) || (date.month == 1 && date.day <= 3)
    }

    /// How busy a day is for a business: a working day, a weekend day, or a holiday.
    static func kind(of day: Int) -> SampleDayKind {
        if isNationalHoliday(day) || isYearEndBreak(day) { return .holiday }
        return weekday(day) >= 5 ? .weekend : .workday
    }

    /// The instant `minutes` working minutes after `instant`, counting Monday–Friday 09:00–18:00
    /// outside holidays (the way a support team's clock runs).
    static func adding(businessMinutes minutes: Int, to instant: Int) -> Int {
        let open = 9 * 3600
        let close = 18 * 3600
        var remaining = max(0, minutes) * 60
        var day = floorDiv(instant, secondsPerDay)
        var second = instant - day * secondsPerDay
        for _ in 0..<5000 {
            if kind(of: day) != .workday || second >= close {
                day += 1
                second = open
                continue
            }
            if second < open { second = open }
            let available = close - second
            if remaining <= available {
                return day * secondsPerDay + second + remaining
            }
            remaining -= available
            day += 1
            second = open
        }
        return day * secondsPerDay + second
    }

    /// Integer division rounding toward negative infinity.
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

/// How busy a day is for a Japanese business.
enum SampleDayKind: Sendable {
    /// Monday to Friday, not a holiday.
    case workday
    /// Saturday or Sunday.
    case weekend
    /// A national holiday or the year-end break.
    case holiday
}
