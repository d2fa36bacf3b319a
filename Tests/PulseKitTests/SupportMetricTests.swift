import Foundation
import Testing
@testable import PulseKit
import Tabular

/// Hand-computed support cases (docs/metrics.md §3) on the default calendar: Asia/Tokyo, Monday–Friday
/// 09:00–18:00, Japanese national holidays. May 2026: the 8th is a Friday, the 11th a Monday.
@Suite struct SupportMetricTests {
    static func fixture() -> SupportFixture {
        var f = SupportFixture()
        f.crm.account("A1", plan: "enterprise")
        f.crm.account("A2", plan: "starter")
        f.crm.subscription("A1", "2026-01-01", amount: "500000")
        f.crm.subscription("A2", "2026-01-01", amount: "30000")
        return f
    }

    @Test func fridayEveningToMondayMorningIsTwoBusinessHours() throws {
        var f = Self.fixture()
        f.ticket("T1", account: "A2", created: "2026-05-08 17:00", response: "2026-05-11 10:00")
        // 65 calendar hours; business: Friday 17–18 and Monday 9–10. P3 first response (8bh) achieved;
        // unsolved, and by as-of (June 1) far past 3 business days: breached.
        #expect(try f.rows("2026-05") == ["T1 P3 3900/120 -/- achieved breached"])
    }

    @Test func pendingUntilTheTargetPassesAtAsOf() throws {
        var f = Self.fixture()
        f.ticket("T2", account: "A2", created: "2026-05-11 10:00", priority: .high)   // P2: 4bh, 1bd
        #expect(try f.rows("2026-05", asOf: "2026-05-11T13:00:00+09:00") == ["T2 P2 -/- -/- pending pending"])
        #expect(try f.rows("2026-05", asOf: "2026-05-11T15:00:00+09:00") == ["T2 P2 -/- -/- breached pending"])
        #expect(try f.rows("2026-05", asOf: "2026-05-12T10:00:01+09:00") == ["T2 P2 -/- -/- breached breached"])
        // Pending SLAs are not in compliance: no achieved or breached yet means undefined.
        #expect(try f.kpis("2026-05", asOf: "2026-05-11T13:00:00+09:00")["sla_first_response_compliance"] == nil)
        #expect(try f.kpis("2026-05", asOf: "2026-05-11T15:00:00+09:00")["sla_first_response_compliance"] == "0")
    }

    @Test func aSolveBeforeAnyReplyFulfilsFirstResponse() throws {
        var f = Self.fixture()
        f.ticket("T3", account: "A2", created: "2026-05-12 10:00", solved: "2026-05-12 11:00", status: .solved)
        #expect(try f.rows("2026-05") == ["T3 P3 -/- 60/60 achieved achieved"])
        let k = try f.kpis("2026-05")
        #expect(k["first_response_minutes_median"] == nil)
        #expect(k["resolution_minutes_median"] == "60")
        #expect(k["sla_first_response_compliance"] == "1")
        #expect(k["tickets_solved"] == "1")
        #expect(k["backlog_end"] == "0")
    }

