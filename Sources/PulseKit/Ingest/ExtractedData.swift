/// Everything the extract stage read: the typed records of every source, per-source load
/// counts, and the quarantine entries and warnings.
package struct ExtractedData: Sendable {
    /// Accounts from the CRM.
    package var accounts: [Account] = []
    /// Subscriptions of known accounts.
    package var subscriptions: [Subscription] = []
    /// Exchange rates, one per (month, currency).
    package var fxRates: [FxRate] = []
    /// Tickets, deduplicated by id (deleted ones kept, flagged by status).
    package var tickets: [Ticket] = []
    /// CSAT responses.
    package var csat: [SurveyResponse] = []
    /// NPS responses.
    package var nps: [NPSResponse] = []
    /// CES responses.
    package var ces: [SurveyResponse] = []
    /// Onboarding milestones.
    package var milestones: [Milestone] = []
    /// Help-center events.
    package var articleEvents: [ArticleEvent] = []
    /// Manual health overrides, in file order.
    package var healthOverrides: [HealthOverride] = []
    /// The distinct names in the usage events.
    package var usageNames = UsageNames()
    /// Totals over the usage events.
    package var usage = UsageEventsSummary()
    /// What was read per source, in canonical order.
    package var loads: [SourceLoad] = []
    /// Quarantined rows and warnings, sorted by source, file and line.
    package var log = IngestLog()

    /// Nothing read yet.
    package init() {}

    /// The load of one source.
    package func load(of source: CanonicalSource) -> SourceLoad? {
        loads.first { $0.source == source }
    }

    /// Whether a source was read (a missing optional source makes its metrics undefined, docs/metrics.md §0.14).
    package func isLoaded(_ source: CanonicalSource) -> Bool {
        load(of: source).map { !$0.isMissing } ?? false
    }
}
