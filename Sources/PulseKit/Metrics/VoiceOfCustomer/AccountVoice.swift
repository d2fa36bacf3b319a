import Tabular

/// The per-account survey facts the health score reads (docs/metrics.md §4): account NPS over the latest
/// response of each contact in the 180 days before as-of, and account CSAT over the 90 days before
/// as-of.
enum AccountVoice {
    /// Account NPS per account id: 100 × (promoters − detractors) / n over the latest response of each
    /// contact (`contact_id`, else `response_id`) in [as-of − 180 × 24 h, as-of). A tie on
    /// `responded_at` goes to the later row in the file (docs/metrics.md §4.4). Accounts without such a
    /// response are absent.
    static func nps(_ responses: [NPSResponse], asOf: Instant) -> [String: Ratio] {
        let (ids, accounts) = numbered(responses.map(\.accountID))
        let (_, contacts) = numbered(responses.map(contact(of:)))
        let counts = npsCounts(responses, accounts: accounts, contacts: contacts, accountCount: ids.count, asOf: asOf)
        return ratios(ids, counts.map { (100 * $0.net, $0.answers) })
    }

    /// CSAT over each account's responses in [as-of − 90 × 24 h, as-of): rating ≥ 4 / all. Accounts
    /// without such a response are absent.
    static func csat90d(_ responses: [SurveyResponse], asOf: Instant) -> [String: Ratio] {
        let (ids, accounts) = numbered(responses.map(\.accountID))
        return ratios(ids, csatCounts(responses, accounts: accounts, accountCount: ids.count, asOf: asOf))
    }

    /// Per account number (`accounts[i]` is response i's account, −1 for none), the net promoters and
    /// the answers behind account NPS as of `asOf`; `contacts[i]` numbers response i's contact.
    static func npsCounts(_ responses: [NPSResponse], accounts: [Int32], contacts: [Int32], accountCount: Int,
                          asOf: Instant) -> [(net: Int, answers: Int)] {
        let from = Instant(millisecondsSinceEpoch: asOf.millisecondsSinceEpoch - 180 * 86_400_000)
        var latest: [UInt64: (at: Instant, score: Int)] = [:]
        for i in responses.indices {
            let p = accounts[i]
            let at = responses[i].respondedAt
            guard p >= 0, at >= from, at < asOf else { continue }
            let key = UInt64(UInt32(p)) << 32 | UInt64(UInt32(bitPattern: contacts[i]))
            if let kept = latest[key], kept.at > at { continue }
            latest[key] = (at, responses[i].score)
        }
        var counts = [(net: Int, answers: Int)](repeating: (0, 0), count: accountCount)
        for (key, answer) in latest {
            let p = Int(key >> 32)
            counts[p].answers += 1
            if answer.score >= 9 { counts[p].net += 1 } else if answer.score <= 6 { counts[p].net -= 1 }
        }
        return counts
    }

    /// Per account number, the satisfied and all CSAT responses of the 90 days before `asOf`.
    static func csatCounts(_ responses: [SurveyResponse], accounts: [Int32], accountCount: Int,
                           asOf: Instant) -> [(satisfied: Int, all: Int)] {
        let from = Instant(millisecondsSinceEpoch: asOf.millisecondsSinceEpoch - 90 * 86_400_000)
        var counts = [(satisfied: Int, all: Int)](repeating: (0, 0), count: accountCount)
        for i in responses.indices {
            let p = Int(accounts[i])
            let at = responses[i].respondedAt
            guard p >= 0, at >= from, at < asOf else { continue }
            counts[p].all += 1
            if responses[i].score >= 4 { counts[p].satisfied += 1 }
        }
        return counts
    }

    /// Who answered: the contact, else the response itself (each response without a contact is its
    /// own respondent).
    static func contact(of response: NPSResponse) -> String { response.contactID ?? "response:" + response.id }

    /// The distinct `keys` in order of first appearance, and each key's number.
    private static func numbered(_ keys: [String]) -> (distinct: [String], numbers: [Int32]) {
        var index: [String: Int32] = [:]
        var distinct: [String] = []
        let numbers = keys.map { key -> Int32 in
            if let known = index[key] { return known }
            index[key] = Int32(distinct.count)
            distinct.append(key)
            return Int32(distinct.count - 1)
        }
        return (distinct, numbers)
    }

    /// Each id's ratio, for ids with a non-zero denominator.
    private static func ratios(_ ids: [String], _ counts: [(Int, Int)]) -> [String: Ratio] {
        var result: [String: Ratio] = [:]
        for (k, count) in counts.enumerated() where count.1 > 0 { result[ids[k]] = Ratio(count.0, count.1) }
        return result
    }
}
