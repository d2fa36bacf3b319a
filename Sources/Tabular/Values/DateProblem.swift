/// Why text is not a date or datetime; it becomes a ``ValueError`` quoting the text.
enum DateProblem: Error {
    /// The text has none of the date shapes.
    case unrecognizedDate
    /// The text has none of the datetime shapes.
    case unrecognizedDateTime
    /// The shape is right but there is no such day (`2025-02-30`, month 13).
    case notCalendarDate
    /// The day is not in the era it is written in (`令和1年4月30日`).
    case outsideEra(JapaneseEra)
    /// The year is outside ``DateFields/acceptedYears``.
    case outsideYears
    /// A datetime was expected and only a date was given.
    case missingTime
    /// The hour, minute or second is out of range (`24:00`, `09:60`).
    case notTimeOfDay
    /// The UTC offset is out of range (`+25:00`).
    case invalidOffset

    /// The error for `scanner`'s text.
    func error(for scanner: CellScanner) -> ValueError {
        let text = scanner.quotedText()
        return switch self {
        case .unrecognizedDate:
            ValueError("expected a date such as 2025-05-14, got \(text)")
        case .unrecognizedDateTime:
            ValueError("expected a date and time such as 2025-05-14 09:30:00, got \(text)")
        case .notCalendarDate:
            ValueError("\(text) is not a calendar date")
        case .outsideEra(let era):
            ValueError("\(text) is not a date of the \(era.name) era (\(era.span))")
        case .outsideYears:
            ValueError("\(text) is outside the years \(DateFields.acceptedYears.lowerBound) to \(DateFields.acceptedYears.upperBound)")
        case .missingTime:
            ValueError("expected a date and time such as 2025-05-14 09:30:00, got only a date \(text)")
        case .notTimeOfDay:
            ValueError("\(text) is not a time of day (hours 0–23, minutes and seconds 0–59)")
        case .invalidOffset:
            ValueError("\(text) has a UTC offset out of range (at most ±18:00)")
        }
    }
}
