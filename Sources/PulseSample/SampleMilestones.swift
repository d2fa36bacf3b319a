import Foundation

/// Writes `product/milestones.csv`: each account's onboarding after signup (kickoff, first login,
/// setup, first value, training), mostly on time, some late, some never (a quarter of onboardings
/// skip training, one in ten never reaches first value); recent signups are still part way.
/// Dates are mostly plain dates, some datetimes; now and then a milestone is recorded twice
/// (the earliest counts).
struct SampleMilestones {
    let portfolio: SamplePortfolio

    static let names = ["kickoff", "first_login", "setup_complete", "first_value", "training_complete"]

    /// Writes the file; returns what was written.
    func write(to directory: URL) throws -> (path: String, rows: Int, bytes: Int) {
        var file = try SampleCSVFile(directory: directory, source: .milestones)
        let end = portfolio.window.endInstant
        struct Row {
            let name: Int
            let instant: Int
            let withTime: Bool
        }
        var rows: [Row] = []
        for account in portfolio.accounts {
            var rng = SampleRandom(seed: portfolio.seed, 50, account.index)
            let signup = account.signupDay
            let gap = account.story?.onboardingGap
            let late = rng.chance(150)
            var offsets: [Int?] = [
                late ? rng.int(9, 20) : rng.int(1, 6),
                account.firstLoginDay - signup,
                late || rng.chance(100) ? rng.int(31, 60) : rng.int(10, 28),
                rng.chance(100) ? nil : (late || rng.chance(120) ? rng.int(61, 100) : rng.int(14, 55)),
                rng.chance(250) ? nil : rng.int(20, 80),
            ]
            if rng.chance(30) { offsets[0] = nil }
            if gap == .kickoffMissing { offsets[0] = nil; offsets[2] = nil }
            if gap == .firstValueMissing { offsets[3] = nil; offsets[4] = nil }
            rows.removeAll(keepingCapacity: true)
            for (name, offset) in offsets.enumerated() {
                guard let offset else { continue }
                let withTime = rng.chance(300)
                let instant = (signup + offset) * 86_400 + (withTime ? SampleMonthDays.workSecond(kind: .workday, &rng) : 0)
                guard instant < end else { continue }
                rows.append(Row(name: name, instant: instant, withTime: withTime))
                if rng.chance(15), instant + 7 * 86_400 < end {
                    rows.append(Row(name: name, instant: instant + rng.int(2, 7) * 86_400, withTime: false))
                }
            }
            rows.sort { ($0.instant, $0.name) < ($1.instant, $1.name) }
            for row in rows {
                file.csv.appendField(account.id)
                file.csv.appendField(Self.names[row.name])
                file.csv.appendField(row.withTime ? SampleFormat.dateTime(row.instant)
                                                   : SampleFormat.date(SampleCalendar.floorDiv(row.instant, 86_400)))
                try file.endRow()
            }
        }
        return try file.finish()
    }
}
