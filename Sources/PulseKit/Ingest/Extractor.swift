import Dispatch
import Foundation
import Tabular

/// The extract stage: reads every source of a pipeline into typed records, quarantining bad
/// rows, with independent sources read concurrently.
///
/// Subscriptions are read after accounts and exchange rates, which they are checked against.
/// Usage events stream through `usageSink` batch by batch (memory does not grow with the file).
package struct Extractor: Sendable {
    /// The run's context.
    package var context: IngestContext
    /// How to read each source.
    package var settings: [CanonicalSource: SourceConfiguration]
    /// The sources to read; subscriptions bring the accounts and exchange rates they are checked against.
    package var sources: Set<CanonicalSource>

    /// Creates an extractor; sources without settings use the canonical defaults.
    package init(context: IngestContext, settings: [CanonicalSource: SourceConfiguration] = [:],
                sources: Set<CanonicalSource> = Set(CanonicalSource.allCases)) {
        self.context = context
        self.sources = sources.contains(.subscriptions) ? sources.union([.accounts, .fxRates]) : sources
        var all = settings
        for source in CanonicalSource.allCases where all[source] == nil {
            all[source] = .default(for: source)
        }
        self.settings = all
    }

    /// Reads every source.
    ///
    /// - Parameter usageSink: called with each batch of usage events, in file order, with the names
    ///   numbered so far.
    /// - Throws: the ``IngestError`` of the first source (in canonical order) with a whole-file problem.
    package func run(usageSink: (UsageEventBatch, UsageNames) -> Void = { _, _ in }) throws(IngestError) -> ExtractedData {
        let results = PartialResults()
        let group = DispatchGroup()
        let context = self.context
        let settings = self.settings
        let small: [CanonicalSource] = [.accounts, .fxRates, .tickets, .csat, .nps, .ces, .milestones, .articleEvents, .healthOverrides]
            .filter(sources.contains)
        for source in small {
            DispatchQueue.global().async(group: group) {
                results.store(source, Result { () throws(IngestError) -> SourceResult in
                    try Self.read(source, settings: settings[source]!, context: context)
                })
            }
        }
        // Usage events on this thread (they parallelise internally).
        var data = ExtractedData()
        var usageLog = IngestLog()
        var usageNames = UsageNames()
        var summary = UsageEventsSummary()
        let readsUsage = sources.contains(.usageEvents)
        let usage = Result { () throws(IngestError) -> SourceLoad in
            guard readsUsage else { return SourceLoad(source: .usageEvents) }
            return try UsageEventsReader(settings: settings[.usageEvents]!, context: context)
                .read(into: &usageLog, names: &usageNames) { batch, names in
                    summary.add(batch)
                    usageSink(batch, names)
                }
        }
        group.wait()
        var loads: [CanonicalSource: SourceLoad] = [:]
        var log = IngestLog()
        var firstError: IngestError?
        for source in small {
            switch results.take(source) {
            case .success(let result):
                loads[source] = result.load
                log.merge(result.log)
                result.apply(&data)
            case .failure(let error):
                firstError = firstError ?? error
            case nil:
                break
            }
        }
        switch usage {
        case .success(let load):
            if readsUsage { loads[.usageEvents] = load }
            log.merge(usageLog)
            summary.accounts = usageNames.accounts.count
            summary.users = usageNames.users.count
            summary.eventNames = usageNames.events.count
            data.usage = summary
            data.usageNames = usageNames
        case .failure(let error):
            if firstError == nil || error.source < firstError!.source { firstError = error }
        }
        if let firstError, firstError.source <= .fxRates { throw firstError }
        if sources.contains(.subscriptions) {
            try readSubscriptions(into: &data, loads: &loads, log: &log)
        }
        if let firstError { throw firstError }
        data.loads = CanonicalSource.allCases.compactMap { loads[$0] }
        log.sort()
        data.log = log
        return data
    }

    /// Reads the subscriptions, checked against the accounts and exchange rates already read.
    private func readSubscriptions(into data: inout ExtractedData, loads: inout [CanonicalSource: SourceLoad],
                                   log: inout IngestLog) throws(IngestError) {
        let reader = SubscriptionsReader(settings: settings[.subscriptions]!, context: context,
                                         accountIndex: Dictionary(uniqueKeysWithValues: data.accounts.enumerated().map { ($1.id, $0) }), exchangeRates: ExchangeRates(data.fxRates))
        let (subscriptions, subscriptionLoad) = try reader.read(into: &log)
        data.subscriptions = subscriptions
        loads[.subscriptions] = subscriptionLoad
    }

    /// Reads one of the sources that need no other source.
    static func read(_ source: CanonicalSource, settings: SourceConfiguration, context: IngestContext) throws(IngestError) -> SourceResult {
        var log = IngestLog()
        var result = SourceResult(log: log, load: SourceLoad(source: source))
        /// Reads with `reader` and keeps how to store its records.
        func take<R: Sendable>(_ read: (inout IngestLog) throws(IngestError) -> ([R], SourceLoad),
                               _ store: @escaping @Sendable (inout ExtractedData, [R]) -> Void) throws(IngestError) {
            let (records, load) = try read(&log)
            result.load = load
            result.apply = { store(&$0, records) }
        }
        switch source {
        case .accounts: try take(AccountsReader(settings: settings, context: context).read) { $0.accounts = $1 }
        case .fxRates: try take(FxRatesReader(settings: settings, context: context).read) { $0.fxRates = $1 }
        case .tickets: try take(TicketsReader(settings: settings, context: context).read) { $0.tickets = $1 }
        case .csat: try take(SurveyResponsesReader(settings: settings, context: context).read) { $0.csat = $1 }
        case .ces: try take(SurveyResponsesReader(settings: settings, context: context).read) { $0.ces = $1 }
        case .nps: try take(NPSResponsesReader(settings: settings, context: context).read) { $0.nps = $1 }
        case .milestones: try take(MilestonesReader(settings: settings, context: context).read) { $0.milestones = $1 }
        case .articleEvents: try take(ArticleEventsReader(settings: settings, context: context).read) { $0.articleEvents = $1 }
        case .healthOverrides: try take(HealthOverridesReader(settings: settings, context: context).read) { $0.healthOverrides = $1 }
        case .subscriptions, .usageEvents: break
        }
        result.log = log
        return result
    }
}

/// What reading one source gave, waiting to be put into ``ExtractedData``.
struct SourceResult: Sendable {
    var log: IngestLog
    var load: SourceLoad
    var apply: @Sendable (inout ExtractedData) -> Void = { _ in }
}

/// Results of sources read concurrently.
private final class PartialResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [CanonicalSource: Result<SourceResult, IngestError>] = [:]

    func store(_ source: CanonicalSource, _ result: Result<SourceResult, IngestError>) {
        lock.withLock { results[source] = result }
    }

    func take(_ source: CanonicalSource) -> Result<SourceResult, IngestError>? {
        lock.withLock { results[source] }
    }
}
