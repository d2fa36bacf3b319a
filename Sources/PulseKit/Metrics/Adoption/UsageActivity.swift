import Tabular

/// Which users of each account were active on which local days, and which key features they used,
/// in each of the months M−13 … M: everything adoption and health read from usage (docs/metrics.md §5,
/// §7) for M, for M−1 and M−2 (`health_delta` and `new` vs `ongoing` alerts), and for
/// every month of the twelve months of history before M (each with its month before, for `mau_change`).
/// Built in one pass over the events (or the warehouse's daily aggregates of an append source); memory
/// grows with active (account, user) pairs, not with events.
package struct UsageActivity: Sendable {
    /// How many months are kept: M and the 13 before it.
    package static let monthCount = 14

    /// The reporting month M.
    let month: YearMonth
    /// The key features, in the pipeline's order (at most 64 count).
    let keyFeatures: [String]
    /// The pipeline's time zone, in which events fall on local days.
    let zone: ZoneOffsets
    /// Events at or after as-of have not happened yet.
    let asOf: Instant
    /// The first local date of each month M−13 … M, then of M+1 (index 0 is M−13).
    let monthStarts: [Int32]
    /// Per local date from the first of M−13 (index 0), the index of its month.
    private let monthOfDay: [Int8]
    /// (account key << 32 | user key) → slot.
    private var slots: [UInt64: Int32] = [:]
    /// Per slot and month (`slot * monthCount + month`): active days as bits (bit d = day d + 1).
    private var days: [UInt32] = []
    /// Per slot and month: key features used (bit k = key feature k).
    private var features: [UInt64] = []
    /// Per slot, its account key.
    private var userAccounts: [Int32] = []
    /// Per event key: −2 not looked up yet, −1 not a key feature, else its bit.
    private var eventBits: [Int8] = []
    /// Per account key, its account id.
    private var accountNames: [Int32: String] = [:]
    /// The latest and the earliest local date with activity, if any.
    package private(set) var newestDay: LocalDate?
    package private(set) var oldestDay: LocalDate?

    /// An empty record of the run's month and as-of, with the pipeline's key features and time zone.
    package init(period: ReportingPeriod, configuration: PipelineConfiguration) {
        let month = period.month
        self.month = month
        zone = ZoneOffsets(timeZone: configuration.timeZone)
        asOf = period.asOf
        keyFeatures = Array(configuration.adoption.keyFeatures.prefix(64))
        let count = Self.monthCount
        monthStarts = (0...count).map { k in
            let m = month.adding(months: k - count + 1)
            return LocalDate(year: m.year, month: m.month, day: 1)!.daysSinceEpoch
        }
        var monthOfDay: [Int8] = []
        for k in 0..<count { monthOfDay += [Int8](repeating: Int8(k), count: Int(monthStarts[k + 1] - monthStarts[k])) }
        self.monthOfDay = monthOfDay
    }

    /// The local dates the record covers: the first day of M−13 up to the last day of M.
    var dates: ClosedRange<Int32> { monthStarts[0]...(monthStarts[Self.monthCount] - 1) }

    /// Records that `user` of `account` used `event` on local date `day` (keys are the caller's
    /// numbering; `accountName` and `eventName` are asked once per new key). Days outside M−13…M are
    /// ignored; so are rows with count ≤ 0, which the caller drops (docs/metrics.md §5.5).
    @inline(__always)
    mutating func record(day: Int32, account: Int32, user: Int32, event: Int32,
                         accountName: (Int32) -> String, eventName: (Int32) -> String) {
        guard day >= monthStarts[0], day < monthStarts[Self.monthCount] else { return }
        let key = UInt64(UInt32(bitPattern: account)) << 32 | UInt64(UInt32(bitPattern: user))
        let slot: Int
        if let existing = slots[key] {
            slot = Int(existing)
        } else {
            slot = userAccounts.count
            slots[key] = Int32(slot)
            days += repeatElement(0, count: Self.monthCount)
            features += repeatElement(0, count: Self.monthCount)
            userAccounts.append(account)
            if accountNames[account] == nil { accountNames[account] = accountName(account) }
        }
        let e = Int(event)
        if e >= eventBits.count { eventBits += [Int8](repeating: -2, count: e - eventBits.count + 1) }
        if eventBits[e] == -2 {
            eventBits[e] = keyFeatures.firstIndex(of: eventName(event)).map { Int8($0) } ?? -1
        }
        let m = Int(monthOfDay[Int(day - monthStarts[0])])
        let cell = slot * Self.monthCount + m
        days[cell] |= 1 << UInt32(day - monthStarts[m])
        let bit = eventBits[e]
        if bit >= 0 { features[cell] |= 1 << UInt64(bit) }
        if newestDay.map({ $0.daysSinceEpoch < day }) ?? true { newestDay = LocalDate(daysSinceEpoch: day) }
        if oldestDay.map({ $0.daysSinceEpoch > day }) ?? true { oldestDay = LocalDate(daysSinceEpoch: day) }
    }

    /// Records a batch of parsed usage events: those at or after `asOf` have not happened yet, rows
    /// with count ≤ 0 are no activity.
    package mutating func record(_ batch: UsageEventBatch, names: UsageNames) {
        let limit = asOf.millisecondsSinceEpoch
        for i in 0..<batch.count where batch.timestamps[i] < limit && batch.counts[i] > 0 {
            let day = zone.localDate(at: Instant(millisecondsSinceEpoch: batch.timestamps[i])).daysSinceEpoch
            record(day: day, account: batch.accounts[i], user: batch.users[i], event: batch.events[i],
                   accountName: { names.accounts.string($0) }, eventName: { names.events.string($0) })
        }
    }

    /// Whether any user was active in the month `monthsBack` months before M.
    package func hasActivity(monthsBack: Int) -> Bool {
        let m = Self.monthCount - 1 - monthsBack
        guard m >= 0 else { return false }
        return stride(from: m, to: days.count, by: Self.monthCount).contains { days[$0] != 0 }
    }

    /// Per account id, its usage seen from the month `monthsBack` months before M (0 is M): that month
    /// and the three before it (months before M−13 read as no activity).
    package func accounts(monthsBack: Int = 0) -> [String: AccountUsage] {
        monthly().accounts(monthsBack: monthsBack)
    }

    /// Every account's MAU, Σ daily active users and key features per month, added up once from the
    /// users: what ``UsageMonths/accounts(monthsBack:)`` reads for each month of a run.
    package func monthly() -> UsageMonths {
        let count = Self.monthCount
        var dense: [Int32: Int] = [:]
        var names: [String] = []
        for key in accountNames.keys.sorted() {
            dense[key] = names.count
            names.append(accountNames[key]!)
        }
        var mau = [Int32](repeating: 0, count: names.count * count)
        var activeDays = [Int32](repeating: 0, count: names.count * count)
        var used = [UInt64](repeating: 0, count: names.count * count)
        for slot in userAccounts.indices {
            let base = dense[userAccounts[slot]]! * count
            for m in 0..<count {
                let d = days[slot * count + m]
                guard d != 0 else { continue }
                mau[base + m] += 1
                activeDays[base + m] += Int32(d.nonzeroBitCount)
                used[base + m] |= features[slot * count + m]
            }
        }
        let lengths = (0..<count).map { Int(monthStarts[$0 + 1] - monthStarts[$0]) }
        return UsageMonths(names: names, mau: mau, activeDays: activeDays, features: used, daysInMonth: lengths)
    }
}

