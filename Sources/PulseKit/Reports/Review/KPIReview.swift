import Tabular

/// Everything the monthly KPI review shows (`kpi-review.html` / `.xlsx`, docs/reports.md), gathered once
/// from the run's results and rendered by ``KPIReviewPage`` and ``KPIReviewWorkbook``: the figures of M
/// for every scope, M−1's company figures, twelve months of company history, the MRR bridge, the
/// largest movements, health band movement, the top alerts, onboarding and data quality.
struct KPIReview: Sendable {
    /// Who made the review from what (the footer, from `run.json`'s facts).
    struct Header: Sendable {
        var pipeline: String
        var period: YearMonth
        var asOf: String
        var pipelineSHA256: String
        var currency: String
        var language: ReportLanguage
        var version = PulseKit.version
    }

    /// An account's movement of M, for the largest churns and expansions.
    struct MovementRow: Sendable {
        var accountID: String
        var name: String
        var tier: String
        var movement: Movement
        var mrrStart: Int64
        var mrrEnd: Int64
        var amount: Int64
    }

    /// An alert with what the review shows beside it.
    struct AlertRow: Sendable {
        var accountID: String
        var name: String
        var csm: String?
        var ruleID: String
        var status: String
        var owner: String
        var action: String
        var mrr: Int64
    }

    /// An account behind or stalled in onboarding.
    struct OnboardingRow: Sendable {
        var accountID: String
        var name: String
        var csm: String?
        var signupDate: String
        var status: String
    }

    /// Rows read, loaded and quarantined of one source.
    struct QualityRow: Sendable {
        var source: String
        var rowsRead: Int
        var rowsLoaded: Int
        var rowsQuarantined: Int
        var isMissing: Bool
    }

    /// The header.
    var header: Header
    /// The figures of M: scope → metric → value (nil inside: undefined).
    var figures: [String: [String: FigureValue?]] = [:]
    /// The scopes in written order.
    var scopes: [String] = []
    /// The company metrics in written order.
    var metrics: [String] = []
    /// Twelve months of company figures.
    var history: KPIHistory
    /// The pipeline's targets.
    var targets: MetricTargets
    /// The ten largest churns and contractions by amount.
    var largestChurns: [MovementRow] = []
    /// The ten largest expansions by amount.
    var largestExpansions: [MovementRow] = []
    /// Band movement counts: rows M−1 band (green, yellow, red, unknown, new), columns M band (green,
    /// yellow, red, unknown, churned).
    var bandMovement: [[Int]] = Array(repeating: Array(repeating: 0, count: 5), count: 5)
    /// The top risks and opportunities, by the account's MRR.
    var risks: [AlertRow] = []
    var opportunities: [AlertRow] = []
    /// Accounts behind or stalled in onboarding (paying in M or M−1), latest sign-ups first.
    var onboarding: [OnboardingRow] = []
    /// Data quality per source.
    var quality: [QualityRow] = []
    /// The inputs with their fingerprints.
    var inputs: [LoadRecord] = []
    /// Event sources with records before M but none in M (stale exports), as warned.
    var stale: [DataIssue] = []

    /// How many rows the largest-movement and alert tables show.
    static let topCount = 10
    /// Below this many responses a survey figure is flagged as a small sample.
    static let smallSample = 30
    /// Band rows and columns of ``bandMovement``.
    static let bands: [HealthBand] = [.green, .yellow, .red, .unknown]

    /// The value of `metric` in `scope` for M as written; nil when undefined or absent.
    func text(_ metric: String, scope: String = "company") -> String? {
        (figures[scope]?[metric] ?? nil)?.text
    }

    /// The value of `metric` in `scope` for M as a number.
    func value(_ metric: String, scope: String = "company") -> Double? {
        (figures[scope]?[metric] ?? nil)?.double
    }

    /// M−1's company value of `metric` (the month before M in the history).
    func previousValue(_ metric: String) -> Double? {
        history.months.count < 2 ? nil : history.value(metric, month: history.months.count - 2)
    }

    /// The responses behind a defined survey figure, when fewer than 30 (flagged as a small sample);
    /// nil otherwise (an undefined figure reads "n/a" and is not flagged).
    func smallSampleSize(_ metric: String, scope: String = "company") -> Int? {
        guard value(metric, scope: scope) != nil else { return nil }
        let base = metric.split(separator: ".").first.map(String.init) ?? metric
        let counter: String
        switch base {
        case "csat", "csat_ci_low", "csat_ci_high": counter = "csat_responses"
        case "nps": counter = "nps_responses"
        case "ces": counter = "ces_responses"
        default: return nil
        }
        guard let n = value(counter, scope: scope).map({ Int($0) }), n < Self.smallSample else { return nil }
        return n
    }
}

