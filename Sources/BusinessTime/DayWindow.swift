import Tabular

/// One local day's working time as instants, and the working time of the days before it.
///
/// A day's window is `[local midnight + start, local midnight + end)` of its weekday's span, each end
/// converted with ``ZoneOffsets/instant(localMilliseconds:)``: a wall-clock time in a gap (spring
/// forward) moves forward by the gap, one that occurs twice (fall back) is the earlier instant. So a
/// window is real elapsed time: 00:00–24:00 lasts 23 hours on a spring-forward day and 25 on a
/// fall-back day, and 01:00–03:00 lasts 1 hour on New York's spring-forward day. The window is then
/// kept inside the day's own bounds (the instants of its local midnight and the next), and a window
/// whose end the gap resolved before its start is empty, so windows never overlap and stay in order.
struct DayWindow: Sendable {
    /// The first working instant, in ms since the epoch.
    var start: Int64
    /// The instant at which work stops (exclusive), in ms; `start` when the day has no working time.
    var end: Int64
    /// Working ms of the precomputed days before this one.
    var before: Int64

    /// Working ms of this day.
    var length: Int64 { end - start }

    /// The window of `date`: empty (at the day's start) unless `isWorking` and the week works its weekday.
    init(date: LocalDate, isWorking: Bool, week: WorkingWeek, zone: ZoneOffsets, before: Int64 = 0) {
        let msPerMinute: Int64 = 60_000
        let midnight = Int64(date.daysSinceEpoch) * 86_400_000
        let dayStart = zone.instant(localMilliseconds: midnight).millisecondsSinceEpoch
        self.before = before
        guard isWorking, let span = week.span(isoWeekday: date.isoWeekday) else {
            (start, end) = (dayStart, dayStart)
            return
        }
        let dayEnd = zone.instant(localMilliseconds: midnight + 86_400_000).millisecondsSinceEpoch
        let start = zone.instant(localMilliseconds: midnight + Int64(span.startMinute) * msPerMinute).millisecondsSinceEpoch
        let end = zone.instant(localMilliseconds: midnight + Int64(span.endMinute) * msPerMinute).millisecondsSinceEpoch
        self.start = min(max(start, dayStart), dayEnd)
        self.end = min(max(end, self.start), dayEnd)
    }

    /// Working ms of `[from, to)` that fall in this window.
    func overlap(from: Int64, to: Int64) -> Int64 {
        max(0, min(to, end) - max(from, start))
    }
}
