import Foundation
import Testing
@testable import PulseKit
import Tabular

/// Tickets, surveys and help-center events in memory, over the revenue fixture's CRM, run through the
/// support and voice-of-the-customer families for one month.
struct SupportFixture {
    /// The CRM (plans and paying customers).
    var crm = RevenueFixture()
    var tickets: [Ticket] = []
    var csat: [SurveyResponse] = []
    var nps: [NPSResponse] = []
    var ces: [SurveyResponse] = []
    var articleEvents: [ArticleEvent] = []
    /// Sources written as loaded (others are missing).
    var loaded: Set<CanonicalSource> = [.tickets, .csat, .nps, .ces, .articleEvents]
    /// The pipeline's extra YAML (calendar, sla, …).
    var yaml = ""

    static let grammar = try! DateTimeGrammar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)

    /// An instant from ISO text; without an offset it is Tokyo local time.
    static func at(_ text: String) -> Instant { try! grammar.parse(text, allowDateOnly: true) }

    /// Adds a ticket; times are Tokyo local unless they carry an offset.
    mutating func ticket(_ id: String, account: String = "A1", created: String, response: String? = nil,
                         solved: String? = nil, status: TicketStatus = .open, priority: TicketPriority? = .normal,
                         urgency: TicketLevel? = nil, impact: TicketLevel? = nil, category: String? = nil,
                         channel: String? = nil, escalation: Int = 1, reopens: Int = 0) {
        tickets.append(Ticket(id: id, accountID: account, createdAt: Self.at(created), updatedAt: nil,
                              firstResponseAt: response.map(Self.at), solvedAt: solved.map(Self.at), status: status,
                              priority: priority, urgency: urgency, impact: impact, category: category, channel: channel,
                              escalationLevel: escalation, reopens: reopens, tags: []))
    }

    func input(_ month: String, asOf: String? = nil) throws -> (TransformInput, RevenueResult) {
        var data = try crm.extract()
        data.tickets = tickets
        data.csat = csat
        data.nps = nps
        data.ces = ces
        data.articleEvents = articleEvents
        for source in [CanonicalSource.tickets, .csat, .nps, .ces, .articleEvents] {
            var load = SourceLoad(source: source)
            load.isMissing = !loaded.contains(source)
            data.loads.removeAll { $0.source == source }
            data.loads.append(load)
        }
        let configuration = try PipelineConfiguration.parse(yaml: "name: support\n" + yaml, file: "p.yml",
                                                            directory: URL(fileURLWithPath: "/tmp"))
        let period = try ReportingPeriod.resolve(period: month, asOf: asOf, timeZone: TimeZone(identifier: "Asia/Tokyo")!, now: Date())
        let input = TransformInput(data: data, period: period, configuration: configuration)
        return (input, RevenueFamily.compute(input))
    }

    /// The support result of `month`.
    func support(_ month: String, asOf: String? = nil) throws -> SupportResult {
        let (input, revenue) = try input(month, asOf: asOf)
        return SupportFamily.compute(input, context: TransformContext(input, revenue: revenue))
    }

    /// Support and voice-of-the-customer figures of one scope.
    func kpis(_ month: String, scope: String = "company", asOf: String? = nil) throws -> RevenueFixture.Figures {
        let (input, revenue) = try input(month, asOf: asOf)
        let context = TransformContext(input, revenue: revenue)
        var table = SupportFamily.compute(input, context: context).figures
        table.append(contentsOf: VoiceOfCustomerFamily.figures(input, context: context))
        var values: [String: String?] = [:]
        for figure in table.figures where figure.scope == scope { values[figure.metric] = .some(figure.text) }
        return RevenueFixture.Figures(values: values)
    }

    /// Each ticket created in M as `id priority first-response/business resolution/business sla1 sla2`.
    func rows(_ month: String, asOf: String? = nil) throws -> [String] {
        try support(month, asOf: asOf).tickets.map { ticket, a in
            func text(_ v: Double?) -> String { v.map(NumberText.shortest) ?? "-" }
            return "\(ticket.id) \(a.priority.name) \(text(a.firstResponseMinutes))/\(text(a.firstResponseBusinessMinutes)) "
                + "\(text(a.resolutionMinutes))/\(text(a.resolutionBusinessMinutes)) \(a.firstResponseSLA.rawValue) \(a.resolutionSLA.rawValue)"
        }
    }
}
