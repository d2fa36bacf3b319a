/// One of the canonical input files of a pipeline's data folder (docs/ingest.md, "The canonical sources").
///
/// Every source has a default path, a set of canonical columns (or JSON fields) and a default
/// load mode; a pipeline file can re-point, re-map and re-encode each of them.
public enum CanonicalSource: String, CaseIterable, Sendable, Codable, Comparable {
    case accounts
    case subscriptions
    case fxRates = "fx_rates"
    case tickets
    case csat
    case nps
    case ces
    case usageEvents = "usage_events"
    case milestones
    case articleEvents = "article_events"
    case healthOverrides = "health_overrides"

    /// The name used in pipeline files, reports and quarantine entries.
    public var name: String { rawValue }

    /// The path of the source inside the data folder when the pipeline does not re-point it.
    public var defaultPath: String {
        switch self {
        case .accounts: "crm/accounts.csv"
        case .subscriptions: "crm/subscriptions.csv"
        case .fxRates: "crm/fx_rates.csv"
        case .tickets: "helpdesk/tickets.jsonl"
        case .csat: "surveys/csat.csv"
        case .nps: "surveys/nps.csv"
        case .ces: "surveys/ces.csv"
        case .usageEvents: "product/usage_events.csv"
        case .milestones: "product/milestones.csv"
        case .articleEvents: "helpcenter/article_events.csv"
        case .healthOverrides: "overrides/health_overrides.csv"
        }
    }

    /// Whether a pipeline cannot run without this source.
    public var isRequired: Bool { self == .accounts || self == .subscriptions }

    /// Whether the file is JSON (an array or JSON Lines) rather than CSV.
    public var isJSON: Bool { self == .tickets }

    /// The canonical columns (JSON fields for tickets), in the order of docs/ingest.md, "The canonical sources".
    public var columns: [String] {
        switch self {
        case .accounts:
            ["account_id", "name", "plan", "industry", "region", "csm", "signup_date", "seats",
             "parent_account_id", "renewal_date"]
        case .subscriptions:
            ["subscription_id", "account_id", "plan", "start_date", "end_date", "billing_period",
             "amount", "currency", "canceled_at"]
        case .fxRates: ["month", "currency", "rate"]
        case .tickets:
            ["id", "account_id", "created_at", "updated_at", "first_response_at", "solved_at", "status",
             "priority", "urgency", "impact", "category", "channel", "escalation_level", "reopens", "tags"]
        case .csat: ["response_id", "ticket_id", "account_id", "rating", "responded_at"]
        case .nps: ["response_id", "account_id", "contact_id", "score", "responded_at", "comment"]
        case .ces: ["response_id", "ticket_id", "account_id", "score", "responded_at"]
        case .usageEvents: ["timestamp", "account_id", "user_id", "event", "count"]
        case .milestones: ["account_id", "milestone", "achieved_at"]
        case .articleEvents: ["timestamp", "account_id", "article_id", "event"]
        case .healthOverrides: ["account_id", "score", "band", "reason", "author", "expires_on"]
        }
    }

    /// The columns that must be present in the file's header (a missing one is a file error).
    public var requiredColumns: [String] {
        switch self {
        case .accounts: ["account_id", "name", "plan", "signup_date"]
        case .subscriptions: ["subscription_id", "account_id", "start_date", "billing_period", "amount"]
        case .fxRates: ["month", "currency", "rate"]
        case .tickets: ["id", "account_id", "created_at", "status"]
        case .csat: ["response_id", "account_id", "rating", "responded_at"]
        case .nps: ["response_id", "account_id", "score", "responded_at"]
        case .ces: ["response_id", "account_id", "score", "responded_at"]
        case .usageEvents: ["timestamp", "account_id", "user_id", "event"]
        case .milestones: ["account_id", "milestone", "achieved_at"]
        case .articleEvents: ["timestamp", "article_id", "event"]
        case .healthOverrides: ["account_id", "reason", "author", "expires_on"]
        }
    }

    /// Whether the source may be loaded with `append` (delta exports of events and responses).
    /// Accounts, subscriptions, exchange rates and health overrides are whole states: a row missing
    /// from a newer export means something, so they are always read as snapshots.
    public var acceptsAppend: Bool {
        switch self {
        case .tickets, .csat, .nps, .ces, .usageEvents, .milestones, .articleEvents: true
        case .accounts, .subscriptions, .fxRates, .healthOverrides: false
        }
    }

    /// The load mode a source has when the pipeline does not set one: CRM sources are snapshots.
    public var defaultLoadMode: LoadMode { .snapshot }

    /// Sources order as docs/ingest.md, "The canonical sources", lists them, so every report lists them the
    /// same way.
    public static func < (lhs: CanonicalSource, rhs: CanonicalSource) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How a source's files relate to what the warehouse already holds.
public enum LoadMode: String, Sendable, Codable {
    /// The file is the complete current state and is read fresh each run.
    case snapshot
    /// Each file adds or updates rows by key; the warehouse accumulates them.
    case append
}
