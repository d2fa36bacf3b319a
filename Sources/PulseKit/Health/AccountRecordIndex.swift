/// Each survey response's and ticket's account, as a position in the loaded accounts (−1 when the CRM
/// does not know it), and each NPS response's contact as a number: worked out once per run, so that
/// the facts of M, M−1, M−2 and every month of history are counted into arrays, not string maps.
struct AccountRecordIndex: Sendable {
    /// Per NPS response, its account's position.
    let npsAccount: [Int32]
    /// Per NPS response, its contact (`contact_id`, else its own response id) as a number.
    let npsContact: [Int32]
    /// Per CSAT response, its account's position.
    let csatAccount: [Int32]
    /// Per ticket, its account's position.
    let ticketAccount: [Int32]
    /// Each account's earliest first value and required milestones.
    let milestones: MilestoneEarliest

    /// The index of `data`'s records over the accounts of `scopes`, with the milestones `onboarding` names.
    init(_ data: ExtractedData, scopes: ScopeMembership, onboarding: OnboardingSettings) {
        milestones = MilestoneEarliest(data.accounts, milestones: data.milestones, settings: onboarding)
        func position(_ id: String) -> Int32 { scopes.position(of: id).map(Int32.init) ?? -1 }
        npsAccount = data.nps.map { position($0.accountID) }
        var contacts: [String: Int32] = [:]
        npsContact = data.nps.map { response in
            let key = AccountVoice.contact(of: response)
            if let known = contacts[key] { return known }
            let next = Int32(contacts.count)
            contacts[key] = next
            return next
        }
        csatAccount = data.csat.map { position($0.accountID) }
        ticketAccount = data.tickets.map { position($0.accountID) }
    }
}
