/// The span of time a sample covers: `months` months of activity ending with the end month, and
/// the history before it that signups and contracts may reach back into.
struct SampleWindow {
    /// The first month with activity data.
    let firstMonth: Int
    /// The last month with data.
    let lastMonth: Int
    /// The first day of `firstMonth`.
    let firstDay: Int
    /// The first day after `lastMonth`: the export was taken at its start, so nothing is stamped
    /// at or after it except contract dates (end dates, renewals) that lie in the future.
    let endDay: Int
    /// The earliest month a signup may fall in.
    let historyMonth: Int

    init(settings: SampleSettings) {
        lastMonth = SampleCalendar.month(year: settings.endMonth.year, month: settings.endMonth.month)
        firstMonth = lastMonth - max(1, settings.months) + 1
        firstDay = SampleCalendar.firstDay(ofMonth: firstMonth)
        endDay = SampleCalendar.firstDay(ofMonth: lastMonth + 1)
        historyMonth = firstMonth - max(1, settings.months / 2)
    }

    /// Number of months with activity data.
    var months: Int { lastMonth - firstMonth + 1 }

    /// The first instant after the data (local seconds).
    var endInstant: Int { endDay * SampleCalendar.secondsPerDay }

    /// The month `count` months before the last one, never before the first.
    func monthBeforeEnd(_ count: Int) -> Int {
        max(firstMonth, lastMonth - count)
    }
}
