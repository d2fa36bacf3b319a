import Foundation
import PulseKit
import PulseSample
import Tabular

/// Times what support metrics do per ticket — calendar and business-minute durations and the status of
/// both SLAs as of as-of — for 2,000,000 tickets over three years on the default Japanese calendar, on
/// the calling thread only, after the calendar's per-day prefix sums are built.
///
///     swift run -c release support-benchmark [tickets] [repeats]
@main
struct SupportBenchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        let count = arguments.count > 0 ? arguments[0] : 2_000_000
        let repeats = arguments.count > 1 ? arguments[1] : 5
        let configuration = try PipelineConfiguration.parse(yaml: "name: bench\n", file: "bench.yml", directory: URL(fileURLWithPath: "/tmp"))
        let asOf = try DateTimeGrammar(timeZone: configuration.timeZone).parse("2026-11-01T00:00:00+09:00", allowDateOnly: false)
        let tickets = self.tickets(count, before: asOf)
        var started = ContinuousClock.now
        let calendar = SupportFamily.calendar(configuration.calendar, timeZone: configuration.timeZone, tickets: tickets, asOf: asOf)
        print("built the business calendar in \(started.duration(to: .now))")
        let plans: [String?] = ["enterprise", "starter", nil]
        var best = Duration.seconds(1_000)
        for k in 1...repeats {
            started = ContinuousClock.now
            var breached = 0
            var businessMinutes = 0.0
            for (n, ticket) in tickets.enumerated() {
                let assessment = TicketAssessment(ticket, plan: plans[n % 3], asOf: asOf, calendar: calendar,
                                                  matrix: configuration.priorityMatrix, targets: configuration.sla)
                if assessment.firstResponseSLA == .breached || assessment.resolutionSLA == .breached { breached += 1 }
                businessMinutes += assessment.resolutionBusinessMinutes ?? 0
            }
            let elapsed = started.duration(to: .now)
            best = min(best, elapsed)
            print("run \(k): \(elapsed) for \(count) tickets; \(breached) with a breached SLA, Σ resolution business minutes \(Int(businessMinutes))")
        }
        print("best: \(best) for \(count) tickets")
    }

    /// Seeded tickets created over three years before `asOf`, answered within 0–3 days and solved within
    /// 0–10 days (some not yet), every priority, some only with urgency × impact.
    static func tickets(_ count: Int, before asOf: Instant) -> [Ticket] {
        var random = SampleRandom(seed: 7)
        let span: Int64 = 3 * 365 * 86_400_000
        let priorities: [TicketPriority?] = [.urgent, .high, .normal, .normal, .low, nil]
        return (0..<count).map { k in
            let created = asOf.millisecondsSinceEpoch - 1 - Int64(random.below(Int(span)))
            let response = random.below(10) < 9 ? created + Int64(random.below(3 * 86_400_000)) : nil
            let solved = random.below(10) < 8 ? created + Int64(random.below(10 * 86_400_000)) : nil
            return Ticket(id: "T\(k)", accountID: "A\(k % 1000)", createdAt: Instant(millisecondsSinceEpoch: created),
                          updatedAt: nil, firstResponseAt: response.map(Instant.init(millisecondsSinceEpoch:)),
                          solvedAt: solved.map(Instant.init(millisecondsSinceEpoch:)), status: solved == nil ? .open : .solved,
                          priority: priorities[random.below(priorities.count)], urgency: .high, impact: .low, category: nil,
                          channel: nil, escalationLevel: 1, reopens: 0, tags: [])
        }
    }
}
