import Foundation

/// Writes `surveys/nps.csv`: a relationship survey that reaches each contact every six months
/// (contacts staggered over the months), answered by a bit under half of them. Scores follow the
/// account's mood, which improves for growing accounts and sours for declining ones; about a
/// third of answers carry a comment, in Japanese or English, some with commas, quotes or a line
/// break. Some accounts never answer.
struct SampleNPS {
    let portfolio: SamplePortfolio

    /// Writes the file; returns what was written.
    func write(to directory: URL) throws -> (path: String, rows: Int, bytes: Int) {
        var file = try SampleCSVFile(directory: directory, source: .nps)
        let window = portfolio.window
        let seed = portfolio.seed
        var number = 0
        struct Response {
            let second: Int
            let account: Int
            let contact: Int
            let score: Int
            let comment: String?
        }
        var responses: [Response] = []
        for month in window.firstMonth...window.lastMonth {
            let days = SampleMonthDays(month: month)
            responses.removeAll(keepingCapacity: true)
            for account in portfolio.accounts {
                guard SampleRandom.hash(seed, 40, account.index) % 100 >= 15,
                      month > SampleCalendar.month(ofDay: account.signupDay) else { continue }
                let mask = days.mask(of: account.live)
                guard mask != 0 else { continue }
                var rng = SampleRandom(seed: seed, 41, account.index, month)
                let age = month - window.firstMonth
                var mood = account.sentiment
                switch account.trend {
                case .growing: mood += 8 * age
                case .stable: break
                case .declining: mood -= 10 * age
                }
                mood = min(950, max(50, mood))
                for contact in 0..<account.contacts {
                    let phase = Int(SampleRandom.hash(seed, 42, account.index, contact) % 6)
                    guard ((month - phase) % 6 + 6) % 6 == 0, rng.chance(450) else { continue }
                    var second: Int?
                    for _ in 0..<10 {
                        let day = rng.below(days.count)
                        guard mask & (1 << UInt32(day)) != 0 else { continue }
                        second = day * 86_400 + SampleMonthDays.workSecond(kind: days.kinds[day], &rng)
                        break
                    }
                    guard let second else { continue }
                    let score = Self.score(mood: mood, &rng)
                    var comment: String?
                    if rng.chance(300) {
                        let pool = score >= 9 ? SampleVocabulary.promoterComments
                            : score >= 7 ? SampleVocabulary.passiveComments : SampleVocabulary.detractorComments
                        comment = rng.pick(pool)
                    }
                    responses.append(Response(second: second, account: account.index, contact: contact,
                                              score: score, comment: comment))
                }
            }
            responses.sort { ($0.second, $0.account, $0.contact) < ($1.second, $1.account, $1.contact) }
            for response in responses {
                let account = portfolio.accounts[response.account]
                number += 1
                file.csv.appendField("NPS-" + SampleFormat.padded(number, width: 6))
                file.csv.appendField(account.id)
                file.csv.appendField("c-" + SampleFormat.padded(account.number, width: 5) + "-"
                                     + SampleFormat.padded(response.contact + 1, width: 2))
                file.csv.appendInteger(response.score)
                file.csv.appendField(SampleFormat.dateTime(days.firstDay * 86_400 + response.second))
                file.csv.appendField(response.comment)
                try file.endRow()
            }
        }
        return try file.finish()
    }

    /// A 0–10 score: promoters more likely the happier the account, detractors the less.
    static func score(mood: Int, _ rng: inout SampleRandom) -> Int {
        let promoter = mood * 65 / 100
        let detractor = (1_000 - mood) * 45 / 100
        let draw = rng.below(1_000)
        if draw < promoter { return rng.chance(550) ? 10 : 9 }
        if draw < promoter + detractor { return rng.weighted([1, 1, 2, 3, 5, 8, 10]) }
        return rng.chance(500) ? 8 : 7
    }
}
