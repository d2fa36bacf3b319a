import Foundation
import Testing
@testable import PulseKit
import Tabular

/// Hand-computed onboarding cases (docs/metrics.md §6.3–6.5, §0.14) in Asia/Tokyo with the default
/// settings: a 90-day window; kickoff due 7 days after signup, setup_complete 30, first_value 60. M is
/// May 2026 and as-of its end (2026-06-01 00:00, as-of date 06-01) unless a case says otherwise.
@Suite struct OnboardingTests {
    /// The pipeline time zone.
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    /// Reads instants in Tokyo.
    static let grammar = try! DateTimeGrammar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)

    /// An instant from text; without an offset it is Tokyo local time, a bare date local midnight.
    static func at(_ text: String) -> Instant { try! grammar.parse(text, allowDateOnly: true) }

    /// A date from `yyyy-MM-dd`.
    static func date(_ text: String) -> LocalDate {
        let parts = text.split(separator: "-").map { Int($0)! }
        return LocalDate(year: parts[0], month: parts[1], day: parts[2])!
    }

    /// Accounts with the signup dates a case needs, their milestones, and the settings.
    struct OnboardingCase {
        /// The CRM's accounts, in order.
        var accounts: [Account] = []
        /// The milestone rows, in file order.
        var milestones: [Milestone] = []
        /// The pipeline's onboarding settings (the defaults unless a case changes them).
        var settings = OnboardingSettings.default
        /// Whether the milestones source was loaded.
        var loaded = true

        /// Adds an account.
        mutating func account(_ id: String, plan: String = "starter", signup: String) {
            accounts.append(Account(id: id, name: "Name of \(id)", plan: plan, signupDate: OnboardingTests.date(signup)))
        }

        /// Adds a milestone row; times are Tokyo local unless they carry an offset.
        mutating func milestone(_ id: String, _ name: String, _ at: String) {
            milestones.append(Milestone(accountID: id, name: name, achievedAt: OnboardingTests.at(at)))
        }

        /// Adds every default required milestone of `id` at `at`.
        mutating func completes(_ id: String, at: String) {
            for name in ["kickoff", "setup_complete", "first_value"] { milestone(id, name, at) }
        }

        /// Each account's facts as of `asOf`.
        func facts(asOf: String = "2026-06-01") -> [AccountOnboarding] {
            let instant = OnboardingTests.at(asOf)
            return OnboardingFamily.accounts(
                accounts, milestones: milestones, settings: settings, asOf: instant,
                asOfDate: ZoneOffsets(timeZone: OnboardingTests.tokyo).localDate(at: instant),
                timeZone: OnboardingTests.tokyo, milestonesLoaded: loaded)
        }

        /// Each account's status as of `asOf` (`-` when undefined).
        func statuses(asOf: String = "2026-06-01") -> [String] {
            facts(asOf: asOf).map { $0.status?.rawValue ?? "-" }
        }

        /// The company metrics of May 2026 as of `asOf`, with scopes from a CRM of the same accounts and plans.
        func figures(asOf: String = "2026-06-01") throws -> KPITable {
            var crm = RevenueFixture()
            for account in accounts {
                crm.account(account.id, plan: account.plan)
                crm.subscription(account.id, "2026-01-01", amount: "1000")
            }
            let (revenue, _) = try crm.revenue("2026-05")
            let scopes = ScopeMembership(accounts: accounts, revenue: revenue)
            let instant = OnboardingTests.at(asOf)
            let asOfDate = ZoneOffsets(timeZone: OnboardingTests.tokyo).localDate(at: instant)
            let onboarding = facts(asOf: asOf)
            return OnboardingFamily.figures(
                accounts: accounts, onboarding: onboarding, milestones: milestones, settings: settings,
                monthStart: OnboardingTests.at("2026-05-01"), monthEnd: OnboardingTests.at("2026-06-01"), asOf: instant,
                asOfDate: asOfDate, timeZone: OnboardingTests.tokyo, milestonesLoaded: loaded, scopes: scopes)
        }
    }

    /// One scope's figures as `metric=value` in written order (empty when undefined).
    static func written(_ table: KPITable, scope: String = "company") -> [String] {
        table.figures.filter { $0.scope == scope }.map { "\($0.metric)=\($0.text ?? "")" }
    }

    /// One figure's value (nil when undefined); the figure must have been written.
    static func value(_ table: KPITable, _ metric: String, scope: String = "company") -> String? {
        let figure = table.figures.first(where: { $0.scope == scope && $0.metric == metric })
        #expect(figure != nil, "\(metric) was not written for \(scope)")
        return figure?.text
    }

    @Test func behindOnlyOnceADueDateHasPassed() {
        var c = OnboardingCase()
        c.account("O1", signup: "2026-05-01")   // kickoff due 05-08, setup_complete due 05-31
        c.account("O2", signup: "2026-05-01")
        c.milestone("O2", "kickoff", "2026-05-08 10:00")
        // Day 7 (05-08): due, not yet past due.
        #expect(c.statuses(asOf: "2026-05-08") == ["on_track", "on_track"])
        #expect(c.statuses(asOf: "2026-05-08 23:59") == ["on_track", "on_track"])
        // Day 8: kickoff is past due for O1; O2 achieved it on day 7.
        #expect(c.statuses(asOf: "2026-05-09") == ["behind", "on_track"])
        // setup_complete is due 05-31 and past due from 06-01.
        #expect(c.statuses(asOf: "2026-05-31 23:59") == ["behind", "on_track"])
        #expect(c.statuses(asOf: "2026-06-01") == ["behind", "behind"])
    }

    @Test func stalledOnlyOnceTheWindowHasClosedAndCompletedStaysCompleted() {
        var c = OnboardingCase()
        c.account("S1", signup: "2026-02-01")   // window ends 2026-05-02 (February has 28 days)
        c.account("S2", signup: "2026-02-01")
        c.completes("S2", at: "2026-04-15 10:00")
        #expect(c.facts(asOf: "2026-05-02")[0].windowEnd == Self.date("2026-05-02"))
        #expect(c.statuses(asOf: "2026-05-02 23:59") == ["behind", "completed"])
        #expect(c.statuses(asOf: "2026-05-03") == ["stalled", "completed"])
        #expect(c.statuses(asOf: "2026-12-01") == ["stalled", "completed"])
    }

    @Test func aMilestoneAtOrAfterAsOfDoesNotCount() {
        var c = OnboardingCase()
        c.account("L1", signup: "2026-02-01")   // window ends 2026-05-02
        c.milestone("L1", "kickoff", "2026-02-03")
        c.milestone("L1", "setup_complete", "2026-02-20")
        c.milestone("L1", "first_value", "2026-05-03 09:00")
        #expect(c.statuses(asOf: "2026-05-03 09:00") == ["stalled"])
        #expect(c.facts(asOf: "2026-05-03 09:00")[0].ttfvDays == nil)
        // A minute later it counts: completed, even though after the window.
        #expect(c.statuses(asOf: "2026-05-03 09:01") == ["completed"])
        #expect(c.facts(asOf: "2026-05-03 09:01")[0].ttfvDays == 91)
        #expect(c.facts(asOf: "2026-05-03 09:01")[0].requiredAchievedBy == Self.date("2026-05-03"))
    }

    @Test func theEarliestOfDuplicatedMilestoneRowsBeforeAsOfCounts() {
        var c = OnboardingCase()
        c.account("D1", signup: "2026-05-01")   // window ends 07-30
        c.milestone("D1", "first_value", "2026-05-20 10:00")
        c.milestone("D1", "first_value", "2026-05-15 10:00")
        c.milestone("D1", "first_value", "2026-05-13 10:00")
        c.milestone("D1", "first_value", "2026-05-12 10:00")
        c.milestone("D1", "kickoff", "2026-05-03")
        c.milestone("D1", "kickoff", "2026-05-02")
        c.milestone("D1", "setup_complete", "2026-05-10")
        #expect(c.facts(asOf: "2026-05-15 10:00") == [
            AccountOnboarding(firstValueDate: Self.date("2026-05-12"), ttfvDays: 11, status: .completed,
                              windowEnd: Self.date("2026-07-30"), requiredAchievedBy: Self.date("2026-05-12"),
                              firstValueAt: Self.at("2026-05-12 10:00")),
        ])
        // As of the first first-value row, none of them counts yet.
        #expect(c.facts(asOf: "2026-05-12 10:00") == [
            AccountOnboarding(firstValueDate: nil, ttfvDays: nil, status: .onTrack, windowEnd: Self.date("2026-07-30"),
                              requiredAchievedBy: nil, firstValueAt: nil),
        ])
    }

    @Test func ttfvCountsLocalDatesInThePipelineTimeZone() {
        var c = OnboardingCase()
        c.account("T1", signup: "2026-05-01")
        c.account("T2", signup: "2026-05-01")
        c.account("T3", signup: "2026-05-01")
        c.account("T4", signup: "2026-05-20")
        // 23:30 in Tokyo is still May 10 there (14:30 UTC).
        c.milestone("T1", "first_value", "2026-05-10T23:30:00+09:00")
        // 16:00 UTC on May 10 is 01:00 on May 11 in Tokyo.
        c.milestone("T2", "first_value", "2026-05-10T16:00:00Z")
        // One second before local midnight: May 10.
        c.milestone("T3", "first_value", "2026-05-10T14:59:59Z")
        // Before signup, as the data says.
        c.milestone("T4", "first_value", "2026-05-18 10:00")
        let facts = c.facts()
        #expect(facts.map(\.ttfvDays) == [9, 10, 9, -2])
        #expect(facts.map(\.firstValueDate) == [
            Self.date("2026-05-10"), Self.date("2026-05-11"), Self.date("2026-05-10"), Self.date("2026-05-18"),
        ])
    }

    @Test func ttfvMedianAndP90OverFirstValuesReachedInM() throws {
        var c = OnboardingCase()
        c.account("F1", signup: "2026-04-21")
        c.milestone("F1", "first_value", "2026-05-01 00:00")   // the first instant of M: 10 days
        c.account("F2", signup: "2026-04-30")
        c.milestone("F2", "first_value", "2026-05-20 10:00")   // 20
        c.account("F3", signup: "2026-05-01")
        c.milestone("F3", "first_value", "2026-05-31 23:59")   // 30
        c.account("F4", signup: "2026-02-09")
        c.milestone("F4", "first_value", "2026-05-20 10:00")   // 100
        c.account("F5", signup: "2026-03-01")
        c.milestone("F5", "first_value", "2026-04-30 23:59")   // reached in April
        c.account("F6", signup: "2026-05-01")
        c.milestone("F6", "first_value", "2026-06-01 00:00")   // at as-of: not reached
        let table = try c.figures()
        // 10, 20, 30, 100: median 20 + 0.5 × 10 = 25; p90 at rank 2.7: 30 + 0.7 × 70 = 79.
        #expect(Self.value(table, "ttfv_median_days") == "25")
        #expect(Self.value(table, "ttfv_p90_days") == "79")
        #expect(Self.value(table, "ttfv_accounts") == "4")
        // As of May 25, F3's first value has not happened: 10, 20, 100 → median 20, p90 20 + 0.8 × 80 = 84.
        let early = try c.figures(asOf: "2026-05-25")
        #expect(Self.value(early, "ttfv_median_days") == "20")
        #expect(Self.value(early, "ttfv_p90_days") == "84")
        #expect(Self.value(early, "ttfv_accounts") == "3")
    }

    @Test func completionRateCountsWindowsEndingInMAndRequiredMilestonesByTheWindowEnd() throws {
        var c = OnboardingCase()
        c.account("W1", signup: "2026-01-31")   // window ends 05-01, the first day of M
        c.completes("W1", at: "2026-04-10 10:00")
        c.account("W2", signup: "2026-03-02")   // window ends 05-31, the last day of M
        c.milestone("W2", "kickoff", "2026-03-05")
        c.milestone("W2", "setup_complete", "2026-03-05")
        c.milestone("W2", "first_value", "2026-05-31 23:00")   // on the window's last day: on time
        c.account("W3", signup: "2026-03-03")   // window ends 06-01, after M: not counted
        c.completes("W3", at: "2026-03-10")
        c.account("W4", signup: "2026-02-14")   // window ends 05-15
        c.milestone("W4", "kickoff", "2026-03-01")
        c.milestone("W4", "setup_complete", "2026-03-01")
        c.milestone("W4", "first_value", "2026-05-16 00:00")   // the day after the window's end: late
        c.account("W5", signup: "2026-01-30")   // window ends 04-30, before M: not counted
        let facts = c.facts()
        #expect(facts[1].windowEnd == Self.date("2026-05-31"))
        #expect(facts[1].requiredAchievedBy == Self.date("2026-05-31"))
        #expect(facts[3].requiredAchievedBy == Self.date("2026-05-16"))
        #expect(c.statuses() == ["completed", "completed", "completed", "completed", "stalled"])
        // W1 and W2 of W1, W2, W4.
        let table = try c.figures()
        #expect(Self.value(table, "onboarding_completion_rate") == "0.6666666666666666")
    }

    @Test func completionRateIsUndefinedWhenNoWindowEndsInM() throws {
        var c = OnboardingCase()
        c.account("W3", signup: "2026-03-03")   // window ends 06-01
        c.completes("W3", at: "2026-03-10")
        let table = try c.figures()
        #expect(Self.written(table) == [
            "ttfv_median_days=", "ttfv_p90_days=", "ttfv_accounts=0", "onboarding_completion_rate=",
            "onboarding_behind_accounts=0",
        ])
    }

    @Test func behindAccountsCountOnlyAccountsInsideTheirWindow() throws {
        var c = OnboardingCase()
        c.account("B1", signup: "2026-05-20")   // kickoff due 05-27: behind
        c.account("B2", signup: "2026-03-01")   // window ended 05-30: stalled
        c.account("B3", signup: "2026-03-03")   // window ends 06-01, the as-of date: still inside, behind
        c.account("B4", signup: "2026-05-28")   // kickoff due 06-04: on track
        c.account("B5", signup: "2026-06-05")   // signs up after as-of: on track
        c.account("B6", signup: "2026-05-01")
        c.completes("B6", at: "2026-05-05")
        #expect(c.statuses() == ["behind", "stalled", "behind", "on_track", "on_track", "completed"])
        let table = try c.figures()
        #expect(Self.value(table, "onboarding_behind_accounts") == "2")
    }

    @Test func withNoRequiredMilestonesEveryAccountIsCompleted() throws {
        var c = OnboardingCase()
        c.settings.required = []
        c.account("N1", signup: "2026-05-20")
        c.account("N2", signup: "2026-02-14")   // window ends 05-15
        #expect(c.statuses() == ["completed", "completed"])
        #expect(c.facts()[1].requiredAchievedBy == Self.date("2026-02-14"))
        let table = try c.figures()
        #expect(Self.value(table, "onboarding_completion_rate") == "1")
        #expect(Self.value(table, "onboarding_behind_accounts") == "0")
    }

    @Test func withoutAMilestonesSourceEverythingIsUndefinedCountsIncluded() throws {
        var c = OnboardingCase()
        c.loaded = false
        c.account("U1", signup: "2026-05-01")
        c.account("U2", plan: "enterprise", signup: "2026-02-14")
        c.completes("U1", at: "2026-05-10")
        #expect(c.facts() == [
            AccountOnboarding(firstValueDate: nil, ttfvDays: nil, status: nil, windowEnd: Self.date("2026-07-30"),
                              requiredAchievedBy: nil, firstValueAt: nil),
            AccountOnboarding(firstValueDate: nil, ttfvDays: nil, status: nil, windowEnd: Self.date("2026-05-15"),
                              requiredAchievedBy: nil, firstValueAt: nil),
        ])
        let table = try c.figures()
        #expect(Self.written(table) == [
            "ttfv_median_days=", "ttfv_p90_days=", "ttfv_accounts=", "onboarding_completion_rate=",
            "onboarding_behind_accounts=",
        ])
        #expect(!table.figures.isEmpty)
        #expect(table.figures.allSatisfy { $0.text == nil })
        #expect(table.figures.count == table.scopes.count * OnboardingFamily.names.count)
    }

    @Test func anAccountCountsInItsPlanScope() throws {
        var c = OnboardingCase()
        c.account("P1", plan: "starter", signup: "2026-04-30")
        c.milestone("P1", "kickoff", "2026-05-15")
        c.milestone("P1", "setup_complete", "2026-05-15")
        c.milestone("P1", "first_value", "2026-05-20 10:00")   // 20 days
        c.account("P2", plan: "enterprise", signup: "2026-05-10")
        c.milestone("P2", "kickoff", "2026-05-15")
        c.milestone("P2", "setup_complete", "2026-05-15")
        c.milestone("P2", "first_value", "2026-05-20 10:00")   // 10 days
        c.account("P3", plan: "enterprise", signup: "2026-05-20")   // kickoff due 05-27: behind
        // Milestones of an account the CRM does not know are ignored.
        c.completes("ZZ", at: "2026-05-20 10:00")
        #expect(c.statuses() == ["completed", "completed", "behind"])
        let table = try c.figures()
        #expect(table.scopes.first == "company")
        for scope in table.scopes {
            #expect(table.figures.filter { $0.scope == scope }.map(\.metric) == OnboardingFamily.names)
        }
        // 10 and 20: median 15, p90 10 + 0.9 × 10 = 19.
        #expect(Self.written(table) == [
            "ttfv_median_days=15", "ttfv_p90_days=19", "ttfv_accounts=2", "onboarding_completion_rate=",
            "onboarding_behind_accounts=1",
        ])
        #expect(Self.written(table, scope: "plan:enterprise") == [
            "ttfv_median_days=10", "ttfv_p90_days=10", "ttfv_accounts=1", "onboarding_completion_rate=",
            "onboarding_behind_accounts=1",
        ])
        #expect(Self.written(table, scope: "plan:starter") == [
            "ttfv_median_days=20", "ttfv_p90_days=20", "ttfv_accounts=1", "onboarding_completion_rate=",
            "onboarding_behind_accounts=0",
        ])
    }
}
