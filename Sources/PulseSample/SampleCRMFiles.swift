import Foundation

/// Writes the CRM exports: `crm/accounts.csv`, `crm/subscriptions.csv` and `crm/fx_rates.csv`.
struct SampleCRMFiles {
    let portfolio: SamplePortfolio

    /// Writes `crm/accounts.csv`, one row per account in id order.
    func writeAccounts(to directory: URL) throws -> (path: String, rows: Int, bytes: Int) {
        var file = try SampleCSVFile(directory: directory, source: .accounts)
        for account in portfolio.accounts {
            file.csv.appendField(account.id)
            file.csv.appendField(account.name)
            file.csv.appendField(account.plan.name)
            file.csv.appendField(account.industry)
            file.csv.appendField(account.region)
            file.csv.appendField(account.csm)
            file.csv.appendField(SampleFormat.date(account.signupDay))
            if let seats = account.seats { file.csv.appendInteger(seats) } else { file.csv.appendEmptyField() }
            file.csv.appendField(account.parentID)
            file.csv.appendField(account.renewalDay.map(SampleFormat.date))
            try file.endRow()
        }
        return try file.finish()
    }

    /// Writes `crm/subscriptions.csv`, each account's rows in start order, numbered
    /// `SUB-000001`… in that order.
    func writeSubscriptions(to directory: URL) throws -> (path: String, rows: Int, bytes: Int) {
        var file = try SampleCSVFile(directory: directory, source: .subscriptions)
        var number = 0
        for account in portfolio.accounts {
            for subscription in account.subscriptions {
                number += 1
                file.csv.appendField("SUB-" + SampleFormat.padded(number, width: 6))
                file.csv.appendField(account.id)
                file.csv.appendField(subscription.plan.name)
                file.csv.appendField(SampleFormat.date(subscription.startDay))
                file.csv.appendField(subscription.endDay.map(SampleFormat.date))
                file.csv.appendField(subscription.billing.label)
                file.csv.appendNumber(SampleFormat.decimal(subscription.amount, scale: subscription.currency.scale))
                file.csv.appendField(subscription.currency.code)
                file.csv.appendField(subscription.canceledDay.map(SampleFormat.date))
                try file.endRow()
            }
        }
        return try file.finish()
    }

    /// Writes `crm/fx_rates.csv`: yen per US dollar by month.
    func writeFXRates(to directory: URL) throws -> (path: String, rows: Int, bytes: Int) {
        var file = try SampleCSVFile(directory: directory, source: .fxRates)
        for row in portfolio.fxRates.rows {
            file.csv.appendField(SampleFormat.month(row.month))
            file.csv.appendField("USD")
            file.csv.appendNumber(SampleFormat.decimal(row.rate, scale: 2))
            try file.endRow()
        }
        return try file.finish()
    }
}
