import Tabular

extension LocalDate {
    /// The ISO weekday of the date: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    var isoWeekday: Int {
        let (_, remainder) = (Int(daysSinceEpoch) + 3).quotientAndRemainder(dividingBy: 7)
        return (remainder < 0 ? remainder + 7 : remainder) + 1
    }
}
