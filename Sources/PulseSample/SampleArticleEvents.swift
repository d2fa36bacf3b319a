import Foundation

/// Writes `helpcenter/article_events.csv`: help-center article views by the accounts in service
/// (a couple a month, more for larger teams) and by anonymous readers (empty `account_id`), a few
/// of them followed by a helpful or not-helpful vote. Popular articles are read far more than
/// the rest, and some articles help more than others. Streamed month by month in time order.
struct SampleArticleEvents {
    let portfolio: SamplePortfolio

    static let articleCount = 120
    static let eventNames: [[UInt8]] = ["view", "helpful", "not_helpful"].map { Array($0.utf8) }

    /// Writes the file; returns what was written.
    func write(to directory: URL) throws -> (path: String, rows: Int, bytes: Int) {
        var file = try SampleCSVFile(directory: directory, source: .articleEvents)
        let window = portfolio.window
        let seed = portfolio.seed
        let popularity = (0..<Self.articleCount).map { 1_200 / ($0 + 2) + 2 }
        var helpfulness: [Int] = []
        var ids: [[UInt8]] = []
        var setup = SampleRandom(seed: seed, 60)
        for article in 0..<Self.articleCount {
            helpfulness.append(setup.int(450, 900))
            ids.append(Array(("KB-" + SampleFormat.padded(article + 1001, width: 4)).utf8))
        }
        let accountIDs = portfolio.accounts.map { Array($0.id.utf8) }
        var keys: [UInt64] = []
        var timestamp = [UInt8](repeating: 0, count: 25)

        for month in window.firstMonth...window.lastMonth {
            let days = SampleMonthDays(month: month)
            keys.removeAll(keepingCapacity: true)
            var monthRng = SampleRandom(seed: seed, 61, month)
            for account in portfolio.accounts {
                let mask = days.mask(of: account.live)
                guard mask != 0 else { continue }
                var rng = SampleRandom(seed: seed, 62, account.index, month)
                let views = rng.below(3) + (account.userBase >= 10 ? rng.below(2) : 0)
                for _ in 0..<views {
                    for _ in 0..<8 {
                        let day = rng.below(days.count)
                        guard mask & (1 << UInt32(day)) != 0 else { continue }
                        let second = day * 86_400 + SampleMonthDays.workSecond(kind: days.kinds[day], &rng)
                        appendView(second: second, slot: account.index + 1, popularity: popularity,
                                   helpfulness: helpfulness, &rng, into: &keys)
                        break
                    }
                }
            }
            let anonymous = max(1, portfolio.accounts.count * 2 / 5)
            for _ in 0..<anonymous {
                let day = monthRng.below(days.count)
                let kind = days.kinds[day]
                let second = day * 86_400 + (kind == .workday && monthRng.chance(700)
                    ? SampleMonthDays.workSecond(kind: kind, &monthRng) : monthRng.below(86_400))
                appendView(second: second, slot: 0, popularity: popularity, helpfulness: helpfulness,
                           &monthRng, into: &keys)
            }
            keys.sort()
            for key in keys {
                days.writeTimestamp(secondOfMonth: Int(key >> 40), into: &timestamp)
                let slot = Int((key >> 16) & 0xFF_FFFF)
                file.csv.appendField(utf8: timestamp)
                if slot == 0 { file.csv.appendEmptyField() } else { file.csv.appendField(utf8: accountIDs[slot - 1]) }
                file.csv.appendField(utf8: ids[Int((key >> 4) & 0xFFF)])
                file.csv.appendField(utf8: Self.eventNames[Int(key & 0xF)])
                try file.endRow()
            }
        }
        return try file.finish()
    }

    private func appendView(second: Int, slot: Int, popularity: [Int], helpfulness: [Int],
                            _ rng: inout SampleRandom, into keys: inout [UInt64]) {
        let article = rng.weighted(popularity)
        keys.append(key(second: second, slot: slot, article: article, event: 0))
        guard rng.chance(110) else { return }
        let vote = rng.chance(helpfulness[article]) ? 1 : 2
        let later = min(days86399(second), second + rng.int(20, 400))
        keys.append(key(second: later, slot: slot, article: article, event: vote))
    }

    /// The last second of the day of `second`.
    private func days86399(_ second: Int) -> Int {
        second / 86_400 * 86_400 + 86_399
    }

    private func key(second: Int, slot: Int, article: Int, event: Int) -> UInt64 {
        UInt64(second) << 40 | UInt64(slot & 0xFF_FFFF) << 16 | UInt64(article) << 4 | UInt64(event)
    }
}