/// Every account's usage per month of the months a run keeps (M−13 … M): distinct active users, Σ
/// daily active users and key features used, from which each month's ``AccountUsage`` is read.
package struct UsageMonths: Sendable {
    /// The account ids.
    let names: [String]
    /// Per account and month (`account × monthCount + month`, month 0 is M−13).
    let mau: [Int32]
    let activeDays: [Int32]
    let features: [UInt64]
    /// Calendar days of each month.
    let daysInMonth: [Int]

    /// Per account id, its usage seen from the month `monthsBack` months before M (0 is M): that month
    /// and the three before it (months before M−13 read as no activity). Accounts without activity in
    /// those months are absent.
    package func accounts(monthsBack: Int) -> [String: AccountUsage] {
        let count = UsageActivity.monthCount
        let last = count - 1 - monthsBack
        precondition(last >= 0, "usage is kept for \(count) months")
        let lengths = (0..<3).map { last - $0 >= 0 ? daysInMonth[last - $0] : 30 }
        var result: [String: AccountUsage] = [:]
        result.reserveCapacity(names.count)
        for a in names.indices {
            var usage = AccountUsage(daysInMonth: lengths)
            var active = false
            for k in 0..<4 where last - k >= 0 {
                let cell = a * count + last - k
                guard mau[cell] != 0 else { continue }
                active = true
                usage.mau[k] = Int(mau[cell])
                if k < 3 {
                    usage.activeUserDays[k] = Int(activeDays[cell])
                    usage.features[k] = features[cell]
                }
            }
            if active { result[names[a]] = usage }
        }
        return result
    }
}

/// One account's usage: MAU of the month and the three before it, and for the month and the two before
/// it Σ daily active users and key features. Indexed by months back from the month (0 is the month).
package struct AccountUsage: Sendable, Equatable {
    /// Distinct active users in the month, one, two and three months before.
    package var mau: SIMD4<Int> = .zero
    /// Σ over the days of the month of distinct active users, in the month and the two before it.
    package var activeUserDays: SIMD4<Int> = .zero
    /// Key features used (bit k = key feature k) in the month and the two before it.
    package var features: SIMD4<UInt64> = .zero
    /// Calendar days of the month and the two before it.
    let daysInMonth: SIMD4<Int>

    /// No usage, in months of these lengths (the month, the one before, the one before that).
    init(daysInMonth: [Int]) {
        self.daysInMonth = SIMD4(daysInMonth[0], daysInMonth[1], daysInMonth[2], 30)
    }
}
