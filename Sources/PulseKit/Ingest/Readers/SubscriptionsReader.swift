import Foundation
import Tabular

/// Reads `crm/subscriptions.csv` and checks each row against the accounts and exchange rates:
/// a unique `subscription_id`, a known account, `end_date` after `start_date`, amount ≥ 0, and
/// for a foreign currency an exchange rate for the start month or an earlier one. Each kept row
/// carries its MRR in the reporting currency.
struct SubscriptionsReader {
    let settings: SourceConfiguration
    let context: IngestContext
    /// Account id → its position in the loaded accounts.
    let accountIndex: [String: Int]
    let exchangeRates: ExchangeRates

    func read(into log: inout IngestLog) throws(IngestError) -> ([Subscription], SourceLoad) {
        let grammars = try SourceGrammars(settings: settings, timeZone: context.timeZone)
        var seen = Set<String>()
        let reportingCurrency = context.currency
        let reader = CSVSourceReader(settings: settings, dataDirectory: context.dataDirectory)
        return try reader.read(into: &log) { row -> Subscription? in
            let id = row.requiredText("subscription_id")
            let accountID = row.requiredText("account_id")
            let start = row.requiredDate("start_date", grammars)
            let end = row.optionalDate("end_date", grammars)
            let months = row.required("billing_period") { (bytes) throws(ValueError) in
                try BillingPeriod.months(String(decoding: bytes, as: UTF8.self))
            }
            let amount = row.required("amount") { (bytes) throws(ValueError) in try DecimalGrammar.parseExact(bytes, allowNegative: false) }
            let currency = row.text("currency") == nil ? reportingCurrency : (row.required("currency", CurrencyCode.parse) ?? reportingCurrency)
            let canceledAt = row.optionalDate("canceled_at", grammars)
            guard !row.isRejected, let start, let months, let amount else { return nil }
            if let end, end <= start {
                row.reject("end_date", "end_date \(end) is not after start_date \(start)")
                return nil
            }
            guard let accountPosition = accountIndex[accountID] else {
                row.reject("account_id", "unknown account_id \"\(accountID.prefix(60))\" (not in accounts)")
                return nil
            }
            var rate = ExactDecimal(significand: 1)
            if currency != reportingCurrency {
                let startMonth = YearMonth(year: start.year, month: start.month)!
                guard let found = exchangeRates.rate(of: currency, in: startMonth) else {
                    row.reject("currency", "no exchange rate for \(currency) in \(startMonth) or any earlier month")
                    return nil
                }
                rate = found
            }
            guard let mrr = SubscriptionMRR.mrr(amount: amount, rate: rate, months: months) else {
                row.reject("amount", "amount \(amount) \(currency) gives an MRR too large to hold exactly (over 922 trillion)")
                return nil
            }
            guard seen.insert(id).inserted else {
                row.reject("subscription_id", "duplicate subscription_id \"\(id.prefix(60))\" (an earlier row has it)")
                return nil
            }
            return Subscription(id: id, accountID: accountID, plan: row.text("plan"), startDate: start, endDate: end,
                                billingMonths: months, amount: amount, currency: currency, canceledAt: canceledAt, mrr: mrr, accountIndex: accountPosition)
        }
    }
}
