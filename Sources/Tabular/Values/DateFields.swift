/// The year, month and day read from a date's text, before they are checked.
struct DateFields {
    /// The Gregorian years a date may fall in.
    static let acceptedYears = 1900...2200

    /// The Gregorian year (for an era date, already converted from the era year).
    var year: Int
    /// The month as written; not yet checked.
    var month: Int
    /// The day as written; not yet checked.
    var day: Int
    /// The era the date was written in, if any.
    var era: JapaneseEra?

    /// The date, or why these fields are not one: not a calendar day, outside its era, or outside
    /// ``acceptedYears``, checked in that order.
    func validated() -> Result<LocalDate, DateProblem> {
        guard let date = LocalDate(year: year, month: month, day: day) else { return .failure(.notCalendarDate) }
        if let era, !era.contains(date) { return .failure(.outsideEra(era)) }
        guard Self.acceptedYears.contains(year) else { return .failure(.outsideYears) }
        return .success(date)
    }
}
