import Tabular

/// `movements.csv`: `account_id,movement,mrr_start,mrr_end,amount` for every account whose movement in
/// M is not flat, in the order of the accounts file.
enum MovementsFile {
    /// The CSV text.
    static func csv(accounts: [Account], revenue: RevenueResult) -> [UInt8] {
        var writer = CSVWriter(guardsFormulas: true, capacity: 64 + accounts.count * 8)
        writer.appendRecord(["account_id", "movement", "mrr_start", "mrr_end", "amount"])
        for (account, row) in zip(accounts, revenue.accounts) where row.movement != .flat {
            writer.appendField(account.id)
            writer.appendField(row.movement.rawValue)
            writer.appendNumber(Money.text(row.mrrStart))
            writer.appendNumber(Money.text(row.mrrEnd))
            writer.appendNumber(Money.text(row.movement.amount(previous: row.mrrStart, current: row.mrrEnd)))
            writer.endRecord()
        }
        return writer.bytes
    }
}
