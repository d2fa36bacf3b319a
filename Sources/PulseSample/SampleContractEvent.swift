/// Something that happens to an account's contracts on a day.
struct SampleContractEvent: Sendable {
    /// What happens.
    enum Kind: Sendable {
        /// The customer gives notice on the day (or, without `notice`, simply stops); the contract
        /// ends on the first of the next month (`endsOnFirst`), mid-month, or, for term and
        /// multi-month contracts, at the end of the paid period.
        case churn(endsOnFirst: Bool, notice: Bool)
        /// A higher plan replaces the current one back to back.
        case upgrade
        /// A lower plan replaces the current one back to back.
        case downgrade
        /// A second subscription (more seats) is added.
        case addOn
        /// The second subscription ends on the day.
        case dropAddOn
        /// A churned customer comes back.
        case reactivate
        /// A short paid pilot that starts and ends inside the month.
        case blip
    }

    /// The month the event happens in.
    let month: Int
    /// The day it happens on (a day number, not a day of the month).
    let day: Int
    let kind: Kind
}
