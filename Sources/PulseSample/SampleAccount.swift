/// One account of the sample: its CRM row, its contracts, and the traits that shape its activity
/// (how its usage trends, how happy it is, how many people use it).
struct SampleAccount: Sendable {
    /// Position in the CRM (0-based).
    let index: Int
    /// `account_id`, e.g. `A00123`.
    let id: String
    var name: String
    /// The current plan (the last one for former customers).
    var plan: SamplePlan
    var industry: String?
    var region: String?
    var csm: String?
    var signupDay: Int
    /// Purchased licences; nil is written as an empty cell.
    var seats: Int?
    var parentID: String?
    var renewalDay: Int?
    var currency: SampleCurrency
    var story: SampleStory?
    var subscriptions: [SampleSubscription]

    /// Where the account's usage is heading.
    var trend: SampleTrend
    /// How happy the account is, 0…1000 (drives survey answers and ticket volume).
    var sentiment: Int
    /// The day of the first login (usage starts then).
    var firstLoginDay: Int
    /// Day ranges inside the window in which the account can use the product.
    var live: [Range<Int>]
    /// Days inside the window on which the account stopped paying (usage fades before them).
    var churnDays: [Int]
    /// People with a login.
    var userBase: Int
    /// Survey contacts.
    var contacts: Int

    /// The account number in ids (`index + 1`).
    var number: Int { index + 1 }

    /// Whether the account can use the product on `day`.
    func isLive(on day: Int) -> Bool {
        for range in live where range.contains(day) { return true }
        return false
    }

    /// Whether the account pays on `day`.
    func isPaying(on day: Int) -> Bool {
        subscriptions.contains { $0.amount > 0 && $0.isActive(on: day) }
    }
}
