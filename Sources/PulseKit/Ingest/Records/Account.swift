import Tabular

/// A customer account from the CRM (`crm/accounts.csv`).
public struct Account: Sendable, Equatable {
    /// The unique key.
    public var id: String
    /// The customer's name (may hold commas, quotes, Japanese).
    public var name: String
    /// The plan, e.g. `enterprise`.
    public var plan: String
    /// The industry, if known.
    public var industry: String?
    /// The region, if known.
    public var region: String?
    /// The owning customer success manager, if any.
    public var csm: String?
    /// The start of onboarding.
    public var signupDate: LocalDate
    /// Purchased licences, if known.
    public var seats: Int?
    /// The parent account for roll-ups, if any.
    public var parentAccountID: String?
    /// The next contract renewal, if known.
    public var renewalDate: LocalDate?

    /// An account with the CRM's required columns and any optional ones.
    public init(id: String, name: String, plan: String, industry: String? = nil, region: String? = nil, csm: String? = nil,
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
