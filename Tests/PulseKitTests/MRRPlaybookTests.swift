import Foundation
import Testing
@testable import PulseKit
import Tabular

/// The dbt `mrr-playbook` seed (`shared/data/mrr-playbook/subscription_periods.csv`, 121 subscriptions of
/// 30-odd customers, 2017-09 … 2020-02) read through a column mapping, and Pulse's movements compared
/// month by month with the categories of that project's `mrr` model, re-derived here from its SQL.
///
/// Names: dbt `new` = Pulse `new`, `churn` = `churn`, `reactivation` = `reactivation`, `upgrade` =
/// `expansion`, `downgrade` = `contraction`, no category = `flat`. Rules: dbt counts a subscription in
/// a month when `start_date ≤ first day < end_date`, Pulse at the month's last day; every date of the
/// seed is a first of month, where the two agree. The seed has no billing period column (its amounts
/// are monthly), so the test adds `billing_period = monthly`, and no accounts file, so one is made of
/// its customer ids.
@Suite struct MRRPlaybookTests {
    struct Seed {
        let data: ExtractedData
        /// (customer, start, end, monthly amount) as read by the test, independently of Pulse.
        let rows: [(customer: String, start: YearMonth, end: YearMonth, amount: Int64)]
    }

    static func load() throws -> Seed {
        let seed = try String(contentsOfFile: SharedDataFile.directory.appendingPathComponent("mrr-playbook/subscription_periods.csv").path,
                              encoding: .utf8)
        let lines = seed.split(separator: "\n").map(String.init)
        #expect(lines[0] == "subscription_id,customer_id,start_date,end_date,monthly_amount")
        var rows: [(customer: String, start: YearMonth, end: YearMonth, amount: Int64)] = []
        for line in lines.dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            rows.append((f[1], YearMonth(String(f[2].prefix(7)))!, YearMonth(String(f[3].prefix(7)))!, Int64(f[4])!))
        }
        let customers = Array(Set(rows.map(\.customer))).sorted { Int($0)! < Int($1)! }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-mrr-playbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(("customer_id,name,plan,signup_date\n" + customers.map { "\($0),Customer \($0),standard,2017-01-01\n" }.joined()).utf8)
            .write(to: folder.appendingPathComponent("customers.csv"))
        let withBilling = lines.enumerated().map { $0.offset == 0 ? $0.element + ",billing_period" : $0.element + ",monthly" }
        try Data((withBilling.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("subscription_periods.csv"))
        let context = IngestContext(dataDirectory: folder, timeZone: TimeZone(identifier: "Asia/Tokyo")!, currency: "USD", jobs: 2)
        let settings: [CanonicalSource: SourceConfiguration] = [
            .accounts: SourceConfiguration(source: .accounts, path: "customers.csv", columns: ["account_id": "customer_id"]),
            .subscriptions: SourceConfiguration(source: .subscriptions, path: "subscription_periods.csv",
                                               columns: ["account_id": "customer_id", "amount": "monthly_amount"]),
        ]
        let data = try Extractor(context: context, settings: settings, sources: [.accounts, .subscriptions]).run()
        return Seed(data: data, rows: rows)
    }

    /// The `change_category` of dbt's `mrr` model for each (customer, month), from its SQL: a month spine
    /// per customer from its first start month to before its last end month, MRR = the amounts of the
    /// subscriptions with `start ≤ month < end`, plus a churn row the month after the last active month.
    static func dbtCategories(_ rows: [(customer: String, start: YearMonth, end: YearMonth, amount: Int64)]) -> [String: [YearMonth: String]] {
        var result: [String: [YearMonth: String]] = [:]
        for (customer, subs) in Dictionary(grouping: rows, by: \.customer) {
            let first = subs.map(\.start).min()!
            let last = subs.map(\.end).max()!
            var months: [(YearMonth, Int64)] = []
            var m = first
            while m < last {
                months.append((m, subs.filter { $0.start <= m && m < $0.end }.reduce(0) { $0 + $1.amount }))
                m = m.adding(months: 1)
            }
            let active = months.filter { $0.1 > 0 }.map(\.0)
            let firstActive = active.min()!
            let lastActive = active.max()!
            months = months.filter { $0.0 <= lastActive }
            months.append((lastActive.adding(months: 1), 0))
            var previousActive = false
            var previousMRR: Int64 = 0
            for (month, mrr) in months {
                let isActive = mrr > 0
                let category: String? =
                    month == firstActive ? "new"
                    : !isActive && previousActive ? "churn"
                    : isActive && !previousActive ? "reactivation"
                    : mrr > previousMRR ? "upgrade"
                    : mrr < previousMRR ? "downgrade" : nil
                if let category { result[customer, default: [:]][month] = category }
                previousActive = isActive
                previousMRR = mrr
            }
        }
        return result
    }

    static let pulseName = ["new": "new", "churn": "churn", "reactivation": "reactivation", "upgrade": "expansion", "downgrade": "contraction"]

    @Test func seedReadsThroughAColumnMapping() throws {
        let seed = try Self.load()
        #expect(seed.data.subscriptions.count == 121)
        #expect(seed.data.log.quarantined.isEmpty)
        #expect(seed.data.subscriptions[0].accountID == "1" && seed.data.subscriptions[0].mrr == Money(whole: 50))
        // No customer has overlapping subscriptions, so dbt's join (which does not sum overlaps) and
        // Pulse's sum see the same MRR.
        for (_, subs) in Dictionary(grouping: seed.rows, by: \.customer) {
            let sorted = subs.sorted { $0.start < $1.start }
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.end <= b.start) }
        }
    }

    @Test func movementsAgreeWithTheDbtCategoriesEveryMonth() throws {
        let seed = try Self.load()
        let expected = Self.dbtCategories(seed.rows)
        let configuration = try PipelineConfiguration.parse(yaml: "currency: USD\n", file: "p.yml", directory: URL(fileURLWithPath: "/tmp"))
        var month = YearMonth(year: 2017, month: 9)!
        var compared = 0
        var counts: [String: Int] = [:]
        while month <= YearMonth(year: 2020, month: 3)! {
            let period = try ReportingPeriod.resolve(period: month.description, asOf: nil,
                                                     timeZone: TimeZone(identifier: "Asia/Tokyo")!, now: Date())
            let result = RevenueFamily.compute(TransformInput(data: seed.data, period: period, configuration: configuration),
                                               historyMonths: 1)
            for (account, row) in zip(seed.data.accounts, result.accounts) {
                let dbt = expected[account.id]?[month].map { Self.pulseName[$0]! } ?? "flat"
                #expect(row.movement.rawValue == dbt, "\(account.id) \(month)")
                counts[row.movement.rawValue, default: 0] += 1
                compared += 1
            }
            month = month.adding(months: 1)
        }
        #expect(compared > 900)
        // Every category occurs in the seed, so each rule was exercised.
        for movement in ["new", "churn", "reactivation", "expansion", "contraction"] { #expect(counts[movement, default: 0] > 0, "\(movement)") }
    }
}
