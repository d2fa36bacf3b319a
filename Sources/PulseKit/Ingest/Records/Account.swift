import Tabular

/// A customer account from the CRM (`crm/accounts.csv`).
package struct Account: Sendable, Equatable {
    /// The unique key.
    package var id: String
    /// The customer's name (may hold commas, quotes, Japanese).
    package var name: String
    /// The plan, e.g. `enterprise`.
    package var plan: String
    /// The industry, if known.
    package var industry: String?
    /// The region, if known.
    package var region: String?
    /// The owning customer success manager, if any.
    package var csm: String?
    /// The start of onboarding.
    package var signupDate: LocalDate
    /// Purchased licences, if known.
    package var seats: Int?
    /// The parent account for roll-ups, if any.
    package var parentAccountID: String?
    /// The next contract renewal, if known.
    package var renewalDate: LocalDate?

    /// An account with the CRM's required columns and any optional ones.
    package init(id: String, name: String, plan: String, industry: String? = nil, region: String? = nil, csm: String? = nil,
                signupDate: LocalDate, seats: Int? = nil, parentAccountID: String? = nil, renewalDate: LocalDate? = nil) {
        self.id = id
        self.name = name
        self.plan = plan
        self.industry = industry
        self.region = region
        self.csm = csm
        self.signupDate = signupDate
        self.seats = seats
        self.parentAccountID = parentAccountID
        self.renewalDate = renewalDate
    }
}
