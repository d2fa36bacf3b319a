import Tabular

/// `movements.csv` and the workbook's Movements sheet: every account whose movement in M is not flat,
/// with its MRR at the end of M−1 and of M and the movement's amount (docs/metrics.md §1).
struct MovementsFile: ReportTable {
    let accounts: [Account]
    let revenue: RevenueResult

    let columns = ["account_id", "movement", "mrr_start", "mrr_end", "amount"]

    var rowCount: Int { revenue.accounts.count }

    func forEachRow(_ body: ([ReportCell]) -> Void) {
        for (account, row) in zip(accounts, revenue.accounts) where row.movement != .flat {
            body([.text(account.id), .text(row.movement.rawValue), .money(row.mrrStart), .money(row.mrrEnd),
                  .money(row.movement.amount(previous: row.mrrStart, current: row.mrrEnd))])
        }
    }

    /// The CSV text.
    static func csv(accounts: [Account], revenue: RevenueResult) -> [UInt8] {
        MovementsFile(accounts: accounts, revenue: revenue).csv()
    }
}
