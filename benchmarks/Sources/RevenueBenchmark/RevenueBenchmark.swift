import Foundation
import PulseKit
import PulseSample
import Tabular

/// Times the revenue transform (account MRR, movements, tiers and every §1 metric for M and 12 months
/// of history, per scope) on an in-memory portfolio: by default 1,000,000 accounts and 3,000,000
/// subscriptions starting over 36 months, on the calling thread only.
///
///     swift run -c release revenue-benchmark [accounts] [subscriptions] [repeats]
@main
struct RevenueBenchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        let accountCount = arguments.count > 0 ? arguments[0] : 1_000_000
        let subscriptionCount = arguments.count > 1 ? arguments[1] : 3_000_000
        let repeats = arguments.count > 2 ? arguments[2] : 5

        var started = ContinuousClock.now
        let data = portfolio(accounts: accountCount, subscriptions: subscriptionCount, months: 36)
        print("generated \(accountCount) accounts, \(subscriptionCount) subscriptions over 36 months in \(started.duration(to: .now))")
        let configuration = try PipelineConfiguration.parse(yaml: "name: bench\n", file: "bench.yml", directory: URL(fileURLWithPath: "/tmp"))
        let period = try ReportingPeriod.resolve(period: "2026-12", asOf: nil, timeZone: TimeZone(identifier: "Asia/Tokyo")!, now: Date())

        var best = Duration.seconds(1_000)
        var figures = 0
        for k in 1...repeats {
            started = ContinuousClock.now
            let result = RevenueResult.compute(data: data, period: period, configuration: configuration)
            let computed = started.duration(to: .now)
            let written = result.figures(historyMonth: result.window.historyMonths - 1)
            let total = started.duration(to: .now)
            figures = written.figures.count
            best = min(best, total)
            let paying = result.accounts.reduce(0) { $0 + ($1.isPaying ? 1 : 0) }
            print("run \(k): ledger \(computed), with M's figures \(total); paying accounts \(paying), figures \(figures)")
        }
        print("best: \(best) for \(accountCount) accounts, \(subscriptionCount) subscriptions (\(figures) figures)")
    }

    /// A seeded portfolio: plans skewed to the low end, 1–5 subscriptions per account, starts over
    /// `months` months before 2027, two thirds ending within two years, some canceled, some annual,
    /// some in USD-equivalent odd amounts.
    static func portfolio(accounts accountCount: Int, subscriptions subscriptionCount: Int, months: Int) -> ExtractedData {
        var random = SampleRandom(seed: 42)
        var data = ExtractedData()
        data.accounts.reserveCapacity(accountCount)
        data.subscriptions.reserveCapacity(subscriptionCount)
        let plans = ["enterprise", "professional", "starter", "free"]
        let signup = LocalDate(year: 2023, month: 1, day: 1)!
        for a in 0..<accountCount {
            let plan = plans[Int(random.next() % 100) < 5 ? 0 : Int(random.next() % 3) + 1]
            data.accounts.append(Account(id: "A\(a)", name: "Account \(a)", plan: plan, signupDate: signup))
        }
        let first = LocalDate(year: 2024, month: 1, day: 1)!
        let billing = [1, 1, 1, 3, 12, 12, 24]
        for s in 0..<subscriptionCount {
            let account = s < accountCount ? s : Int(random.next() % UInt64(accountCount))
            let start = first.adding(days: Int(random.next() % UInt64(months * 30)))
            let end: LocalDate? = random.next() % 3 == 0 ? nil : start.adding(days: 30 + Int(random.next() % 700))
            let canceled: LocalDate? = random.next() % 10 == 0 ? start.adding(days: Int(random.next() % 400)) : nil
            let months = billing[Int(random.next() % UInt64(billing.count))]
            let amount = ExactDecimal(significand: Int64(random.next() % 5_000_000) * Int64(months), scale: 0)
            data.subscriptions.append(Subscription(
                id: "S\(s)", accountID: "A\(account)", plan: nil, startDate: start, endDate: end, billingMonths: months,
                amount: amount, currency: "JPY", canceledAt: canceled,
                mrr: SubscriptionMRR.mrr(amount: amount, rate: ExactDecimal(significand: 1), months: months)!,
                accountIndex: account))
        }
        return data
    }
}
