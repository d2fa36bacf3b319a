import Foundation
import Tabular

/// The month a run reports on and the instant it reports at, in the pipeline's time zone.
public struct ReportingPeriod: Sendable, Equatable {
    /// M, the reporting month.
    public var month: YearMonth
    /// M_start: the first instant of M.
    public var start: Instant
    /// M_end: the first instant of the next month.
    public var end: Instant
    /// The as-of instant: events at or after it have not happened yet.
    public var asOf: Instant
    /// The local calendar date of as-of (docs/metrics.md §0.3).
    public var asOfDate: LocalDate
    /// The last local date that starts before as-of: a date on or before it is "before as-of"
    /// (docs/metrics.md §0.4: a date compared with an instant means local midnight at its start).
    public var lastDateBeforeAsOf: LocalDate
    /// The offset of the pipeline's time zone at as-of, in seconds (for writing as-of in local time).
    public var asOfOffsetSeconds: Int

    /// Resolves `--period` and `--as-of`: the period defaults to the last complete month before
    /// `now` in `timeZone`, as-of to the end of the period.
    ///
    /// - Throws: a ``PeriodError`` naming the option and the expected form.
    public static func resolve(period: String?, asOf: String?, timeZone: TimeZone, now: Date) throws(PeriodError) -> ReportingPeriod {
        let grammar: DateTimeGrammar
        do { grammar = try DateTimeGrammar(timeZone: timeZone) } catch { throw PeriodError("time zone: \(error)") }
        let month: YearMonth
        if let period {
            guard period.wholeMatch(of: /\d{4}-\d{2}/) != nil, let parsed = YearMonth(period) else {
                throw PeriodError("--period: expected a month as YYYY-MM (e.g. 2026-10), got \"\(period)\"")
            }
            month = parsed
        } else {
            let today = grammar.localDate(of: Instant(millisecondsSinceEpoch: Int64((now.timeIntervalSince1970 * 1000).rounded(.down))))
            month = YearMonth(year: today.year, month: today.month)!.adding(months: -1)
        }
        let bounds = MonthBounds(month: month, timeZone: timeZone)
        let (start, end) = (bounds.start, bounds.end)
        var asOfInstant = end
        if let asOf {
            do { asOfInstant = try grammar.parse(asOf, allowDateOnly: true) } catch {
                throw PeriodError("--as-of: expected a date or datetime such as 2026-11-01 or 2026-11-01T00:00:00+09:00, got \"\(asOf)\" (\(error))")
            }
            guard asOfInstant > start else {
                throw PeriodError("--as-of \(asOf) is not after the start of the period \(month)")
            }
        }
        let offset = ZoneOffsets(timeZone: timeZone).offsetSeconds(at: asOfInstant)
        let asOfDate = grammar.localDate(of: asOfInstant)
        let lastDate = grammar.startOfDay(asOfDate) == asOfInstant ? asOfDate.adding(days: -1) : asOfDate
        return ReportingPeriod(month: month, start: start, end: end, asOf: asOfInstant, asOfDate: asOfDate,
                               lastDateBeforeAsOf: lastDate, asOfOffsetSeconds: offset)
    }

    /// As-of in ISO 8601 local time with its offset, e.g. `2026-11-01T00:00:00+09:00`.
    public var asOfText: String { asOf.iso8601(offsetSeconds: asOfOffsetSeconds) }
}
