/// A plan of the sample price list, from free to enterprise.
enum SamplePlan: Int, Comparable, Sendable {
    case free, starter, professional, enterprise

    /// The plan's name in the CRM.
    var name: String {
        switch self {
        case .free: "free"
        case .starter: "starter"
        case .professional: "professional"
        case .enterprise: "enterprise"
        }
    }

    /// The next plan up (enterprise stays enterprise).
    var upgraded: SamplePlan { SamplePlan(rawValue: rawValue + 1) ?? .enterprise }

    /// The next paid plan down (starter stays starter).
    var downgraded: SamplePlan { rawValue <= 1 ? self : SamplePlan(rawValue: rawValue - 1) ?? .starter }

    static func < (lhs: SamplePlan, rhs: SamplePlan) -> Bool { lhs.rawValue < rhs.rawValue }
}

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

/// A contract currency: the reporting currency (yen, whole units) or US dollars (cents).
enum SampleCurrency: Sendable {
    case jpy, usd

    /// The ISO 4217 code.
    var code: String { self == .jpy ? "JPY" : "USD" }

    /// Decimals of the minor unit the generator counts in.
    var scale: Int { self == .jpy ? 0 : 2 }
}

/// One row of `crm/subscriptions.csv`: a paid (or free) service period of an account.
struct SampleSubscription: Sendable {
    var plan: SamplePlan
    /// First day in service.
    var startDay: Int
    /// First day not in service; nil is open-ended.
    var endDay: Int?
    var billing: SampleBilling
    /// Price per billing period in minor units of `currency` (yen, or cents for USD).
    var amount: Int
    var currency: SampleCurrency
    /// The day the customer gave notice.
    var canceledDay: Int?

    /// Whether the subscription is in service on `day`.
    func isActive(on day: Int) -> Bool {
        startDay <= day && (endDay.map { day < $0 } ?? true)
    }
}
