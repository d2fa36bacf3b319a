import Tabular

/// Builds every account's MRR month by month from its subscriptions and adds up each month's movements
/// into ``RevenueTotals`` per tier × plan cell (docs/metrics.md §1–2).
///
/// Subscriptions are reduced to compact month spans grouped by account (a counting sort on the account
/// position the reader resolved); each account is then handled on its own with a small month-indexed
/// scratch row, so memory stays O(accounts + subscriptions) whatever the history length.
struct RevenueLedger {
    /// The loaded accounts (the roster: every account of the CRM, paying or not).
    let accounts: [Account]
    /// Subscriptions of known accounts, each with its MRR and its account's position in `accounts`.
    let subscriptions: [Subscription]
    /// The tier rules.
    let tiers: TierAssignment
    /// The months to compute.
    let window: RevenueWindow
    /// The last local date before as-of in M: a `canceled_at` on or before it is "before as-of".
    let lastDateBeforeAsOf: LocalDate

    /// One paying subscription reduced to what the month loop reads, in window indices.
    private struct Span {
        /// The first window index where it is active at month end.
        var low: Int16
        /// The first window index where it no longer is (at most the window's width).
        var high: Int16
        /// The first window index from which it counts as scheduled churn (≥ `high` when never).
        var scheduledFrom: Int16
        /// Its MRR in ten-thousandths (> 0).
        var mrr: Int64
    }

    /// Computes the result.
    /// - Complexity: O(A × W + S) for A accounts, S subscriptions and W months in the window.
    func run() -> RevenueResult {
        let (plans, planOfAccount) = planIndex()
        let tierCount = tiers.names.count + 1
        let cellCount = tierCount * plans.count
        let (spans, bounds, firstPaid) = groupedSpans()
        var cells = [RevenueTotals](repeating: RevenueTotals(), count: window.computedMonths * cellCount)
        var results = [AccountRevenue](repeating: AccountRevenue(mrrStart: 0, mrrEnd: 0, movement: .flat, tier: 0),
                                       count: accounts.count)
        var untieredSeen = false
        accounts.withUnsafeBufferPointer { accounts in
            spans.withUnsafeBufferPointer { spans in
                cells.withUnsafeMutableBufferPointer { cells in
                    results.withUnsafeMutableBufferPointer { results in
                        untieredSeen = accumulate(accounts: accounts, spans: spans, bounds: bounds, firstPaid: firstPaid,
                                                  planOfAccount: planOfAccount, planCount: plans.count, cells: cells,
                                                  results: results)
                    }
                }
            }
        }
        return RevenueResult(window: window, tiers: tiers.names + [TierAssignment.untiered], plans: plans,
                             accounts: results, cells: cells, hasUntiered: untieredSeen)
    }

    /// The plans of the loaded accounts, sorted, and each account's plan index.
    private func planIndex() -> (plans: [String], planOfAccount: [Int32]) {
        // Plans are few: a short list searched linearly beats hashing a million strings.
        var distinct: [String] = []
        var planOfAccount = [Int32](repeating: 0, count: accounts.count)
        var lastPlan = ""
        var lastIndex: Int32 = -1
        for a in accounts.indices {
            let plan = accounts[a].plan
            if lastIndex < 0 || plan != lastPlan {
                if let k = distinct.firstIndex(of: plan) { lastIndex = Int32(k) } else {
                    lastIndex = Int32(distinct.count)
                    distinct.append(plan)
                }
                lastPlan = plan
            }
            planOfAccount[a] = lastIndex
        }
        let sorted = distinct.indices.sorted { distinct[$0] < distinct[$1] }
        var rank = [Int32](repeating: 0, count: distinct.count)
        for (position, k) in sorted.enumerated() { rank[k] = Int32(position) }
        for a in planOfAccount.indices { planOfAccount[a] = rank[Int(planOfAccount[a])] }
        return (sorted.map { distinct[$0] }, planOfAccount)
    }

    /// A span with its account and absolute first month, before grouping.
    private struct Item {
        /// The account's position.
        var owner: Int32
        /// The ordinal of the subscription's start month (for the account's first paying month).
        var first: Int32
        /// The span; `low ≥ high` when it is active only outside the window.
        var span: Span
    }

