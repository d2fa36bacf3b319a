import Rules
import Tabular

/// Everything one account's quarterly business review shows (`qbr/ACCOUNT_ID.*`, docs/reports.md, "The QBR"), for
/// the customer's eyes: only this account's data, never another customer's. Rendered by ``QBRPage``
/// and ``QBRWorkbook``.
struct QBRReport: Sendable {
    /// A ticket of the account with what the QBR shows of it.
    struct TicketRow: Sendable {
        var id: String
        var createdAt: String
        var priority: String
        var category: String?
        var firstResponse: String
        var resolution: String
    }

    /// A survey answer with its comment.
    struct SurveyRow: Sendable {
        var survey: String
        var respondedAt: String
        var score: Int
        var comment: String?
    }

    /// A required onboarding milestone against its due date.
    struct MilestoneRow: Sendable {
        var name: String
        var due: LocalDate
        var achieved: LocalDate?
        /// `on_time`, `late`, `open` or `overdue`.
        var status: String
    }

    /// An alert of the account with its recommended action.
    struct AlertRow: Sendable {
        var ruleID: String
        var kind: String
        var status: String
        var action: String
    }

    var header: KPIReview.Header
    var account: Account
    var tier: String
    /// The twelve months M−11 … M.
    var months: [YearMonth]
    /// Month-end MRR of each month (ten-thousandths).
    var mrr: [Int64]
    /// MAU, license utilization and final health score per month (earlier months from the warehouse).
    var mau: [Double?]
    var licenseUtilization: [Double?]
    var healthScore: [Double?]
    /// The account's facts at M.
    var facts: AccountFacts
    /// The health model (component names and weights).
    var model: HealthModel
    /// Key features and whether the account used each in M.
    var features: [(name: String, used: Bool)]
    /// Tickets created in M.
    var tickets: [TicketRow]
    /// SLA compliance of the tickets created in M: achieved / (achieved + breached), both SLAs.
    var slaCompliance: Double?
    /// Open P1/P2 tickets at as-of.
    var openUrgent: [TicketRow]
    /// Ticket categories of the 90 days before as-of, most frequent first.
    var categories: [(name: String, count: Int)]
    /// CSAT answers of the 90 days and NPS answers of the 365 days before as-of, newest first.
    var surveys: [SurveyRow]
    /// Required milestones.
    var milestones: [MilestoneRow]
    /// Alerts of M.
    var alerts: [AlertRow]
}

/// What building many QBRs shares, computed once per run: each selected account's subscriptions,
/// tickets, survey answers, milestones and alerts, found in one pass over each source, so a QBR
/// reads only its own account's rows.
struct QBRSources: Sendable {
    let selected: [Int]
    let header: KPIReview.Header
    let configuration: PipelineConfiguration
    let period: ReportingPeriod
    let data: ExtractedData
    let transformed: TransformResult
    /// Per selected account (same order), indices into the sources.
    private var subscriptions: [[Int]]
    private var tickets: [[Int]]
    /// Per selected account, indices into the support result's tickets created in M.
    private var ticketsOfMonth: [[Int]]
    private var csat: [[Int]]
    private var nps: [[Int]]
    private var milestones: [[Int]]
    private var alerts: [[Int]]
    /// Period → account id → recorded facts JSON (months the inputs do not cover).
    let snapshots: [String: [String: String]]
    /// The months of history this run computed, by month.
    let history: [YearMonth: HistoryMonth]

    /// The accounts that get a QBR: those paying in M for which the pipeline's QBR rule holds.
    static func selection(_ rule: RuleExpression, facts: [AccountFacts]) -> [Int] {
        facts.indices.filter { facts[$0].isPaying && rule.evaluate(facts[$0]) }
    }

