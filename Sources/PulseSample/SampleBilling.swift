/// How often a subscription is invoiced: the amount is the price of one such period.
enum SampleBilling: Equatable, Sendable {
    case monthly, quarterly, annual, biennial, triennial
    /// An integer number of months, written as that number (e.g. `6`).
    case months(Int)

    /// Months per billing period.
    var months: Int {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .annual: 12
        case .biennial: 24
        case .triennial: 36
        case .months(let count): max(1, count)
        }
    }

    /// The value of the `billing_period` column.
    var label: String {
        switch self {
        case .monthly: "monthly"
        case .quarterly: "quarterly"
        case .annual: "annual"
        case .biennial: "biennial"
        case .triennial: "triennial"
        case .months(let count): String(count)
        }
    }

    /// Percent of the list price paid for committing to the period.
    var pricePercent: Int {
        switch months {
        case ..<6: 100
        case ..<12: 97
        case ..<24: 90
        case ..<36: 85
        default: 80
        }
    }
}
