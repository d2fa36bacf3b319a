import Foundation

/// Writes `overrides/health_overrides.csv`: a few manual health overrides by CSMs on accounts in
/// service, with a score or a band and a reason. Some are still in force, one has expired, one
/// expires exactly on the day after the data ends, and one account has two rows (the later one
/// applies).
struct SampleHealthOverrides {
    let portfolio: SamplePortfolio

    /// Writes the file; returns what was written.
    func write(to directory: URL) throws -> (path: String, rows: Int, bytes: Int) {
        var file = try SampleCSVFile(directory: directory, source: .healthOverrides)
        let window = portfolio.window
        var rng = SampleRandom(seed: portfolio.seed, 70)
        let lastDay = window.endDay - 1
        let paying = portfolio.accounts.filter { $0.isPaying(on: lastDay) }.map(\.index)
        guard !paying.isEmpty else { return try file.finish() }
        let wanted = min(paying.count, max(3, portfolio.accounts.count / 40))
        var chosen: [Int] = []
        var tries = 0
        while chosen.count < wanted && tries < wanted * 20 {
            tries += 1
            let index = paying[rng.below(paying.count)]
            if !chosen.contains(index) { chosen.append(index) }
        }
        chosen.sort()
        let expiredAt = SampleCalendar.firstDay(ofMonth: window.monthBeforeEnd(2)) + 14
        for (position, index) in chosen.enumerated() {
            let account = portfolio.accounts[index]
            let author = account.csm ?? SampleVocabulary.csm(0)
            var expires: Int
            switch position % 4 {
            case 1: expires = expiredAt
            case 2: expires = window.endDay
            default: expires = window.endDay + rng.int(15, 120)
            }
            if position == 0 {
                write(&file, account, score: nil, band: "red", reason: SampleVocabulary.overrideReasons[1],
                      author: author, expires: window.endDay + 45)
                try file.endRow()
                write(&file, account, score: nil, band: "yellow", reason: SampleVocabulary.overrideReasons[0],
                      author: author, expires: window.endDay + 90)
                try file.endRow()
                continue
            }
            let byScore = rng.chance(500)
            let tenths = rng.chance(300) ? rng.int(40, 190) * 5 : rng.int(2, 9) * 100
            let score = tenths % 10 == 0 ? SampleFormat.decimal(tenths / 10, scale: 0) : SampleFormat.decimal(tenths, scale: 1)
            write(&file, account, score: byScore ? score : nil,
                  band: byScore ? nil : ["green", "yellow", "red"][rng.below(3)],
                  reason: rng.pick(SampleVocabulary.overrideReasons), author: author, expires: expires)
            try file.endRow()
        }
        return try file.finish()
    }

    private func write(_ file: inout SampleCSVFile, _ account: SampleAccount, score: String?, band: String?,
                       reason: String, author: String, expires: Int) {
        file.csv.appendField(account.id)
        if let score { file.csv.appendNumber(score) } else { file.csv.appendEmptyField() }
        file.csv.appendField(band)
        file.csv.appendField(reason)
        file.csv.appendField(author)
        file.csv.appendField(SampleFormat.date(expires))
    }
}
