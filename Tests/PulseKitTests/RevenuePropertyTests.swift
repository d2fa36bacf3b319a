import Foundation
import Testing
@testable import PulseKit
import PulseSample
import Tabular

/// Identities that must hold for any portfolio (docs/metrics.md §1), over seeded random portfolios, and the
/// ledger checked against a naive month-by-month recomputation from the contract dates.
@Suite struct RevenuePropertyTests {
    /// Draws from the seeded generator of `pulse sample`, so a failing seed can be replayed.
    struct Generator {
        var random: SampleRandom
        init(state: UInt64) { random = SampleRandom(seed: state) }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + random.below(range.count) }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    }

    static let plans = ["enterprise", "professional", "starter", "free"]

    /// A random portfolio: accounts with 0–4 subscriptions between 2023 and 2027, some open-ended,
    /// some canceled, some free, every billing period.
    static func portfolio(seed: UInt64) -> ExtractedData {
        var g = Generator(state: seed)
        var data = ExtractedData()
        let base = LocalDate(year: 2023, month: 1, day: 1)!
        for a in 0..<60 {
            let plan = plans[g.int(0...3)]
            data.accounts.append(Account(id: "A\(a)", name: "n", plan: plan, signupDate: base))
            for _ in 0..<g.int(0...4) {
                let start = base.adding(days: g.int(0...1500))
                let end: LocalDate? = g.chance(70) ? start.adding(days: g.int(1...600)) : nil
                let months = [1, 3, 12, 24, 36, 5][g.int(0...5)]
                let amount = g.chance(10) ? 0 : Int64(g.int(1...3_000_000))
                let canceled: LocalDate? = g.chance(30) ? start.adding(days: g.int(0...700)) : nil
                let value = ExactDecimal(significand: amount, scale: g.int(0...2))
                data.subscriptions.append(Subscription(
                    id: "S\(data.subscriptions.count)", accountID: "A\(a)", plan: nil, startDate: start, endDate: end,
                    billingMonths: months, amount: value, currency: "JPY", canceledAt: canceled,
                    mrr: SubscriptionMRR.mrr(amount: value, rate: ExactDecimal(significand: 1), months: months)!, accountIndex: a))
            }
        }
        return data
    }

    static func result(_ data: ExtractedData, month: String = "2026-06", asOf: String? = nil) throws -> RevenueResult {
        let period = try ReportingPeriod.resolve(period: month, asOf: asOf, timeZone: TimeZone(identifier: "Asia/Tokyo")!, now: Date())
        let configuration = try PipelineConfiguration.parse(yaml: "name: p\n", file: "p.yml", directory: URL(fileURLWithPath: "/tmp"))
        return RevenueFamily.compute(TransformInput(data: data, period: period, configuration: configuration))
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func identitiesHoldInEveryMonthAndScope(seed: UInt64) throws {
        let result = try Self.result(Self.portfolio(seed: seed))
        let scopes = result.scopes
        let tierScopes = scopes.indices.filter { scopes[$0].hasPrefix("tier:") }
        let planScopes = scopes.indices.filter { scopes[$0].hasPrefix("plan:") }
        for r in 0..<result.window.computedMonths {
            let totals = result.totals(computedMonth: r)
            for (s, t) in totals.enumerated() {
                // The bridge, exactly.
                #expect(t.mrrEnd == t.mrrStart + t.newMRR + t.reactivationMRR + t.expansionMRR - t.contractionMRR - t.churnedMRR,
                        "seed \(seed) month \(r) \(scopes[s])")
                let m = RevenueMetrics(totals: t, recentLogoChurn: [])
                // grr ≤ 1 and grr ≤ nrr (same denominator: compare numerators).
                #expect(m.grr.numerator <= m.grr.denominator)
                #expect(m.grr.numerator <= m.nrr.numerator)
                // net_mrr_churn_rate = 1 − nrr and gross_mrr_churn_rate = 1 − grr, exactly.
                #expect(m.netMRRChurnRate.numerator + m.nrr.numerator == m.nrr.denominator)
                #expect(m.grossMRRChurnRate.numerator + m.grr.numerator == m.grr.denominator)
                #expect(m.grossMRRChurnRate.denominator == m.grr.denominator)
                // Quarterly and TTM: capped ≤ uncapped ≤ …, and capped ≤ start.
                #expect(t.quarterCohortCapped <= t.quarterCohortStart && t.quarterCohortCapped <= t.quarterCohortEnd)
                #expect(t.yearCohortCapped <= t.yearCohortStart && t.yearCohortCapped <= t.yearCohortEnd)
                // Counts: customers_end = customers_start + new + reactivated − churned.
                #expect(t.customersEnd == t.customersStart + t.newCustomers + t.reactivatedCustomers - t.churnedCustomers)
            }
            // Tiers add up to company, and plans add up to company, for every sum and count.
            var tierSum = RevenueTotals()
            for s in tierScopes { tierSum.add(totals[s]) }
            var planSum = RevenueTotals()
            for s in planScopes { planSum.add(totals[s]) }
            #expect(tierSum == totals[0], "seed \(seed) month \(r)")
            #expect(planSum == totals[0], "seed \(seed) month \(r)")
        }
    }

    // MARK: The ledger against a naive recomputation

    /// MRR_a(K) straight from the definition: Σ mrr(s) with start_date ≤ last_day(K) < end_date.
    static func naiveMRR(_ subscriptions: [Subscription], _ month: YearMonth) -> Int64 {
        let next = month.adding(months: 1)
        let lastDay = LocalDate(year: next.year, month: next.month, day: 1)!.adding(days: -1)
        return subscriptions.reduce(0) { sum, s in
            s.startDate <= lastDay && (s.endDate.map { lastDay < $0 } ?? true) ? sum + s.mrr.tenThousandths : sum
        }
    }

    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func ledgerAgreesWithANaiveRecomputation(seed: UInt64) throws {
        let data = Self.portfolio(seed: seed)
        let result = try Self.result(data)
        let bySubscriptionAccount = Dictionary(grouping: data.subscriptions, by: \.accountID)
        let history = result.window.history
        for (h, month) in history.enumerated() {
            var expected = RevenueTotals()
            for account in data.accounts {
                let subs = bySubscriptionAccount[account.id] ?? []
                let c = Self.naiveMRR(subs, month)
                let p = Self.naiveMRR(subs, month.adding(months: -1))
                let p3 = Self.naiveMRR(subs, month.adding(months: -3))
                let p12 = Self.naiveMRR(subs, month.adding(months: -12))
                var paidBefore = false
                var k = month.adding(months: -2)
                while k >= YearMonth(year: 2022, month: 12)! {
                    if Self.naiveMRR(subs, k) > 0 { paidBefore = true; break }
                    k = k.adding(months: -1)
                }
                let movement = Movement.classify(previous: p, current: c, paidBefore: paidBefore)
                let next = month.adding(months: 1)
                let lastDay = LocalDate(year: next.year, month: next.month, day: 1)!.adding(days: -1)
                let scheduled = subs.reduce(Int64(0)) { sum, s in
                    guard let end = s.endDate, let canceled = s.canceledAt, s.startDate <= lastDay, lastDay < end,
                          canceled <= lastDay else { return sum }
                    return sum + s.mrr.tenThousandths
                }
                expected.add(current: c, previous: p, quarterAgo: p3, yearAgo: p12, scheduled: scheduled, movement: movement)
                if h == history.count - 1 {
                    let row = result.accounts[data.accounts.firstIndex { $0.id == account.id }!]
                    #expect(row.mrrStart == p && row.mrrEnd == c && row.movement == movement, "seed \(seed) \(account.id)")
                }
            }
            let r = h + RevenueWindow.ltvMonths - 1
            #expect(result.totals(computedMonth: r)[0] == expected, "seed \(seed) \(month)")
        }
    }
}