    /// The paying subscriptions as spans grouped by account (`spans[bounds[a]..<bounds[a + 1]]`), and
    /// each account's first paying month ordinal (`Int32.max` when it never paid).
    ///
    /// Account positions in a subscriptions export come in no useful order, and at a million accounts
    /// random access to per-account arrays is dominated by cache misses; so the spans are put in account
    /// order with a stable LSD radix sort (file order kept within an account) and everything per account
    /// is then read and written in sequence.
    private func groupedSpans() -> (spans: [Span], bounds: [Int32], firstPaid: [Int32]) {
        let width = window.width
        let firstOrdinal = window.firstOrdinal
        // The last counted cancellation day of each window index (scheduled churn): the month's last
        // day for past months (their as-of is their month end), the last day before as-of for M.
        var lastCounted = [Int32](repeating: 0, count: width)
        for k in 0..<width {
            let next = firstOrdinal + k + 1
            lastCounted[k] = LocalDate(year: next / 12, month: next % 12 + 1, day: 1)!.daysSinceEpoch - 1
        }
        lastCounted[width - 1] = lastDateBeforeAsOf.daysSinceEpoch

        var items: [Item] = []
        items.reserveCapacity(subscriptions.count)
        for k in subscriptions.indices {
            let mrr = subscriptions[k].mrr.tenThousandths
            guard mrr > 0 else { continue }   // amount-0 subscriptions add nothing, and never make a customer
            let start = subscriptions[k].startDate.civil
            let first = start.year * 12 + start.month - 1
            var end = Int.max
            if let endDate = subscriptions[k].endDate {
                let civil = endDate.civil
                end = civil.year * 12 + civil.month - 1
            }
            guard first < end else { continue }   // starts and ends inside one month: never active at a month end
            let a = subscriptions[k].accountIndex
            assert(accounts[a].id == subscriptions[k].accountID, "subscription's account position is stale")
            let low = max(first - firstOrdinal, 0)
            let high = end == .max ? width : min(end - firstOrdinal, width)
            // Scheduled churn (docs/metrics.md §1, §1.7): canceled before as-of, with an end date ahead.
            var scheduledFrom = width
            if low < high, subscriptions[k].endDate != nil, let canceled = subscriptions[k].canceledAt {
                let day = canceled.daysSinceEpoch
                scheduledFrom = lastCounted.firstIndex { $0 >= day } ?? width
            }
            let span = Span(low: Int16(clamping: min(low, width)), high: Int16(clamping: max(high, 0)),
                            scheduledFrom: Int16(scheduledFrom), mrr: mrr)
            items.append(Item(owner: Int32(a), first: Int32(clamping: first), span: span))
        }
        Self.sortByOwner(&items, accountCount: accounts.count)

        var spans: [Span] = []
        spans.reserveCapacity(items.count)
        var bounds = [Int32](repeating: 0, count: accounts.count + 1)
        var firstPaid = [Int32](repeating: .max, count: accounts.count)
        var next = 0
        for a in 0..<accounts.count {
            bounds[a] = Int32(spans.count)
            while next < items.count, items[next].owner == a {
                let item = items[next]
                firstPaid[a] = min(firstPaid[a], item.first)
                if item.span.low < item.span.high { spans.append(item.span) }
                next += 1
            }
        }
        bounds[accounts.count] = Int32(spans.count)
        return (spans, bounds, firstPaid)
    }

    /// Sorts items by owner, keeping their order within an owner: LSD radix sort on 11-bit digits.
    /// - Complexity: O(n × ⌈log₂(accountCount) / 11⌉).
    private static func sortByOwner(_ items: inout [Item], accountCount: Int) {
        let bits = 11
        let radix = 1 << bits
        var passes = 0
        while (accountCount - 1) >> (passes * bits) > 0 { passes += 1 }
        guard passes > 0, items.count > 1 else { return }
        var buffer = items
        var counts = [Int](repeating: 0, count: radix)
        for pass in 0..<passes {
            let shift = pass * bits
            for k in 0..<radix { counts[k] = 0 }
            for item in items { counts[Int(item.owner >> Int32(shift)) & (radix - 1)] += 1 }
            var total = 0
            for k in 0..<radix {
                let count = counts[k]
                counts[k] = total
                total += count
            }
            for item in items {
                let digit = Int(item.owner >> Int32(shift)) & (radix - 1)
                buffer[counts[digit]] = item
                counts[digit] += 1
            }
            swap(&items, &buffer)
        }
    }

