import Tabular

/// `accounts.csv` and the workbook's Accounts sheet: one row per account paying in M or M−1, in the order of
/// the accounts file, with the columns of docs/reports.md ("The machine-readable files") and one
/// `component.<name>` points column per health component. Rows of accounts not paying in M have empty health
/// and adoption columns (docs/metrics.md §8.5); undefined values are empty.
struct AccountsFile: ReportTable {
    let accounts: [Account]
    let revenue: RevenueResult
    let facts: [AccountFacts]
    let model: HealthModel

    /// The columns before the component columns.
    static let columns = [
        "account_id", "name", "plan", "tier", "csm", "mrr_start", "mrr_end", "movement", "health_score", "health_band",
        "health_score_final", "health_band_final", "health_delta", "override_reason", "license_utilization", "mau",
        "feature_breadth", "mau_change", "account_nps", "csat_90d", "sla_breaches_90d", "tickets_90d", "ttfv_days",
        "onboarding_status", "days_to_renewal",
    ]

    var columns: [String] { Self.columns + model.components.map { "component.\($0.name.name)" } }

    var rowCount: Int { accounts.count }

    func forEachRow(_ body: ([ReportCell]) -> Void) {
        var cells: [ReportCell] = []
        cells.reserveCapacity(Self.columns.count + model.components.count)
        for (a, account) in accounts.enumerated() where revenue.accounts[a].isListed {
            let row = revenue.accounts[a]
            let f = facts[a]
            let paying = f.isPaying
            cells.removeAll(keepingCapacity: true)
            cells.append(.text(account.id))
            cells.append(.text(account.name))
            cells.append(.text(account.plan))
            cells.append(.text(revenue.tiers[row.tier]))
            cells.append(.text(account.csm))
            cells.append(.money(row.mrrStart))
            cells.append(.money(row.mrrEnd))
            cells.append(.text(row.movement.rawValue))
            cells.append(.number(paying ? f.health?.score : nil))
            cells.append(.text(paying ? f.health?.band.rawValue : nil))
            cells.append(.number(paying ? f.finalScore : nil))
            cells.append(.text(paying ? f.finalBand.rawValue : nil))
            cells.append(.number(paying ? f.healthDelta : nil))
            cells.append(.text(paying ? f.override?.reason : nil))
            cells.append(.number(f.adoption?.licenseUtilization))
            cells.append(.integer(f.adoption?.mau))
            cells.append(.number(f.adoption?.featureBreadth))
            cells.append(.number(f.adoption?.mauChange))
            cells.append(.number(f.accountNPS))
            cells.append(.number(f.csat90d))
            cells.append(.integer(f.slaBreaches90d))
            cells.append(.integer(f.tickets90d))
            cells.append(.integer(f.ttfvDays))
            cells.append(.text(f.onboardingStatus))
            cells.append(.integer(f.daysToRenewal))
            for k in model.components.indices {
                cells.append(.number(paying ? f.health?.parts[k].points : nil))
            }
            body(cells)
        }
    }

    /// The CSV text.
    static func csv(accounts: [Account], revenue: RevenueResult, facts: [AccountFacts], model: HealthModel) -> [UInt8] {
        AccountsFile(accounts: accounts, revenue: revenue, facts: facts, model: model).csv()
    }

    /// Each listed account's facts as a JSON object, for the warehouse's account snapshots.
    static func snapshots(accounts: [Account], revenue: RevenueResult, facts: [AccountFacts]) -> [(accountID: String, facts: [UInt8])] {
        zip(accounts.indices, accounts).compactMap { a, account in
            let row = revenue.accounts[a]
            guard row.isListed else { return nil }
            var members: [(key: String, value: JSONValue)] = [
                ("plan", .string(account.plan)),
                ("tier", .string(revenue.tiers[row.tier])),
                ("mrr_start", .number(Money.text(row.mrrStart))),
                ("mrr_end", .number(Money.text(row.mrrEnd))),
                ("movement", .string(row.movement.rawValue)),
            ]
            let f = facts[a]
            func number(_ value: Double?) -> JSONValue { value.map { .number(NumberText.shortest($0)) } ?? .null }
            if f.isPaying {
                members.append(("health_score", number(f.health?.score)))
                members.append(("health_score_final", number(f.finalScore)))
                members.append(("health_band_final", .string(f.finalBand.rawValue)))
                members.append(("health_delta", number(f.healthDelta)))
                members.append(("mau", number(f.adoption.map { Double($0.mau) })))
                members.append(("license_utilization", number(f.adoption?.licenseUtilization)))
            }
            return (account.id, JSONWriter.bytes(.object(JSONObject(members: members))))
        }
    }
}
