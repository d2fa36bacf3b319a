import Foundation
import Testing
@testable import PulseKit
import Tabular

/// `backlog_end` (docs/metrics.md §3.18): tickets created before as-of and not solved before as-of,
/// deleted ones dropped — by hand and against a naive count over random ticket sets, every scope.
@Suite struct BacklogTests {
    /// Regression: a ticket created and solved in M−1 was counted as open at the end of M.
    @Test func aTicketCreatedAndSolvedInThePreviousMonthIsNotBacklog() throws {
        var f = SupportMetricTests.fixture()
        f.ticket("B1", account: "A2", created: "2026-04-10 10:00", solved: "2026-04-11 10:00", status: .solved)  // M−1, solved
        f.ticket("B2", account: "A2", created: "2026-04-10 10:00")                                           // M−1, open: backlog
        f.ticket("B3", account: "A1", created: "2026-03-10 10:00", solved: "2026-03-12 10:00", status: .closed)  // M−2, solved
        f.ticket("B4", account: "A1", created: "2026-03-10 10:00", solved: "2026-06-03 10:00", status: .solved)  // solved after as-of: backlog
        f.ticket("B5", account: "A1", created: "2026-05-20 10:00", solved: "2026-05-21 10:00", status: .solved)  // M, solved
        f.ticket("B6", account: "A1", created: "2026-05-20 10:00")                                           // M, open: backlog
        f.ticket("B7", account: "A2", created: "2026-04-28 10:00", solved: "2026-05-02 10:00", status: .solved)  // solved in M
        let k = try f.kpis("2026-05")
        #expect(k["backlog_end"] == "3")   // B2, B4, B6
        #expect(try f.kpis("2026-05", scope: "plan:starter")["backlog_end"] == "1")      // B2
        #expect(try f.kpis("2026-05", scope: "plan:enterprise")["backlog_end"] == "2")   // B4, B6
        // As of the end of April: B1 and B3 solved; B2, B4 and B7 open.
        #expect(try f.kpis("2026-04")["backlog_end"] == "3")
    }

    /// For random ticket sets and as-ofs, `backlog_end` equals the definition counted naively, in every scope.
    @Test(arguments: 1...25 as ClosedRange<UInt64>)
    func backlogEqualsANaiveCountInEveryScope(seed: UInt64) throws {
        var g = RevenuePropertyTests.Generator(state: seed)
        var f = SupportMetricTests.fixture()
        f.crm.account("A3", plan: "starter")
        f.crm.subscription("A3", "2025-06-01", "2026-04-01", amount: "10000")
        let accounts = ["A1", "A2", "A3", "UNKNOWN"]
        let base = SupportFixture.at("2026-01-01 00:00")
        func stamp(_ minutes: Int) -> String {
            let instant = Instant(millisecondsSinceEpoch: base.millisecondsSinceEpoch + Int64(minutes) * 60_000)
            return instant.iso8601(offsetSeconds: 9 * 3600)
        }
        for t in 0..<g.int(0...80) {
            let created = g.int(0...(200 * 1440))
            let solved: Int? = g.chance(60) ? created + g.int(-600...(60 * 1440)) : nil
            let status: TicketStatus = g.chance(8) ? .deleted : solved == nil ? .open : .solved
            f.ticket("T\(t)", account: accounts[g.int(0...3)], created: stamp(created), solved: solved.map(stamp), status: status)
        }
        let month = ["2026-03", "2026-04", "2026-05", "2026-06"][g.int(0...3)]
        // An as-of inside M or up to 40 days after it.
        let monthStart = ["2026-03": 59, "2026-04": 90, "2026-05": 120, "2026-06": 151][month]!
        let asOf: String? = g.chance(50) ? nil : stamp((monthStart + g.int(1...70)) * 1440 - 540 + g.int(0...1439))
        let (input, revenue) = try f.input(month, asOf: asOf)
        let context = TransformContext(input, revenue: revenue)
        let figures = SupportFamily.compute(input, context: context).figures.figures.filter { $0.metric == "backlog_end" }
        let asOfInstant = input.period.asOf
        for figure in figures {
            let naive = f.tickets.filter { ticket in
                guard ticket.status != .deleted, ticket.createdAt < asOfInstant else { return false }
                guard ticket.solvedAt.map({ $0 >= asOfInstant }) ?? true else { return false }
                return context.scopes.scopes(of: ticket.accountID).contains { revenue.scopes[$0] == figure.scope }
            }.count
            #expect(figure.text == String(naive), "seed \(seed) \(figure.scope)")
        }
        #expect(figures.count == revenue.scopes.count)
    }
}
