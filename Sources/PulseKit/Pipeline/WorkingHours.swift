import Foundation

/// Working hours per weekday (`calendar.hours`): the part of each day that counts as business time.
/// A weekday without hours is not a working day.
package struct WorkingHours: Sendable, Equatable {
    /// A day of the week, as pipeline files name it (`mon` ... `sun`).
    package enum Weekday: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
        /// Monday.
        case mon
        /// Tuesday.
        case tue
        /// Wednesday.
        case wed
        /// Thursday.
        case thu
        /// Friday.
        case fri
        /// Saturday.
        case sat
        /// Sunday.
        case sun

        /// The weekday number of Foundation's `Calendar` (Sunday 1 ... Saturday 7).
        package var calendarWeekday: Int {
            self == .sun ? 1 : Weekday.allCases.firstIndex(of: self)! + 2
        }

        /// The weekday of a Foundation `Calendar` weekday number (Sunday 1 ... Saturday 7).
        package init?(calendarWeekday: Int) {
            guard (1...7).contains(calendarWeekday) else { return nil }
            self = calendarWeekday == 1 ? .sun : Weekday.allCases[calendarWeekday - 2]
        }

        /// Monday first.
        package static func < (lhs: Weekday, rhs: Weekday) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// One day's working time, in minutes after local midnight: `[start, end)`.
    package struct Span: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// Minutes after midnight when work starts (0...1439).
        package var startMinute: Int
        /// Minutes after midnight when work ends (after `startMinute`, at most 1440).
        package var endMinute: Int

        /// Creates a span; `start < end` is the caller's business.
        package init(startMinute: Int, endMinute: Int) {
            self.startMinute = startMinute
            self.endMinute = endMinute
        }

        /// The length of the span in minutes (540 for 09:00-18:00).
        package var minutes: Int { endMinute - startMinute }

        /// `09:00-18:00`.
        package var description: String {
            func clock(_ minute: Int) -> String {
                let hours = minute / 60, minutes = minute % 60
                return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
            }
            return "\(clock(startMinute))-\(clock(endMinute))"
        }
    }

    /// The working time of each working day; days absent are closed.
    package var days: [Weekday: Span]

    /// Creates working hours.
    package init(days: [Weekday: Span]) {
        self.days = days
    }

    /// The working time of a weekday, nil when closed.
    package func span(on weekday: Weekday) -> Span? { days[weekday] }

    /// The default: Monday to Friday, 09:00-18:00.
    package static let `default` = WorkingHours(days: [
        .mon: Span(startMinute: 540, endMinute: 1080), .tue: Span(startMinute: 540, endMinute: 1080),
        .wed: Span(startMinute: 540, endMinute: 1080), .thu: Span(startMinute: 540, endMinute: 1080),
        .fri: Span(startMinute: 540, endMinute: 1080),
    ])
}

extension WorkingHours {
    /// Reads `calendar.hours`: keys are a weekday (`sat`) or a range (`mon-fri`, wrapping allowed:
    /// `sun-thu`), values `"HH:MM-HH:MM"`, or empty or `closed` for a closed day. When given, it
    /// replaces the default hours entirely; a day named twice is an error.
    init(reading value: PipelineValue) throws(PipelineFileError) {
        var days: [Weekday: Span] = [:]
        var givenBy: [Weekday: String] = [:]
        let names = Weekday.allCases.map(\.rawValue).joined(separator: ", ")
        for entry in try value.mapping().entries {
            let parts = entry.key.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            let weekdays: [Weekday]
            if parts.count == 1, let day = Weekday(rawValue: parts[0]) {
                weekdays = [day]
            } else if parts.count == 2, let from = Weekday(rawValue: parts[0]), let to = Weekday(rawValue: parts[1]) {
                let all = Weekday.allCases
                var index = all.firstIndex(of: from)!
                var list = [all[index]]
                while all[index] != to {
                    index = (index + 1) % all.count
                    list.append(all[index])
                }
                weekdays = list
            } else {
                throw entry.keyValue.error(
                    "expected a weekday or a range of weekdays such as mon-fri as key in 'calendar.hours', got \"\(entry.key)\"; weekdays are \(names)")
            }
            for day in weekdays {
                if let other = givenBy[day] {
                    throw entry.keyValue.error("'\(day.rawValue)' is already given by '\(other)' in 'calendar.hours'")
                }
                givenBy[day] = entry.key
            }
            if let span = try Self.readSpan(entry.value) {
                for day in weekdays { days[day] = span }
            }
        }
        self.init(days: days)
    }

    /// `"09:00-18:00"` → a span; empty or `closed` → nil.
    private static func readSpan(_ value: PipelineValue) throws(PipelineFileError) -> Span? {
        if value.isNull { return nil }
        let what = "working hours like \"09:00-18:00\" (or closed)"
        let text = try value.scalarText(what).trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text == "closed" { return nil }
        guard let match = text.wholeMatch(of: /(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})/),
              let startHour = Int(match.output.1), let startMinute = Int(match.output.2),
              let endHour = Int(match.output.3), let endMinute = Int(match.output.4),
              startMinute < 60, endMinute < 60 else { throw value.expected(what) }
        let start = startHour * 60 + startMinute
        let end = endHour * 60 + endMinute
        guard start < 1440, end <= 1440, start < end else {
            throw value.error("working hours must start before they end, within one day, got \(value.got)")
        }
        return Span(startMinute: start, endMinute: end)
    }
}
