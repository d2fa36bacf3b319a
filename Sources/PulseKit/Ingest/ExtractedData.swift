/// Everything the extract stage read: the typed records of every source, per-source load
/// counts, and the quarantine entries and warnings.
public struct ExtractedData: Sendable {
    /// Accounts from the CRM.
    public var accounts: [Account] = []
    /// Subscriptions of known accounts.
    public var subscriptions: [Subscription] = []
    /// Exchange rates, one per (month, currency).
    public var fxRates: [FxRate] = []
    /// Tickets, deduplicated by id (deleted ones kept, flagged by status).
    public var tickets: [Ticket] = []
    /// CSAT responses.
    public var csat: [SurveyResponse] = []
    /// NPS responses.
    public var nps: [NPSResponse] = []
    /// CES responses.
    public var ces: [SurveyResponse] = []
    /// Onboarding milestones.
    public var milestones: [Milestone] = []
    /// Help-center events.
    public var articleEvents: [ArticleEvent] = []
    /// Manual health overrides, in file order.
    public var healthOverrides: [HealthOverride] = []
    /// The distinct names in the usage events.
    public var usageNames = UsageNames()
    /// Totals over the usage events.
    public var usage = UsageEventsSummary()
    /// What was read per source, in canonical order.
    public var loads: [SourceLoad] = []
    /// Quarantined rows and warnings, sorted by source, file and line.
    public var log = IngestLog()

    /// Nothing read yet.
    public init() {}

    /// The load of one source.
    public func load(of source: CanonicalSource) -> SourceLoad? {
        loads.first { $0.source == source }
    }

    /// Whether a source was read (a missing optional source makes its metrics undefined, docs/metrics.md §0.14).
    public func isLoaded(_ source: CanonicalSource) -> Bool {
        load(of: source).map { !$0.isMissing } ?? false
    }
}
