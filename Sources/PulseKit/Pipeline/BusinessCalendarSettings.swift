import Foundation

/// The pipeline's `calendar` section: the business calendar that business-time SLA targets and
/// business-minute durations are measured in (docs/metrics.md §3.8–3.10).
package struct BusinessCalendarSettings: Sendable, Equatable {
    /// A built-in calendar of public holidays.
    package enum HolidayCalendar: String, Sendable, Equatable, Hashable, CaseIterable {
        /// Japan's national holidays, substitute and citizens' holidays included (the default).
        case jp
        /// No public holidays.
        case none
    }

    /// A company holiday: every year on a month and day (`12-29`), or once on a date (`2025-05-02`).
    package struct ExtraHoliday: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// The year for a one-off holiday; nil for a holiday every year.
        package var year: Int?
        /// The month, 1...12.
        package var month: Int
        /// The day of the month.
        package var day: Int

        /// Creates a holiday; a real date is the caller's business.
        package init(year: Int? = nil, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// Whether this holiday falls on the given local date.
        package func matches(year: Int, month: Int, day: Int) -> Bool {
            (self.year == nil || self.year == year) && self.month == month && self.day == day
        }

        /// `MM-DD` or `YYYY-MM-DD`.
        package var description: String {
            func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
            let monthDay = "\(two(month))-\(two(day))"
            return year.map { "\($0)-\(monthDay)" } ?? monthDay
        }
    }

    /// The built-in public holidays. Default `jp`.
    package var holidays: HolidayCalendar
    /// Company holidays added to the built-in ones. Default none.
    package var extraHolidays: [ExtraHoliday]
    /// Working hours per weekday. Default Monday to Friday 09:00-18:00.
    package var hours: WorkingHours

    /// Creates calendar settings.
    package init(holidays: HolidayCalendar = .jp, extraHolidays: [ExtraHoliday] = [], hours: WorkingHours = .default) {
        self.holidays = holidays
        self.extraHolidays = extraHolidays
        self.hours = hours
    }

    /// The default calendar: Japanese holidays, no company holidays, Monday to Friday 09:00-18:00.
    package static let `default` = BusinessCalendarSettings()
}

extension BusinessCalendarSettings {
    /// Reads the `calendar` section over the defaults.
    init(reading value: PipelineValue) throws(PipelineFileError) {
        let mapping = try value.mapping(keys: ["holidays", "extra_holidays", "hours"])
        var settings = BusinessCalendarSettings.default
        if let holidays = mapping["holidays"] {
            settings.holidays = try holidays.choice(HolidayCalendar.self)
        }
        if let extra = mapping["extra_holidays"] {
            var list: [ExtraHoliday] = []
            for item in try extra.list() {
                let holiday = try Self.readHoliday(item)
                if !list.contains(holiday) { list.append(holiday) }
            }
            settings.extraHolidays = list
        }
        if let hours = mapping["hours"] {
            settings.hours = try WorkingHours(reading: hours)
        }
        self = settings
    }

    /// `MM-DD` or `YYYY-MM-DD`, a real date (`02-29` is accepted as a yearly holiday of leap years).
    private static func readHoliday(_ value: PipelineValue) throws(PipelineFileError) -> ExtraHoliday {
        let what = "a date like 12-29 (every year) or 2025-05-02 (once)"
        let text = try value.scalarText(what)
        let holiday: ExtraHoliday
        if let match = text.wholeMatch(of: /(\d{2})-(\d{2})/) {
            holiday = ExtraHoliday(month: Int(match.output.1)!, day: Int(match.output.2)!)
        } else if let match = text.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/) {
            holiday = ExtraHoliday(year: Int(match.output.1)!, month: Int(match.output.2)!, day: Int(match.output.3)!)
        } else {
            throw value.expected(what)
        }
        guard (1...12).contains(holiday.month),
              holiday.day >= 1,
              holiday.day <= daysInMonth(holiday.month, year: holiday.year) else {
            throw value.error("\(value.got) is not a real date in 'extra_holidays'")
        }
        return holiday
    }

    /// Days in a month of the Gregorian calendar; February has 29 when the year is unknown.
    private static func daysInMonth(_ month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
