import Foundation
import Tabular

/// When each loaded event source has records: its earliest record, its newest record before as-of,
/// and whether any falls in M. The run warns about a source that stopped before M (a stale export),
/// and a month of history before a source's first record is not computed from it (docs/metrics.md §11).
struct SourceCoverage: Sendable {
    /// One source's record times.
    struct Span: Sendable, Equatable {
        /// The earliest record.
        var earliest: Instant
        /// The newest record before as-of, if any.
        var newestBeforeAsOf: Instant?
        /// Whether a record falls in [M_start, min(M_end, as-of)).
        var hasRecordInMonth: Bool
    }

    /// The event sources a stale export is looked for in, in the order warnings are written.
    static let eventSources: [CanonicalSource] = [.tickets, .csat, .nps, .ces, .usageEvents, .milestones, .articleEvents]

    /// Per loaded event source with at least one record.
    let spans: [CanonicalSource: Span]

    /// The record times of `data`'s loaded event sources for `period`; usage comes from `usage`
    /// (M−13 … M, days before as-of) and the loaded rows' earliest event.
    init(_ data: ExtractedData, usage: UsageActivity?, period: ReportingPeriod, timeZone: TimeZone) {
        let monthEnd = min(period.end, period.asOf)
        var spans: [CanonicalSource: Span] = [:]
        func add(_ source: CanonicalSource, _ instants: some Sequence<Instant>) {
            guard data.isLoaded(source) else { return }
            var span: Span?
            for t in instants {
                if span == nil { span = Span(earliest: t, newestBeforeAsOf: nil, hasRecordInMonth: false) }
                if t < span!.earliest { span!.earliest = t }
                if t < period.asOf, span!.newestBeforeAsOf.map({ $0 < t }) ?? true { span!.newestBeforeAsOf = t }
                if t >= period.start, t < monthEnd { span!.hasRecordInMonth = true }
            }
            if let span { spans[source] = span }
        }
        add(.tickets, data.tickets.lazy.map(\.createdAt))
        add(.csat, data.csat.lazy.map(\.respondedAt))
        add(.nps, data.nps.lazy.map(\.respondedAt))
        add(.ces, data.ces.lazy.map(\.respondedAt))
        add(.milestones, data.milestones.lazy.map(\.achievedAt))
        add(.articleEvents, data.articleEvents.lazy.map(\.timestamp))
        if data.isLoaded(.usageEvents), let usage {
            // Usage is kept as active local days: a day stands for its local midnight.
            let grammar = try? DateTimeGrammar(timeZone: timeZone)
            func start(_ day: LocalDate) -> Instant? { grammar?.startOfDay(day) }
            var earliest = data.usage.earliest
            if let first = usage.oldestDay.flatMap(start), earliest.map({ first < $0 }) ?? true { earliest = first }
            // The kept days reach back to M−13; an export that ended before them has its newest row in
            // the loaded rows' summary.
            let older = data.usage.latest.flatMap { $0 < period.asOf ? $0 : nil }
            if let earliest {
                spans[.usageEvents] = Span(earliest: earliest, newestBeforeAsOf: usage.newestDay.flatMap(start) ?? older,
                                           hasRecordInMonth: usage.hasActivity(monthsBack: 0))
            }
        }
        self.spans = spans
    }

    /// The warnings for event sources that have records before M but none in M: one row per source,
    /// with no file, line or column, reading `no records in YYYY-MM; the newest is YYYY-MM-DD`.
    func staleWarnings(period: ReportingPeriod, timeZone: TimeZone) -> [DataIssue] {
        let zone = ZoneOffsets(timeZone: timeZone)
        return Self.eventSources.compactMap { source -> DataIssue? in
            guard let span = spans[source], span.earliest < period.start, !span.hasRecordInMonth,
                  let newest = span.newestBeforeAsOf else { return nil }
            return DataIssue(source: source, file: "", line: 0, column: "",
                             reason: "no records in \(period.month); the newest is \(zone.localDate(at: newest))", raw: "")
        }
    }

    /// Whether month `month` (its first instant `end` after it) is covered by any of `sources`: one of
    /// them is loaded with a record before the month's end. Sources not loaded, or without records,
    /// do not count; with none of them loaded the month counts as covered (its figures are undefined
    /// either way).
    func covers(before end: Instant, sources: [CanonicalSource], data: ExtractedData) -> Bool {
        let loaded = sources.filter { data.isLoaded($0) }
        guard !loaded.isEmpty else { return true }
        return loaded.contains { spans[$0].map { $0.earliest < end } ?? false }
    }
}
