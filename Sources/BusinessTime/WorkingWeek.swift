/// Working hours for each weekday; weekday numbers: 1 = Monday … 7 = Sunday (ISO).
///
/// ```swift
/// let nineToSix = WorkingSpan(startMinute: 540, endMinute: 1_080)!
/// let week = WorkingWeek([1: nineToSix, 2: nineToSix, 3: nineToSix, 4: nineToSix, 5: nineToSix])
/// week == .mondayToFriday9to18   // true
/// week.span(isoWeekday: 6)       // nil: Saturday is not a working weekday
/// ```
public struct WorkingWeek: Sendable, Equatable {
    /// The span of each weekday, Monday first; nil where the weekday is not worked.
    private let spans: [WorkingSpan?]

    /// A week working `days[weekday]` on each listed ISO weekday (1 = Monday … 7 = Sunday); weekdays
    /// not listed are not worked, and keys outside 1...7 are ignored.
    public init(_ days: [Int: WorkingSpan]) {
        spans = (1...7).map { days[$0] }
    }

    /// The working hours of ISO weekday `isoWeekday` (1 = Monday … 7 = Sunday), or nil if it is not
    /// worked or not in 1...7.
    public func span(isoWeekday: Int) -> WorkingSpan? {
        guard (1...7).contains(isoWeekday) else { return nil }
        return spans[isoWeekday - 1]
    }

    /// Monday to Friday, 09:00–18:00 (540 minutes a day); the default week of docs/metrics.md §3.8.
    public static let mondayToFriday9to18: WorkingWeek = {
        let nineToSix = WorkingSpan(startMinute: 9 * 60, endMinute: 18 * 60)!
        return WorkingWeek([1: nineToSix, 2: nineToSix, 3: nineToSix, 4: nineToSix, 5: nineToSix])
    }()

    /// The most common span length, in minutes, over the worked weekdays (ties: the longest); 0 when
    /// no weekday is worked.
    var mostCommonSpanLength: Int {
        var counts: [Int: Int] = [:]
        for case let span? in spans { counts[span.lengthInMinutes, default: 0] += 1 }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
    }
}
