import Tabular

/// `accounts.csv`: one row per account paying in M or M−1, in the order of the accounts file, with the
/// columns of outputs.md and one `component.<name>` points column per health component. Rows of accounts
/// not paying in M have empty health and adoption columns (details 30); undefined values are empty.
enum AccountsFile {
    /// The columns before the component columns.
    static let columns = [
        "account_id", "name", "plan", "tier", "csm", "mrr_start", "mrr_end", "movement", "health_score", "health_band",
        "health_score_final", "health_band_final", "health_delta", "override_reason", "license_utilization", "mau",
        "feature_breadth", "mau_change", "account_nps", "csat_90d", "sla_breaches_90d", "tickets_90d", "ttfv_days",
        "onboarding_status", "days_to_renewal",
    ]

    /// The CSV text.
    static func csv(accounts: [Account], revenue: RevenueResult, facts: [AccountFacts], model: HealthModel) -> [UInt8] {
        var writer = CSVWriter(guardsFormulas: true, capacity: 256 + accounts.count * 64)
        writer.appendRecord(columns + model.components.map { "component.\($0.name.name)" })
        func number(_ value: Double?) {
            if let value { writer.appendNumber(NumberText.shortest(value)) } else { writer.appendEmptyField() }
        }
        func integer(_ value: Int?) {
            if let value { writer.appendInteger(value) } else { writer.appendEmptyField() }
        }
        for (a, account) in accounts.enumerated() where revenue.accounts[a].isListed {
            let row = revenue.accounts[a]
            let f = facts[a]
            writer.appendField(account.id)
            writer.appendField(account.name)
            writer.appendField(account.plan)
            writer.appendField(revenue.tiers[row.tier])
            writer.appendField(account.csm)
            writer.appendNumber(Money.text(row.mrrStart))
            writer.appendNumber(Money.text(row.mrrEnd))
            writer.appendField(row.movement.rawValue)
            let paying = f.isPaying
            number(paying ? f.health?.score : nil)
            writer.appendField(paying ? f.health?.band.rawValue : nil)
            number(paying ? f.finalScore : nil)
            writer.appendField(paying ? f.finalBand.rawValue : nil)
            number(paying ? f.healthDelta : nil)
            writer.appendField(paying ? f.override?.reason : nil)
            number(f.adoption?.licenseUtilization)
            integer(f.adoption?.mau)
            number(f.adoption?.featureBreadth)
            number(f.adoption?.mauChange)
            number(f.accountNPS)
            number(f.csat90d)
            integer(f.slaBreaches90d)
            integer(f.tickets90d)
            integer(f.ttfvDays)
            writer.appendField(f.onboardingStatus)
            integer(f.daysToRenewal)
            for k in model.components.indices {
                number(paying ? f.health?.parts[k].points : nil)
            }
            writer.endRecord()
        }
        return writer.bytes
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
            }
            return (account.id, JSONWriter.bytes(.object(JSONObject(members: members))))
        }
    }
}