    /// Indexes the sources for the `selected` accounts (see ``selection(_:facts:)``).
    init(selected: [Int], header: KPIReview.Header, configuration: PipelineConfiguration, period: ReportingPeriod,
         data: ExtractedData, transformed: TransformResult, snapshots: [String: [String: String]]) {
        self.selected = selected
        self.header = header
        self.configuration = configuration
        self.period = period
        self.data = data
        self.transformed = transformed
        self.snapshots = snapshots
        history = Dictionary(transformed.history.map { ($0.month, $0) }, uniquingKeysWith: { _, last in last })
        var slot: [String: Int] = [:]
        for (k, a) in selected.enumerated() { slot[data.accounts[a].id] = k }
        func index(_ ids: some Sequence<String>) -> [[Int]] {
            var lists = [[Int]](repeating: [], count: selected.count)
            for (i, id) in ids.enumerated() { if let k = slot[id] { lists[k].append(i) } }
            return lists
        }
        let accounts = data.accounts
        subscriptions = index(data.subscriptions.lazy.map { accounts[$0.accountIndex].id })
        tickets = index(data.tickets.lazy.map(\.accountID))
        ticketsOfMonth = index(transformed.support.tickets.lazy.map(\.ticket.accountID))
        csat = index(data.csat.lazy.map(\.accountID))
        nps = index(data.nps.lazy.map(\.accountID))
        milestones = index(data.milestones.lazy.map(\.accountID))
        alerts = index(transformed.alerts.lazy.map { accounts[$0.account].id })
    }

    /// The months of every QBR's trends, M−11 … M.
    var months: [YearMonth] { (0..<12).map { period.month.adding(months: $0 - 11) } }

