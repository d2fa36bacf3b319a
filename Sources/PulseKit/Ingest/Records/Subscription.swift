import Foundation
import Tabular

/// One paid service period of an account: a contract line (`crm/subscriptions.csv`).
package struct Subscription: Sendable, Equatable {
    /// The unique key.
    package var id: String
    /// The account it belongs to (known to the CRM).
    package var accountID: String
    /// The plan, if given.
    package var plan: String?
    /// The first day in service.
    package var startDate: LocalDate
    /// The first day not in service (exclusive); nil is open-ended.
    package var endDate: LocalDate?
    /// The months one billing period covers (1, 3, 12, 24, 36 or the integer given).
    package var billingMonths: Int
    /// The price per billing period, in `currency`, ≥ 0, exactly as written.
    package var amount: ExactDecimal
    /// The ISO 4217 currency of `amount`.
    package var currency: String
    /// The day the customer gave notice, if any.
    package var canceledAt: LocalDate?
    /// The subscription's MRR in the reporting currency (``SubscriptionMRR``), constant for its life.
    package var mrr: Money
    /// The position of its account in ``ExtractedData/accounts``, resolved when the row was checked
    /// against the accounts, so that the transform joins without looking ids up again.
    package var accountIndex: Int

    /// A subscription as the reader keeps it, with its MRR already computed.
    package init(id: String, accountID: String, plan: String?, startDate: LocalDate, endDate: LocalDate?, billingMonths: Int,
                amount: ExactDecimal, currency: String, canceledAt: LocalDate?, mrr: Money, accountIndex: Int) {
        self.id = id
        self.accountID = accountID
        self.plan = plan
        self.startDate = startDate
        self.endDate = endDate
        self.billingMonths = billingMonths
        self.amount = amount
        self.currency = currency
        self.canceledAt = canceledAt
        self.mrr = mrr
        self.accountIndex = accountIndex
    }
}

/// The billing periods a subscription may name, and how many months each covers.
package enum BillingPeriod {
    /// Months per billing period: a name (`monthly`, `quarterly`, `annual`, `biennial`,
    /// `triennial`) or a positive integer number of months.
    package static func months(_ text: String) throws(ValueError) -> Int {
        switch text.lowercased() {
        case "monthly": return 1
        case "quarterly": return 3
        case "annual", "yearly": return 12
        case "biennial": return 24
        case "triennial": return 36
        default:
            if let n = Int(text), n > 0, n <= 120 { return n }
            throw ValueError("expected monthly, quarterly, annual, biennial, triennial or a number of months (1–120), got \"\(text.prefix(60))\"")
        }
    }
}