extension KPIReview {
    /// Gathers the review from a run's results.
    init(header: Header, transformed: TransformResult, data: ExtractedData, inputs: [LoadRecord],
         recorded: [(period: String, metric: String, value: String?)], targets: MetricTargets, rules: [AlertRule]) {
        let month = header.period
        var history = KPIHistory(endingWith: month)
        history.overlay(transformed.figures, month: month)  // fixes the metric order to M's
        // What earlier runs recorded, then every month this run computed from its inputs (a family the
        // inputs do not cover in a month is left out there, so its recorded figures stand).
        history.overlay(recorded: recorded)
        for past in transformed.history { history.overlay(past.figures, month: past.month) }
        history.overlay(transformed.figures, month: month)
        self.init(header: header, history: history, targets: targets)
        for figure in transformed.figures.figures {
            if figures[figure.scope] == nil { scopes.append(figure.scope) }
            figures[figure.scope, default: [:]][figure.metric] = .some(figure.value)
            if figure.scope == "company" { metrics.append(figure.metric) }
        }
        let accounts = data.accounts
        let revenue = transformed.revenue

        var movements: [MovementRow] = []
        for (a, row) in revenue.accounts.enumerated() where row.movement != .flat {
            movements.append(MovementRow(accountID: accounts[a].id, name: accounts[a].name, tier: revenue.tiers[row.tier],
                                         movement: row.movement, mrrStart: row.mrrStart, mrrEnd: row.mrrEnd,
                                         amount: row.movement.amount(previous: row.mrrStart, current: row.mrrEnd)))
        }
        func largest(_ kinds: Set<Movement>) -> [MovementRow] {
            Array(movements.filter { kinds.contains($0.movement) }
                .sorted { ($0.amount, $1.accountID) > ($1.amount, $0.accountID) }.prefix(Self.topCount))
        }
        largestChurns = largest([.churn, .contraction])
        largestExpansions = largest([.expansion])

        let facts = transformed.facts
        let previousFacts = transformed.previousFacts
        if facts.count == accounts.count, previousFacts.count == accounts.count {
            for (a, row) in revenue.accounts.enumerated() where row.isListed {
                let from = row.mrrStart > 0 ? Self.bands.firstIndex(of: previousFacts[a].finalBand) ?? 3 : 4
                let to = row.mrrEnd > 0 ? Self.bands.firstIndex(of: facts[a].finalBand) ?? 3 : 4
                bandMovement[from][to] += 1
            }
        }

        var alertRows: [(AlertRule.Kind, AlertRow)] = []
        for alert in transformed.alerts {
            let rule = rules[alert.rule]
            let account = accounts[alert.account]
            alertRows.append((rule.kind, AlertRow(accountID: account.id, name: account.name, csm: account.csm, ruleID: rule.id,
                                                  status: alert.status.rawValue, owner: rule.owner, action: rule.action,
                                                  mrr: revenue.accounts[alert.account].mrrEnd)))
        }
        func top(_ kind: AlertRule.Kind) -> [AlertRow] {
            Array(alertRows.filter { $0.0 == kind }.map(\.1)
                .sorted { ($0.mrr, $1.accountID, $1.ruleID) > ($1.mrr, $0.accountID, $0.ruleID) }.prefix(Self.topCount))
        }
        risks = top(.risk)
        opportunities = top(.opportunity)

        if facts.count == accounts.count {
            onboarding = accounts.indices
                .filter { revenue.accounts[$0].isListed && (facts[$0].onboardingStatus == "behind" || facts[$0].onboardingStatus == "stalled") }
                .sorted { (accounts[$0].signupDate.daysSinceEpoch, accounts[$1].id) > (accounts[$1].signupDate.daysSinceEpoch, accounts[$0].id) }
                .prefix(20)
                .map { OnboardingRow(accountID: accounts[$0].id, name: accounts[$0].name, csm: accounts[$0].csm,
                                     signupDate: accounts[$0].signupDate.description, status: facts[$0].onboardingStatus ?? "") }
        }
        quality = data.loads.map {
            QualityRow(source: $0.source.name, rowsRead: $0.rowsRead, rowsLoaded: $0.rowsLoaded,
                       rowsQuarantined: $0.rowsQuarantined, isMissing: $0.isMissing)
        }
        self.inputs = inputs
    }

    private init(header: Header, history: KPIHistory, targets: MetricTargets) {
        self.header = header
        self.history = history
        self.targets = targets
    }
}
