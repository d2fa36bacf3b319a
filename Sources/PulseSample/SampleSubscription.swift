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
