import Foundation

/// Writes `product/usage_events.csv`, the largest file: per account and month, each active user's
/// days with events, pre-aggregated per (user, day, event) with a `count`.
///
/// The file is streamed month by month, account by account (rows of an account-month in time
/// order) through one reused byte buffer; numbers and timestamps are formatted into bytes
/// directly. Rows grow linearly with accounts × months.
///
/// Shape: a user base sized from seats; weekdays busier than weekends and holidays; accounts
/// that grow, hold steady or decline (and fade before they churn); new accounts ramp up; each
/// account adopts some of the key features over time (`ai.assist` only after its launch, two
/// thirds into the window).
struct SampleUsage {
    /// Event keys: the common ones first, then the key features.
    static let events: [[UInt8]] = [
        "login", "page.view", "search", "report.export", "workflow.create", "integration.sync",
        "dashboard.share", "ai.assist",
    ].map { Array($0.utf8) }
    static let keyFeatureOffset = 3
    /// Weights of a day's first event: login, page view, search, a key feature.
    static let firstEventWeights = [40, 25, 10, 25]
    /// Weights of a day's second event: a key feature, page view, search.
    static let secondEventWeights = [60, 25, 15]
    static let keyFeatureCount = 5

    /// What shapes one account's usage.
    struct Profile {
        let index: Int
        let accountID: [UInt8]
        /// `u-00123-`: the prefix of the account's user ids.
        let userPrefix: [UInt8]
        let userBase: Int
        let live: [Range<Int>]
        let firstLiveMonth: Int
        /// Share of users active in the first live month, per mille, and its monthly change.
        let baseUtilization: Int
        let slope: Int
        /// Month each key feature is adopted in (Int.max: never).
        let featureStart: [Int]
        let churnMonths: [Int]
    }

    let portfolio: SamplePortfolio
    let profiles: [Profile]