    @Test func planOverridesTightenEnterpriseTargets() throws {
        var f = Self.fixture()
        f.ticket("T4", account: "A1", created: "2026-05-12 10:00", response: "2026-05-12 10:45", priority: .urgent)
        f.ticket("T5", account: "A2", created: "2026-05-12 10:00", response: "2026-05-12 10:45", priority: .urgent)
        f.ticket("T6", account: "UNKNOWN", created: "2026-05-12 10:00", response: "2026-05-12 10:45", priority: .urgent)
        // Enterprise P1: 30 calendar minutes; others (and unknown accounts, docs/metrics.md §3.15): 60.
        let rows = try f.rows("2026-05")
        #expect(rows == [
            "T4 P1 45/45 -/- breached breached", "T5 P1 45/45 -/- achieved breached", "T6 P1 45/45 -/- achieved breached",
        ])
        #expect(try f.kpis("2026-05")["sla_first_response_compliance.priority.P1"] == "0.6666666666666666")
        #expect(try f.kpis("2026-05", scope: "plan:enterprise")["sla_first_response_compliance"] == "0")
        // The unknown account counts in company only.
        #expect(try f.kpis("2026-05")["tickets_created"] == "3")
        #expect(try f.kpis("2026-05", scope: "plan:enterprise")["tickets_created"] == "1")
        #expect(try f.kpis("2026-05", scope: "plan:starter")["tickets_created"] == "1")
        #expect(try f.kpis("2026-05", scope: "tier:high_touch")["tickets_created"] == "1")
    }

    @Test func nullPriorityComesFromTheMatrixOrDefaultsToP3() throws {
        var f = Self.fixture()
        f.ticket("T7", account: "A2", created: "2026-05-12 10:00", priority: nil, urgency: .high, impact: .medium)
        f.ticket("T8", account: "A2", created: "2026-05-12 10:00", priority: nil, urgency: .low, impact: .low)
        f.ticket("T9", account: "A2", created: "2026-05-12 10:00", priority: nil, urgency: .high)
        let k = try f.kpis("2026-05")
        #expect(k["tickets_created.priority.P1"] == "0")
        #expect(k["tickets_created.priority.P2"] == "1")
        #expect(k["tickets_created.priority.P3"] == "1")
        #expect(k["tickets_created.priority.P4"] == "1")
    }

    @Test func eventsBeforeCreationCountButTheirDurationsDoNot() throws {
        var f = Self.fixture()
        f.ticket("T10", account: "A2", created: "2026-05-12 10:00", response: "2026-05-12 09:00",
                 solved: "2026-05-12 09:30", status: .solved)
        #expect(try f.rows("2026-05") == ["T10 P3 -/- -/- excluded excluded"])
        let k = try f.kpis("2026-05")
        #expect(k["tickets_solved"] == "1")
        #expect(k["sla_first_response_compliance"] == nil)
        #expect(k["resolution_minutes_median"] == nil)
    }

    @Test func goldenWeekIsNotBusinessTime() throws {
        var f = Self.fixture()
        // 2026-04-30 17:00 → 2026-05-07 10:00: April 30 17–18 (60), May 1 (540), May 4–6 holidays, May 7 9–10 (60).
        f.ticket("T11", account: "A2", created: "2026-04-30 17:00", response: "2026-05-07 10:00")
        #expect(try f.rows("2026-04", asOf: "2026-05-08T00:00:00+09:00")[0].hasPrefix("T11 P3 9660/660 "))
    }

    @Test func yearEndCompanyHolidaysComeFromThePipeline() throws {
        var f = Self.fixture()
        f.yaml = "calendar:\n  extra_holidays: [12-29, 12-30, 12-31, 01-02, 01-03]\n"
        // Friday 2025-12-26 17:00 → Monday 2026-01-05 10:00: 10 days less 7 hours; 60 + 60 business minutes.
        f.ticket("T12", account: "A2", created: "2025-12-26 17:00", response: "2026-01-05 10:00")
        #expect(try f.rows("2025-12", asOf: "2026-01-10T00:00:00+09:00")[0].hasPrefix("T12 P3 13980/120 "))
    }

    @Test func percentilesInterpolateBetweenClosestRanks() throws {
        var f = Self.fixture()
        for (k, minutes) in [10, 20, 30, 100].enumerated() {
            f.ticket("P\(k)", account: "A2", created: "2026-06-01 10:00", response: "2026-06-01 \(10 + minutes / 60):\(String(format: "%02d", minutes % 60))")
        }
        let k = try f.kpis("2026-06")
        #expect(k["first_response_minutes_median"] == "25")   // (20 + 30) / 2
        #expect(k["first_response_minutes_p90"] == "79")     // h = 2.7: 30 + 0.7 × 70
        #expect(k["first_response_business_minutes_p90"] == "79")
        #expect(Percentile.of(sorted: [1], .p90) == 1)
        #expect(Percentile.of(sorted: [], .median) == nil)
        #expect(Percentile.of(sorted: [1, 2, 3, 4, 5], Percentile.Rank(1, 10)) == 1.4)
        #expect(Percentile.of(sorted: [10, 20, 30, 100], .p90) == 79)   // not 79.00000000000001
    }

    @Test func countsRatesAndBreakdowns() throws {
        var f = Self.fixture()
        f.ticket("C1", account: "A1", created: "2026-05-12 10:00", solved: "2026-05-13 10:00", status: .solved,
                 category: "bug", channel: "email", escalation: 2, reopens: 1)
        f.ticket("C2", account: "A1", created: "2026-05-12 11:00", category: "bug", channel: "chat", escalation: 3)
        f.ticket("C3", account: "A2", created: "2026-05-12 12:00", category: "how_to")
        f.ticket("C4", account: "A2", created: "2026-04-20 12:00", solved: "2026-05-02 12:00", status: .closed)
        f.ticket("C5", account: "A2", created: "2026-04-20 12:00")                     // still open: backlog
        f.ticket("C6", account: "A2", created: "2026-05-12 12:00", status: .deleted)   // dropped
        f.ticket("C7", account: "A2", created: "2026-06-02 12:00")                     // after as-of: unseen
        let k = try f.kpis("2026-05")
        #expect(k["tickets_created"] == "3")
        #expect(k["tickets_created.category.bug"] == "2")
        #expect(k["tickets_created.category.how_to"] == "1")
        #expect(k["tickets_created.channel.email"] == "1")
        #expect(k["tickets_created.channel.chat"] == "1")
        #expect(k["tickets_solved"] == "2")          // C1 and C4 (created in April)
        #expect(k["backlog_end"] == "3")             // C2, C3, C5
        #expect(k["escalation_rate"] == "0.6666666666666666")
        #expect(k["l3_escalation_rate"] == "0.3333333333333333")
        #expect(k["reopen_rate"] == "0.5")
        #expect(k["tickets_per_customer"] == "1.5")  // 3 tickets, 2 paying customers
        // Breakdowns only where the scope has tickets of that value.
        let starter = try f.kpis("2026-05", scope: "plan:starter")
        #expect(starter["tickets_created.category.how_to"] == "1")
        #expect(starter.values["tickets_created.category.bug"] == nil)
        #expect(starter["tickets_created.priority.P1"] == "0")   // priorities are always written
    }

    @Test func selfServiceFromHelpCenterEvents() throws {
        var f = Self.fixture()
        f.ticket("S1", account: "A2", created: "2026-05-12 10:00")
        f.ticket("S2", account: "A2", created: "2026-05-12 10:00")
        let at = SupportFixture.at("2026-05-10 10:00")
        f.articleEvents = [
            ArticleEvent(timestamp: at, accountID: "A2", articleID: "K1", kind: .view),
            ArticleEvent(timestamp: at, accountID: nil, articleID: "K1", kind: .view),
            ArticleEvent(timestamp: at, accountID: nil, articleID: "K1", kind: .view),
            ArticleEvent(timestamp: at, accountID: "A2", articleID: "K1", kind: .helpful),
            ArticleEvent(timestamp: at, accountID: "A2", articleID: "K1", kind: .helpful),
            ArticleEvent(timestamp: at, accountID: nil, articleID: "K1", kind: .notHelpful),
            ArticleEvent(timestamp: SupportFixture.at("2026-04-30 10:00"), accountID: nil, articleID: "K1", kind: .view),
        ]
        let k = try f.kpis("2026-05")
        #expect(k["article_views"] == "3")
        #expect(k["article_helpful_rate"] == "0.6666666666666666")
        #expect(k["self_service_ratio"] == "1.5")
        #expect(try f.kpis("2026-05", scope: "plan:starter")["article_views"] == "1")   // anonymous: company only
    }

    @Test func missingSourcesMakeTheirMetricsUndefinedCountsIncluded() throws {
        var f = Self.fixture()
        f.loaded = []
        let k = try f.kpis("2026-05")
        for metric in ["tickets_created", "tickets_created.priority.P1", "tickets_solved", "backlog_end", "sla_breached_tickets",
                       "article_views", "self_service_ratio", "csat", "csat_responses", "nps", "nps_responses", "ces_responses"] {
            #expect(k[metric] == nil, "\(metric)")
        }
    }

    @Test func driversRankCategoriesAndFrequentContacters() throws {
        var f = Self.fixture()
        f.ticket("D1", account: "A1", created: "2026-05-12 10:00", category: "bug")
        f.ticket("D2", account: "A1", created: "2026-05-12 10:00", category: "bug")
        f.ticket("D3", account: "A2", created: "2026-05-12 10:00", category: "billing")
        f.ticket("D4", account: "A2", created: "2026-04-12 10:00", category: "billing")
        f.ticket("D5", account: "A2", created: "2026-04-12 10:00", category: "billing")
        f.ticket("D6", account: "A2", created: "2026-04-12 10:00", category: "how_to")
        let drivers = try f.support("2026-05").drivers
        #expect(drivers.categories.map { "\($0.name) \($0.count) \($0.previousCount) \($0.change)" }
                == ["bug 2 0 2", "billing 1 2 -1", "how_to 0 1 -1"])
        #expect(drivers.categories[0].share == 2.0 / 3.0)
        #expect(drivers.frequentContacters.isEmpty)   // the fixture's accounts have no seats
    }

    @Test func frequentContactersAreRankedByTicketsPerSeat() {
        let signup = LocalDate(year: 2024, month: 1, day: 1)!
        let accounts = (0..<12).map { Account(id: "A\($0)", name: "n", plan: "p", signupDate: signup, seats: $0 == 11 ? nil : 10 + $0) }
        // Account k raised k + 1 tickets; account 11 has no seats and is left out.
        let byAccount = Dictionary(uniqueKeysWithValues: (0..<12).map { ($0, $0 + 1) })
        let drivers = SupportFamily.drivers(categories: [:], created: 0, ticketsByAccount: byAccount, accounts: accounts)
        #expect(drivers.frequentContacters.count == 10)
        #expect(drivers.frequentContacters.first?.accountID == "A10")   // 11 tickets / 20 seats
        #expect(drivers.frequentContacters.first?.ticketsPerSeat == 0.55)
        #expect(drivers.frequentContacters.last?.accountID == "A1")     // 2 / 11; A0 (1 / 10) is 11th
    }

    @Test func ticketsFileListsTicketsCreatedInTheMonth() throws {
        var f = Self.fixture()
        f.ticket("=2", account: "A2", created: "2026-05-12 10:00:30", response: "2026-05-12 10:01:00")
        f.ticket("T1", account: "A2", created: "2026-05-08 17:00", response: "2026-05-11 10:00")
        let text = String(decoding: TicketsFile.csv(try f.support("2026-05"), timeZone: TimeZone(identifier: "Asia/Tokyo")!), as: UTF8.self)
        #expect(text == """
            ticket_id,account_id,priority,created_at,first_response_minutes,first_response_business_minutes,resolution_minutes,resolution_business_minutes,sla_first_response,sla_resolution
            T1,A2,P3,2026-05-08T17:00:00+09:00,3900,120,,,achieved,breached
            '=2,A2,P3,2026-05-12T10:00:30+09:00,0.5,0.5,,,achieved,breached

            """)
    }
}

/// Voice of the customer (docs/metrics.md §4) and the account survey facts of the health score.
@Suite struct VoiceOfCustomerTests {
    static func response(_ account: String, _ score: Int, _ at: String, id: String = UUID().uuidString) -> SurveyResponse {
        SurveyResponse(id: id, ticketID: nil, accountID: account, score: score, respondedAt: SupportFixture.at(at))
    }

    static func nps(_ account: String, _ score: Int, _ at: String, contact: String?, id: String) -> NPSResponse {
        NPSResponse(id: id, accountID: account, contactID: contact, score: score, respondedAt: SupportFixture.at(at), comment: nil)
    }

    @Test func csatWithItsWilsonInterval() throws {
        var f = SupportMetricTests.fixture()
        f.csat = [Self.response("A1", 5, "2026-05-02 10:00"), Self.response("A1", 4, "2026-05-03 10:00"),
                  Self.response("A2", 3, "2026-05-04 10:00"), Self.response("X", 5, "2026-05-05 10:00"),
                  Self.response("A1", 1, "2026-04-30 10:00")]
        let k = try f.kpis("2026-05")
        #expect(k["csat"] == "0.75")
        #expect(k["csat_responses"] == "4")
        #expect(try f.kpis("2026-05", scope: "plan:starter")["csat"] == "0")
    }

    @Test func wilsonIntervalMatchesNewcombesExample() throws {
        // Newcombe (1998), Statistics in Medicine 17:857–872, example 81/263: 0.2553 to 0.3662.
        let interval = try #require(WilsonInterval(successes: 81, n: 263))
        #expect(abs(interval.low - 0.2553) < 0.00005)
        #expect(abs(interval.high - 0.3662) < 0.00005)
        #expect(WilsonInterval(successes: 0, n: 0) == nil)
        let all = try #require(WilsonInterval(successes: 10, n: 10))
        #expect(all.high == 1 && abs(all.low - 0.7225) < 0.0001)
    }

    @Test func npsCountsPromotersPassivesAndDetractors() throws {
        var f = SupportMetricTests.fixture()
        f.nps = [Self.nps("A1", 10, "2026-05-02 10:00", contact: "c1", id: "n1"), Self.nps("A1", 9, "2026-05-02 10:00", contact: "c2", id: "n2"),
                 Self.nps("A2", 7, "2026-05-02 10:00", contact: "c3", id: "n3"), Self.nps("A2", 3, "2026-05-02 10:00", contact: "c4", id: "n4")]
        let k = try f.kpis("2026-05")
        #expect(k["nps"] == "25")   // 100 × (2 − 1) / 4
        #expect(k["nps_promoters"] == "2" && k["nps_passives"] == "1" && k["nps_detractors"] == "1" && k["nps_responses"] == "4")
        var passives = SupportMetricTests.fixture()
        passives.nps = [Self.nps("A1", 7, "2026-05-02 10:00", contact: nil, id: "p1"), Self.nps("A1", 8, "2026-05-02 10:00", contact: nil, id: "p2")]
        #expect(try passives.kpis("2026-05")["nps"] == "0")
        #expect(try SupportMetricTests.fixture().kpis("2026-05")["nps"] == nil)
        #expect(try SupportMetricTests.fixture().kpis("2026-05")["nps_responses"] == "0")
    }

    @Test func cesIsTheMeanScore() throws {
        var f = SupportMetricTests.fixture()
        f.ces = [Self.response("A1", 7, "2026-05-02 10:00"), Self.response("A1", 4, "2026-05-03 10:00"), Self.response("A2", 6, "2026-05-04 10:00")]
        let k = try f.kpis("2026-05")
        #expect(k["ces"] == "5.666666666666667")
        #expect(k["ces_responses"] == "3")
    }

    @Test func accountNPSTakesTheLatestResponseOfEachContactIn180Days() {
        let asOf = SupportFixture.at("2026-06-01 00:00")
        let responses = [
            Self.nps("A1", 2, "2026-01-10 10:00", contact: "c1", id: "1"),   // replaced by c1's later answer
            Self.nps("A1", 10, "2026-05-10 10:00", contact: "c1", id: "2"),
            Self.nps("A1", 6, "2026-05-11 10:00", contact: nil, id: "3"),     // no contact: its own respondent
            Self.nps("A1", 0, "2025-11-01 10:00", contact: "c2", id: "4"),    // older than 180 days
            Self.nps("A2", 3, "2026-05-20 10:00", contact: "c9", id: "5"),
            Self.nps("A2", 9, "2026-05-20 10:00", contact: "c9", id: "6"),    // same time: the later row wins
            Self.nps("A2", 0, "2026-06-01 00:00", contact: "c8", id: "7"),    // at as-of: not yet
        ]
        let nps = AccountVoice.nps(responses, asOf: asOf)
        #expect(nps["A1"]?.value == 0)      // one promoter, one detractor
        #expect(nps["A2"]?.value == 100)
        let csat = AccountVoice.csat90d([Self.response("A1", 5, "2026-05-01 10:00"), Self.response("A1", 2, "2026-04-01 10:00"),
                                         Self.response("A1", 5, "2026-02-01 10:00")], asOf: asOf)
        #expect(csat["A1"]?.value == 0.5)
    }
}