    /// The month loop: each account's MRR row over the window, then for every computed month its
    /// movement, tier and share of the totals. Returns whether any account was untiered.
    private func accumulate(accounts: UnsafeBufferPointer<Account>, spans: UnsafeBufferPointer<Span>, bounds: [Int32], firstPaid: [Int32], planOfAccount: [Int32],
                            planCount: Int, cells: UnsafeMutableBufferPointer<RevenueTotals>,
                            results: UnsafeMutableBufferPointer<AccountRevenue>) -> Bool {
        let width = window.width
        let computed = window.computedMonths
        let firstOrdinal = window.firstOrdinal
        let lookback = RevenueWindow.lookback
        let untiered = tiers.names.count
        let cellCount = (untiered + 1) * planCount
        var untieredSeen = false
        var mrrRow = [Int64](repeating: 0, count: width + 1)
        var scheduledRow = [Int64](repeating: 0, count: width + 1)
        mrrRow.withUnsafeMutableBufferPointer { mrrRow in
            scheduledRow.withUnsafeMutableBufferPointer { scheduledRow in
                var facts = TierFacts(arrUnits: 0, accounts: accounts, index: 0)
                for a in 0..<accounts.count {
                    facts.index = a
                    let range = Int(bounds[a])..<Int(bounds[a + 1])
                    if range.isEmpty {
                        // Not paying in any month of the window: its tier for M has arr 0.
                        facts.arrUnits = 0
                        results[a].tier = tiers.tier(of: facts)
                        results[a].previousTier = results[a].tier
                        if results[a].tier == untiered { untieredSeen = true }
                        continue
                    }
                    // Difference rows over the window, then prefix sums.
                    for k in 0...width {
                        mrrRow[k] = 0
                        scheduledRow[k] = 0
                    }
                    for s in range {
                        let span = spans[s]
                        mrrRow[Int(span.low)] &+= span.mrr
                        mrrRow[Int(span.high)] &-= span.mrr
                        let from = max(span.low, span.scheduledFrom)
                        if from < span.high {
                            scheduledRow[Int(from)] &+= span.mrr
                            scheduledRow[Int(span.high)] &-= span.mrr
                        }
                    }
                    var running: Int64 = 0
                    var runningScheduled: Int64 = 0
                    for k in 0..<width {
                        running &+= mrrRow[k]
                        mrrRow[k] = running
                        runningScheduled &+= scheduledRow[k]
                        scheduledRow[k] = runningScheduled
                    }
                    // Every computed month: movement, tier, and the account's share of its cell.
                    var cachedArr: Int64 = -1
                    var cachedTier = 0
                    let plan = Int(planOfAccount[a])
                    let paidFrom = firstPaid[a]
                    for r in 0..<computed {
                        let k = r + lookback
                        let c = mrrRow[k], p = mrrRow[k - 1], p3 = mrrRow[k - 3], p12 = mrrRow[k - lookback]
                        let isLast = r == computed - 1
                        let inAnyCohort = c | p | p3 | p12 != 0
                        guard inAnyCohort || isLast || r == computed - 2 else { continue }
                        let arr = 12 &* (c > 0 ? c : p)
                        if arr != cachedArr {
                            facts.arrUnits = arr
                            cachedTier = tiers.tier(of: facts)
                            cachedArr = arr
                        }
                        let movement = Movement.classify(previous: p, current: c,
                                                         paidBefore: paidFrom < Int32(firstOrdinal + k - 1))
                        if r == computed - 2 {
                            results[a].previousTier = cachedTier
                            if !inAnyCohort { continue }
                        }
                        if isLast {
                            results[a] = AccountRevenue(mrrStart: p, mrrEnd: c, mrrTwoMonthsAgo: mrrRow[k - 2], movement: movement,
                                                        tier: cachedTier, previousTier: results[a].previousTier)
                            if cachedTier == untiered { untieredSeen = true }
                            if !inAnyCohort { continue }
                        }
                        if cachedTier == untiered { untieredSeen = true }
                        cells[r * cellCount + cachedTier * planCount + plan].add(
                            current: c, previous: p, quarterAgo: p3, yearAgo: p12,
                            scheduled: scheduledRow[k], movement: movement)
                    }
                }
            }
        }
        return untieredSeen
    }
}
