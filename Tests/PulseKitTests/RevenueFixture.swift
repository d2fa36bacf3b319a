import Foundation
import Testing
@testable import PulseKit
import Tabular

/// A small CRM written as CSV and read through the real extract stage, then run through the revenue
/// computation for one month: the way a user's export reaches the metrics.
struct RevenueFixture {
    /// `account_id,plan` per account (other CRM columns are fixed).
    var accounts: [(id: String, plan: String)] = []
    /// Subscription rows: `subscription_id,account_id,start_date,end_date,billing_period,amount,currency,canceled_at`.
    var subscriptions: [String] = []
    /// fx rows: `month,currency,rate`.
    var fxRates: [String] = []
    /// The pipeline's `tiers:` block (YAML), or nil for the defaults.
    var tiersYAML: String?

    /// Adds an account.
    mutating func account(_ id: String, plan: String = "starter") {
        accounts.append((id, plan))
    }

    /// Adds a subscription (monthly, JPY unless given).
    mutating func subscription(_ account: String, _ start: String, _ end: String = "", amount: String,
                               billing: String = "monthly", currency: String = "", canceled: String = "") {
        if !accounts.contains(where: { $0.id == account }) { self.account(account) }
        subscriptions.append("S\(subscriptions.count + 1),\(account),\(start),\(end),\(billing),\"\(amount)\",\(currency),\(canceled)")
    }

    /// The extracted data.
    func extract() throws -> ExtractedData {
        var files: [String: Any] = [
            "crm/accounts.csv": "account_id,name,plan,signup_date\n"
                + accounts.map { "\($0.id),Name of \($0.id),\($0.plan),2020-01-01\n" }.joined(),
            "crm/subscriptions.csv": "subscription_id,account_id,start_date,end_date,billing_period,amount,currency,canceled_at\n"
                + subscriptions.map { $0 + "\n" }.joined(),
        ]
        if !fxRates.isEmpty { files["crm/fx_rates.csv"] = "month,currency,rate\n" + fxRates.map { $0 + "\n" }.joined() }
        return try IngestFixture(files).extract()
    }

    /// The pipeline configuration (default, or with `tiersYAML`).
    func configuration() throws -> PipelineConfiguration {
        let yaml = "name: revenue\n" + (tiersYAML.map { "tiers:\n" + $0 } ?? "")
        return try PipelineConfiguration.parse(yaml: yaml, file: "pipeline.yml", directory: URL(fileURLWithPath: "/tmp"))
    }

    /// The revenue result for `month` (YYYY-MM), as of its end unless `asOf` is given.
    func revenue(_ month: String, asOf: String? = nil, history: Int = 13) throws -> (RevenueResult, ExtractedData) {
        let data = try extract()
        let period = try ReportingPeriod.resolve(period: month, asOf: asOf, timeZone: TimeZone(identifier: "Asia/Tokyo")!, now: Date())
        let input = TransformInput(data: data, period: period, configuration: try configuration())
        return (RevenueFamily.compute(input, historyMonths: history), data)
    }

    /// The written metrics of one scope: `figures["nrr"]` is the value, nil when undefined.
    struct Figures {
        let values: [String: String?]
        subscript(_ metric: String) -> String? {
            guard let value = values[metric] else { preconditionFailure("no metric \(metric) was written") }
            return value
        }
    }

    /// The metrics of M for `scope`, by name.
    func kpis(_ month: String, scope: String = "company", asOf: String? = nil) throws -> Figures {
        let (result, _) = try revenue(month, asOf: asOf)
        let table = RevenueFamily.figures(result, historyMonth: result.window.historyMonths - 1)
        var values: [String: String?] = [:]
        for figure in table.figures where figure.scope == scope { values[figure.metric] = .some(figure.text) }
        return Figures(values: values)
    }

    /// Each account's movement in M as `id movement P C`.
    func movements(_ month: String) throws -> [String] {
        let (result, data) = try revenue(month)
        return zip(data.accounts, result.accounts).map { account, row in
            "\(account.id) \(row.movement.rawValue) \(Money.text(row.mrrStart)) \(Money.text(row.mrrEnd))"
        }
    }
}
