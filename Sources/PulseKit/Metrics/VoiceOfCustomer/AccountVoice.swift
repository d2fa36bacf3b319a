import Tabular

/// The per-account survey facts the health score reads (docs/metrics.md §4): account NPS over the latest
/// response of each contact in the 180 days before as-of, and account CSAT over the 90 days before
/// as-of.
enum AccountVoice {
    /// Account NPS per account id: 100 × (promoters − detractors) / n over the latest response of each
    /// contact (`contact_id`, else `response_id`) in [as-of − 180 × 24 h, as-of). A tie on
    /// `responded_at` goes to the later row in the file (docs/metrics.md §4.4). Accounts without such a response
    /// are absent.
    static func nps(_ responses: [NPSResponse], asOf: Instant) -> [String: Ratio] {
        let from = Instant(millisecondsSinceEpoch: asOf.millisecondsSinceEpoch - 180 * 86_400_000)
        var latest: [String: [String: (at: Instant, score: Int)]] = [:]
        for response in responses where response.respondedAt >= from && response.respondedAt < asOf {
            let contact = response.contactID ?? "response:" + response.id
            if let kept = latest[response.accountID]?[contact], kept.at > response.respondedAt { continue }
            latest[response.accountID, default: [:]][contact] = (response.respondedAt, response.score)
        }
        return latest.mapValues { contacts in
            var promoters = 0, detractors = 0
            for (_, answer) in contacts {
                if answer.score >= 9 { promoters += 1 } else if answer.score <= 6 { detractors += 1 }
            }
            return Ratio(100 * (promoters - detractors), contacts.count)
        }
    }

    /// CSAT over each account's responses in [as-of − 90 × 24 h, as-of): rating ≥ 4 / all. Accounts
    /// without such a response are absent.
    static func csat90d(_ responses: [SurveyResponse], asOf: Instant) -> [String: Ratio] {
        let from = Instant(millisecondsSinceEpoch: asOf.millisecondsSinceEpoch - 90 * 86_400_000)
        var counts: [String: (satisfied: Int, all: Int)] = [:]
        for response in responses where response.respondedAt >= from && response.respondedAt < asOf {
            counts[response.accountID, default: (0, 0)].all += 1
            if response.score >= 4 { counts[response.accountID, default: (0, 0)].satisfied += 1 }
        }
        return counts.mapValues { Ratio($0.satisfied, $0.all) }
    }
}