    /// The QBR of the `k`-th selected account.
    func report(_ k: Int) -> QBRReport {
        let a = selected[k]
        let account = data.accounts[a]
        let facts = transformed.facts[a]
        let zone = ZoneOffsets(timeZone: configuration.timeZone)
        let months = months
        func local(_ instant: Instant) -> String { instant.iso8601(offsetSeconds: zone.offsetSeconds(at: instant)) }
        func date(_ instant: Instant) -> LocalDate {
            let seconds = instant.millisecondsSinceEpoch / 1000 + Int64(zone.offsetSeconds(at: instant))
            return LocalDate(daysSinceEpoch: Int32(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
        }

        // MRR_a of each month: subscriptions active on its last day (docs/metrics.md §1).
        let mrr = months.map { month -> Int64 in
            let next = month.adding(months: 1)
            let last = LocalDate(year: next.year, month: next.month, day: 1)!.adding(days: -1)
            return subscriptions[k].reduce(0) { sum, i in
                let s = data.subscriptions[i]
                let active = s.startDate <= last && (s.endDate.map { last < $0 } ?? true)
                return active ? sum + s.mrr.tenThousandths : sum
            }
        }
        // Usage and health: M from this run, earlier months as this run computed them from its inputs;
        // a month the inputs do not cover (for adoption or health) as an earlier run recorded it.
        var mau = [Double?](repeating: nil, count: 12)
        var utilization = [Double?](repeating: nil, count: 12)
        var health = [Double?](repeating: nil, count: 12)
        for (m, month) in months.enumerated().dropLast() {
            let past = history[month]
            if let past, a < past.accounts.count, past.accounts[a].isPaying {
                mau[m] = past.accounts[a].mau.map(Double.init)
                utilization[m] = past.accounts[a].licenseUtilization
                health[m] = past.accounts[a].healthScore
            }
            let adoptionRecorded = past.map { $0.uncovered.contains(AdoptionFamily.name) } ?? true
            let healthRecorded = past.map { $0.uncovered.contains(HealthFamily.name) } ?? true
            guard adoptionRecorded || healthRecorded, let text = snapshots[month.description]?[account.id],
                  let json = try? JSONParser.parse(text) else { continue }
            if adoptionRecorded {
                mau[m] = json["mau"]?.numberText.flatMap(Double.init)
                utilization[m] = json["license_utilization"]?.numberText.flatMap(Double.init)
            }
            if healthRecorded { health[m] = json["health_score_final"]?.numberText.flatMap(Double.init) }
        }
        if facts.isPaying {
            mau[11] = facts.adoption.map { Double($0.mau) }
            utilization[11] = facts.adoption?.licenseUtilization
            health[11] = facts.finalScore
        }
        let keyFeatures = configuration.adoption.keyFeatures
        let used = facts.adoption?.features ?? 0
        let features = keyFeatures.enumerated().map { (name: $1, used: $0 < 64 && used & (1 << UInt64($0)) != 0) }

        // Support.
        func minutes(_ value: Double?) -> String { value.map { NumberText.fixed($0, places: 0) + " min" } ?? "" }
        var inMonth: [QBRReport.TicketRow] = []
        var achieved = 0
        var breached = 0
        for i in ticketsOfMonth[k] {
            let (ticket, assessment) = transformed.support.tickets[i]
            inMonth.append(QBRReport.TicketRow(id: ticket.id, createdAt: local(ticket.createdAt), priority: assessment.priority.name,
                                               category: ticket.category, firstResponse: minutes(assessment.firstResponseMinutes),
                                               resolution: minutes(assessment.resolutionMinutes)))
            for sla in [assessment.firstResponseSLA, assessment.resolutionSLA] {
                if sla == .achieved { achieved += 1 } else if sla == .breached { breached += 1 }
            }
        }
        let asOf = period.asOf
        let windowStart = Instant(millisecondsSinceEpoch: asOf.millisecondsSinceEpoch - 90 * 86_400_000)
        var openUrgent: [QBRReport.TicketRow] = []
        var categoryCounts: [String: Int] = [:]
        for i in tickets[k] {
            let ticket = data.tickets[i]
            guard ticket.createdAt < asOf else { continue }
            if ticket.createdAt >= windowStart, let category = ticket.category { categoryCounts[category, default: 0] += 1 }
            let solved = ticket.solvedAt.map { $0 < asOf } ?? false
            let priority = TicketAssessment.priority(of: ticket, matrix: configuration.priorityMatrix).0
            if !solved, priority == .p1 || priority == .p2 {
                openUrgent.append(QBRReport.TicketRow(id: ticket.id, createdAt: local(ticket.createdAt), priority: priority.name,
                                                      category: ticket.category, firstResponse: "", resolution: ""))
            }
        }
        openUrgent.sort { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        let categories = categoryCounts.map { (name: $0.key, count: $0.value) }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }

        // Surveys with comments: CSAT of 90 days, NPS of 365 days.
        var surveys: [(Instant, QBRReport.SurveyRow)] = []
        for i in csat[k] where data.csat[i].respondedAt >= windowStart && data.csat[i].respondedAt < asOf {
            surveys.append((data.csat[i].respondedAt, QBRReport.SurveyRow(survey: "CSAT", respondedAt: local(data.csat[i].respondedAt),
                                                                           score: data.csat[i].score, comment: nil)))
        }
        let yearStart = Instant(millisecondsSinceEpoch: asOf.millisecondsSinceEpoch - 365 * 86_400_000)
        for i in nps[k] where data.nps[i].respondedAt >= yearStart && data.nps[i].respondedAt < asOf {
            surveys.append((data.nps[i].respondedAt, QBRReport.SurveyRow(survey: "NPS", respondedAt: local(data.nps[i].respondedAt),
                                                                          score: data.nps[i].score, comment: data.nps[i].comment)))
        }
        surveys.sort { ($0.0, $0.1.survey) > ($1.0, $1.1.survey) }

        // Onboarding milestones against their due dates.
        let milestoneRows = configuration.onboarding.required.map { required -> QBRReport.MilestoneRow in
            let due = account.signupDate.adding(days: required.dueDays)
            let reached = milestones[k].map { data.milestones[$0] }
                .filter { $0.name == required.milestone && $0.achievedAt < asOf }
                .map(\.achievedAt).min().map(date)
            let status: String
            if let reached { status = reached <= due ? "on_time" : "late" } else { status = due < period.asOfDate ? "overdue" : "open" }
            return QBRReport.MilestoneRow(name: required.milestone, due: due, achieved: reached, status: status)
        }
        let alertRows = alerts[k].map { i -> QBRReport.AlertRow in
            let alert = transformed.alerts[i]
            let rule = configuration.alerts[alert.rule]
            return QBRReport.AlertRow(ruleID: rule.id, kind: rule.kind.rawValue, status: alert.status.rawValue, action: rule.action)
        }
        return QBRReport(header: header, account: account, tier: transformed.revenue.tiers[transformed.revenue.accounts[a].tier],
                         months: months, mrr: mrr, mau: mau, licenseUtilization: utilization, healthScore: health, facts: facts,
                         model: configuration.health, features: features, tickets: inMonth,
                         slaCompliance: achieved + breached == 0 ? nil : Double(achieved) / Double(achieved + breached),
                         openUrgent: openUrgent, categories: categories, surveys: surveys.map(\.1), milestones: milestoneRows,
                         alerts: alertRows)
    }
}
