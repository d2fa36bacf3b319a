import Tabular

/// Which users of each account were active on which local days of the four months M−3 … M, and which
/// key features they used in M−2 … M: everything adoption and health read from usage (docs/metrics.md §5,
/// §7) for M, for M−1 (`health_delta`) and for M−2 (M−1's `health_delta`, which `new` vs `ongoing`
/// alerts compare). Built in one pass over the events (or the warehouse's daily aggregates of an
/// append source); memory grows with active (account, user) pairs, not with events.
public struct UsageActivity: Sendable {
    /// One user's activity.
    struct UserDays {
        /// Active days as bits (bit d = day d + 1 of the month) of M−3, M−2, M−1 and M.
        var days: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        /// Key features used (bit k = key feature k) in M−2, M−1 and M.
        var features: (UInt64, UInt64, UInt64) = (0, 0, 0)
    }

    /// The reporting month M.
    let month: YearMonth
    /// The key features, in the pipeline's order (at most 64 count).
    let keyFeatures: [String]
    /// The pipeline's time zone, in which events fall on local days.
    let zone: ZoneOffsets
    /// Events at or after as-of have not happened yet.
    let asOf: Instant
    /// The first local date of M−3, M−2, M−1, M and M+1.
    let monthStarts: (Int32, Int32, Int32, Int32, Int32)
    /// (account key << 32 | user key) → slot in `users`.
    private var slots: [UInt64: Int32] = [:]
    /// Per slot.
    private var users: [UserDays] = []
    /// Per slot, its account key.
    private var userAccounts: [Int32] = []
    /// Per event key: −2 not looked up yet, −1 not a key feature, else its bit.
    private var eventBits: [Int8] = []
    /// Per account key, its account id.
    private var accountNames: [Int32: String] = [:]

    /// An empty record of the run's month and as-of, with the pipeline's key features and time zone.
    public init(period: ReportingPeriod, configuration: PipelineConfiguration) {
        let month = period.month
        self.month = month
        zone = ZoneOffsets(timeZone: configuration.timeZone)
        asOf = period.asOf
        keyFeatures = Array(configuration.adoption.keyFeatures.prefix(64))
        func first(_ m: YearMonth) -> Int32 { LocalDate(year: m.year, month: m.month, day: 1)!.daysSinceEpoch }
        monthStarts = (first(month.adding(months: -3)), first(month.adding(months: -2)), first(month.adding(months: -1)),
                       first(month), first(month.adding(months: 1)))
    }

    /// The local dates the record covers: the first day of M−3 up to the last day of M.
    var dates: ClosedRange<Int32> { monthStarts.0...(monthStarts.4 - 1) }

    /// Records that `user` of `account` used `event` on local date `day` (keys are the caller's
    /// numbering; `accountName` and `eventName` are asked once per new key). Days outside M−3…M are
    /// ignored; so are rows with count ≤ 0, which the caller drops (docs/metrics.md §5.5).
    @inline(__always)
    mutating func record(day: Int32, account: Int32, user: Int32, event: Int32,
                         accountName: (Int32) -> String, eventName: (Int32) -> String) {
        guard day >= monthStarts.0, day < monthStarts.4 else { return }
        let key = UInt64(UInt32(bitPattern: account)) << 32 | UInt64(UInt32(bitPattern: user))
        let slot: Int
        if let existing = slots[key] {
            slot = Int(existing)
        } else {
            slot = users.count
            slots[key] = Int32(slot)
            users.append(UserDays())
            userAccounts.append(account)
            if accountNames[account] == nil { accountNames[account] = accountName(account) }
        }
        let e = Int(event)
        if e >= eventBits.count { eventBits += [Int8](repeating: -2, count: e - eventBits.count + 1) }
        if eventBits[e] == -2 {
            eventBits[e] = keyFeatures.firstIndex(of: eventName(event)).map { Int8($0) } ?? -1
        }
        let bit = eventBits[e]
        if day >= monthStarts.3 {
            users[slot].days.3 |= 1 << UInt32(day - monthStarts.3)
            if bit >= 0 { users[slot].features.2 |= 1 << UInt64(bit) }
        } else if day >= monthStarts.2 {
            users[slot].days.2 |= 1 << UInt32(day - monthStarts.2)
            if bit >= 0 { users[slot].features.1 |= 1 << UInt64(bit) }
        } else if day >= monthStarts.1 {
            users[slot].days.1 |= 1 << UInt32(day - monthStarts.1)
            if bit >= 0 { users[slot].features.0 |= 1 << UInt64(bit) }
        } else {
            users[slot].days.0 |= 1 << UInt32(day - monthStarts.0)
        }
    }

    /// Records a batch of parsed usage events: those at or after `asOf` have not happened yet, rows
    /// with count ≤ 0 are no activity.
    public mutating func record(_ batch: UsageEventBatch, names: UsageNames) {
        let limit = asOf.millisecondsSinceEpoch
        for i in 0..<batch.count where batch.timestamps[i] < limit && batch.counts[i] > 0 {
            let day = zone.localDate(at: Instant(millisecondsSinceEpoch: batch.timestamps[i])).daysSinceEpoch
            record(day: day, account: batch.accounts[i], user: batch.users[i], event: batch.events[i],
                   accountName: { names.accounts.string($0) }, eventName: { names.events.string($0) })
        }
    }

    /// Per account id, its usage in the three months.
    public func accounts() -> [String: AccountUsage] {
        var result: [Int32: AccountUsage] = [:]
        let daysInMonth = [Int(monthStarts.2 - monthStarts.1), Int(monthStarts.3 - monthStarts.2), Int(monthStarts.4 - monthStarts.3)]
        for (slot, user) in users.enumerated() {
            var usage = result[userAccounts[slot]] ?? AccountUsage(daysInMonth: daysInMonth)
            usage.add(user)
            result[userAccounts[slot]] = usage
        }
        var named: [String: AccountUsage] = [:]
        for (key, usage) in result { named[accountNames[key]!] = usage }
        return named
    }
}

/// One account's usage: MAU of M−3 … M, and for M−2 … M Σ daily active users and key features.
/// Arrays are indexed by months back from M (0 is M).
public struct AccountUsage: Sendable, Equatable {
    /// Distinct active users in M, M−1, M−2, M−3.
    public var mau = [0, 0, 0, 0]
    /// Σ over the days of the month of distinct active users, in M, M−1, M−2.
    public var activeUserDays = [0, 0, 0]
    /// Key features used (bit k = key feature k) in M, M−1, M−2.
    public var features: [UInt64] = [0, 0, 0]
    /// Calendar days of M, M−1, M−2.
    let daysInMonth: [Int]

    /// No usage, in months of these lengths (M−2, M−1, M).
    init(daysInMonth: [Int]) { self.daysInMonth = Array(daysInMonth.reversed()) }

    mutating func add(_ user: UsageActivity.UserDays) {
        let days = [user.days.3, user.days.2, user.days.1, user.days.0]
        for k in 0..<4 where days[k] != 0 { mau[k] += 1 }
        for k in 0..<3 { activeUserDays[k] += days[k].nonzeroBitCount }
        features[0] |= user.features.2
        features[1] |= user.features.1
        features[2] |= user.features.0
    }
}
