import Tabular

/// `accounts.csv`: one row per account paying in M or M−1, in the order of the accounts file.
///
/// The columns are those of outputs.md that Pulse computes so far, in the spec's order: today the CRM
/// columns and the revenue ones (`account_id,name,plan,tier,csm,mrr_start,mrr_end,movement`). Columns of
/// metric families not built yet are left out rather than written empty, because an empty cell means
/// "undefined", which would not be true.
enum AccountsFile {
    /// The columns written.
    static let columns = ["account_id", "name", "plan", "tier", "csm", "mrr_start", "mrr_end", "movement"]

    /// The CSV text.
    static func csv(accounts: [Account], revenue: RevenueResult) -> [UInt8] {
        var writer = CSVWriter(guardsFormulas: true, capacity: 64 + accounts.count * 16)
        writer.appendRecord(columns)
        for (account, row) in zip(accounts, revenue.accounts) where row.isListed {
            writer.appendField(account.id)
            writer.appendField(account.name)
            writer.appendField(account.plan)
            writer.appendField(revenue.tiers[row.tier])
            writer.appendField(account.csm)
            writer.appendNumber(Money.text(row.mrrStart))
            writer.appendNumber(Money.text(row.mrrEnd))
            writer.appendField(row.movement.rawValue)
            writer.endRecord()
        }
        return writer.bytes
    }

    /// Each listed account's facts as a JSON object, for the warehouse's account snapshots.
    static func snapshots(accounts: [Account], revenue: RevenueResult) -> [(accountID: String, facts: [UInt8])] {
        zip(accounts, revenue.accounts).compactMap { account, row in
            guard row.isListed else { return nil }
            let facts = JSONObject(members: [
                ("plan", .string(account.plan)),
                ("tier", .string(revenue.tiers[row.tier])),
                ("mrr_start", .number(Money.text(row.mrrStart))),
                ("mrr_end", .number(Money.text(row.mrrEnd))),
                ("movement", .string(row.movement.rawValue)),
            ])
            return (account.id, JSONWriter.bytes(.object(facts)))
        }
    }
}