    init(portfolio: SamplePortfolio) {
        self.portfolio = portfolio
        let window = portfolio.window
        let aiLaunch = window.firstMonth + window.months * 2 / 3
        var profiles: [Profile] = []
        profiles.reserveCapacity(portfolio.accounts.count)
        for account in portfolio.accounts {
            var rng = SampleRandom(seed: portfolio.seed, 20, account.index)
            let firstLive = account.live.first.map { SampleCalendar.month(ofDay: $0.lowerBound) } ?? Int.max
            let base: Int
            let slope: Int
            var adopted: Int
            switch account.trend {
            case .growing:
                base = rng.int(350, 550); slope = rng.int(15, 30); adopted = rng.int(3, 5)
            case .stable:
                base = rng.int(500, 850); slope = rng.int(-5, 5); adopted = rng.int(1, 4)
            case .declining:
                base = rng.int(650, 900); slope = -rng.int(15, 30); adopted = rng.int(0, 3)
            }
            if account.plan == .enterprise { adopted += 1 }
            if account.plan == .free { adopted = min(adopted, 1) }
            // Adopt the first `adopted` features of a per-account order, each from some month on.
            var order = Array(0..<Self.keyFeatureCount)
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, rng.below(i + 1))
            }
            var featureStart = [Int](repeating: Int.max, count: Self.keyFeatureCount)
            let spread = max(1, min(window.months, 12))
            for (rank, feature) in order.enumerated() where rank < adopted {
                var month = (firstLive == Int.max ? window.firstMonth : firstLive) + rng.below(spread) * rank / 2
                if feature == Self.keyFeatureCount - 1 { month = max(month, aiLaunch) + rng.below(3) }
                featureStart[feature] = month
            }
            let number = SampleFormat.padded(account.number, width: 5)
            profiles.append(Profile(
                index: account.index, accountID: Array(account.id.utf8), userPrefix: Array("u-\(number)-".utf8),
                userBase: account.userBase, live: account.live, firstLiveMonth: firstLive, baseUtilization: base,
                slope: slope, featureStart: featureStart,
                churnMonths: account.churnDays.map { SampleCalendar.month(ofDay: $0 - 1) }))
        }
        self.profiles = profiles
    }

    /// Writes the file; returns what was written.
    func write(to directory: URL) throws -> (path: String, rows: Int, bytes: Int) {
        var file = try SampleCSVFile(directory: directory, source: .usageEvents)
        let window = portfolio.window
        var keys: [UInt64] = []
        keys.reserveCapacity(4_096)
        var timestamp = [UInt8](repeating: 0, count: 25)
        var userID = [UInt8](repeating: 0, count: 0)
        userID.reserveCapacity(32)
        for month in window.firstMonth...window.lastMonth {
            let days = SampleMonthDays(month: month)
            for profile in profiles {
                let liveMask = days.mask(of: profile.live)
                guard liveMask != 0 else { continue }
                var rng = SampleRandom(seed: portfolio.seed, 21, profile.index, month)
                keys.removeAll(keepingCapacity: true)
                collectRows(profile, month: month, days: days, liveMask: liveMask, rng: &rng, into: &keys)
                keys.sort()
                for key in keys {
                    let secondOfMonth = Int(key >> 32)
                    let user = Int((key >> 12) & 0xF_FFFF)
                    let event = Int((key >> 8) & 0xF)
                    let count = Int(key & 0xFF)
                    days.writeTimestamp(secondOfMonth: secondOfMonth, into: &timestamp)
                    file.csv.appendField(utf8: timestamp)
                    file.csv.appendField(utf8: profile.accountID)
                    userID.removeAll(keepingCapacity: true)
                    userID.append(contentsOf: profile.userPrefix)
                    SampleFormat.appendPadded(user + 1, width: 3, to: &userID)
                    file.csv.appendField(utf8: userID)
                    file.csv.appendField(utf8: Self.events[event])
                    file.csv.appendInteger(count)
                    try file.endRow()
                }
            }
        }
        return try file.finish()
    }

    /// The share of users active in `month`, per mille.
    private func utilization(_ profile: Profile, month: Int, rng: inout SampleRandom) -> Int {
        let age = max(0, month - profile.firstLiveMonth)
        var u = min(980, max(60, profile.baseUtilization + profile.slope * age))
        if age == 0 { u = u * 45 / 100 } else if age == 1 { u = u * 75 / 100 }
        for churn in profile.churnMonths {
            let ahead = churn - month
            if ahead >= 0 && ahead <= 3 { u = u * (ahead + 1) / 5 }
        }
        return u * rng.int(85, 115) / 100
    }

    /// Appends the account-month's rows as sort keys: second of the month, user, event, count.
    private func collectRows(_ profile: Profile, month: Int, days: SampleMonthDays, liveMask: UInt32,
                             rng: inout SampleRandom, into keys: inout [UInt64]) {
        let util = utilization(profile, month: month, rng: &rng)
        var features: [Int] = []
        for feature in 0..<Self.keyFeatureCount where profile.featureStart[feature] <= month {
            features.append(Self.keyFeatureOffset + feature)
        }
        let seed = portfolio.seed
        for user in 0..<min(profile.userBase, 0xF_FFFF) {
            guard rng.below(1000) < util else { continue }
            let trait = SampleRandom.hash(seed, 22, profile.index, user) % 100
            let activeDays: Int
            if trait < 10 {
                activeDays = rng.int(5, 11)
            } else if trait < 52 {
                activeDays = rng.int(2, 5)
            } else {
                activeDays = rng.int(1, 2)
            }
            var used: UInt32 = 0
            for _ in 0..<activeDays {
                for _ in 0..<6 {
                    let day = rng.below(days.count)
                    let bit: UInt32 = 1 << UInt32(day)
                    guard liveMask & bit != 0, used & bit == 0 else { continue }
                    let kind = days.kinds[day]
                    if kind == .weekend && !rng.chance(220) { continue }
                    if kind == .holiday && !rng.chance(250) { continue }
                    used |= bit
                    appendDay(day: day, kind: kind, user: user, features: features, rng: &rng, into: &keys)
                    break
                }
            }
        }
    }

    private func appendDay(day: Int, kind: SampleDayKind, user: Int, features: [Int],
                           rng: inout SampleRandom, into keys: inout [UInt64]) {
        let second = SampleMonthDays.workSecond(kind: kind, &rng)
        var first: Int
        switch rng.weighted(Self.firstEventWeights) {
        case 0: first = 0
        case 1: first = 1
        case 2: first = 2
        default: first = features.isEmpty ? 1 : features[rng.below(features.count)]
        }
        keys.append(key(day: day, second: second, user: user, event: first, count: count(for: first, &rng)))
        guard rng.chance(250) else { return }
        var second2: Int
        switch rng.weighted(Self.secondEventWeights) {
        case 0: second2 = features.isEmpty ? 1 : features[rng.below(features.count)]
        case 1: second2 = 1
        default: second2 = 2
        }
        guard second2 != first else { return }
        let later = min(86_399, second + rng.int(60, 1_800))
        keys.append(key(day: day, second: later, user: user, event: second2, count: count(for: second2, &rng)))
    }

    private func count(for event: Int, _ rng: inout SampleRandom) -> Int {
        if event == 0 { return rng.chance(700) ? 1 : rng.int(2, 3) }
        return rng.chance(650) ? 1 : rng.int(2, 10)
    }

    private func key(day: Int, second: Int, user: Int, event: Int, count: Int) -> UInt64 {
        UInt64(day * 86_400 + second) << 32 | UInt64(user) << 12 | UInt64(event) << 8 | UInt64(min(255, count))
    }
}
