import Foundation
import Tabular

/// The first and end instants of a month in a time zone.
struct MonthBounds {
    /// The month's first instant.
    let start: Instant
    /// The first instant of the next month.
    let end: Instant

    /// The bounds of `month` in `timeZone`.
    init(month: YearMonth, timeZone: TimeZone) {
        let zone = ZoneOffsets(timeZone: timeZone)
        func midnight(_ m: YearMonth) -> Instant {
            let date = LocalDate(year: m.year, month: m.month, day: 1)!
            return zone.instant(localMilliseconds: Int64(date.daysSinceEpoch) * 86_400_000)
        }
        start = midnight(month)
        end = midnight(month.adding(months: 1))
    }
}
