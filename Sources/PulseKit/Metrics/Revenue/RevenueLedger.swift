import Tabular

/// Builds every account's MRR month by month from its subscriptions and adds up each month's movements
/// into ``RevenueTotals`` per tier × plan cell (metrics.md §1–2).
///
/// Subscriptions are grouped by account once; each account is then handled on its own with a small
/// month-indexed scratch row, so memory stays O(accounts + subscriptions) whatever the history length.
struct RevenueLedger {
    /// The loaded accounts (the roster: every account of the CRM, paying or not).
    let accounts: [Account]
    /// Subscriptions of known accounts, each with its MRR.
    let subscriptions: [Subscription]
    /// The tier rules.
    let tiers: TierAssignment
    /// The months to compute.
    let window: RevenueWindow
    /// The last local date before as-of in M: a `canceled_at` on or before it is "before as-of".
    let lastDateBeforeAsOf: LocalDate

    /// One subscription reduced to what the month loop reads.
    private struct Span {
        /// Ordinal of the first month it is active at month end (its start month).
        var first: Int32
        /// Ordinal of the first month it is no longer active at month end (its end month), or `Int32.max`.
        var end: Int32
        /// Its MRR in ten-thousandths.
        var mrr: Int64
        /// Window index from which it counts as scheduled churn, or `Int32.max` when it never does.
        var scheduledFrom: Int32
    }

    /// Computes the result.
    /// - Complexity: O(A × W + S) for A accounts, S subscriptions and W months in the window.
    func run() -> RevenueResult {
        let width = window.width
        let computed = window.computedMonths
        let firstOrdinal = window.firstOrdinal

        // Scopes: plans of the loaded accounts, sorted; tiers in the pipeline's order, then untiered.
        var planIndex: [String: Int] = [:]
        for account in accounts where planIndex[account.plan] == nil { planIndex[account.plan] = 0 }
        let plans = planIndex.keys.sorted()
        for (k, plan) in plans.enumerated() { planIndex[plan] = k }
        let planOfAccount = accounts.map { planIndex[$0.plan]! }
        let tierCount = tiers.names.count + 1
        let cellCount = tierCount * plans.count

        // The last counted cancellation day of each window index (for scheduled churn): the last day of
        // the month for past months (their as-of is their month end), the day before as-of for M.
        var lastCounted = [Int32](repeating: 0, count: width)
        for k in 0..<width {
            let next = firstOrdinal + k + 1
            lastCounted[k] = LocalDate(year: next / 12, month: next % 12 + 1, day: 1)!.daysSinceEpoch - 1
        }
        lastCounted[width - 1] = lastDateBeforeAsOf.daysSinceEpoch

        // Group the subscriptions by account (a counting sort), reduced to spans.
        var accountIndex: [String: Int32] = [:]
        accountIndex.reserveCapacity(accounts.count)
        for (k, account) in accounts.enumerated() { accountIndex[account.id] = Int32(k) }
        var owner = [Int32](repeating: -1, count: subscriptions.count)
        var offsets = [Int](repeating: 0, count: accounts.count + 1)
        for (k, subscription) in subscriptions.enumerated() {
            guard let a = accountIndex[subscription.accountID] else { continue }
            owner[k] = a
            offsets[Int(a) + 1] += 1
        }
        for a in 0..<accounts.count { offsets[a + 1] += offsets[a] }
        var spans = [Span](repeating: Span(first: 0, end: 0, mrr: 0, scheduledFrom: .max), count: offsets[accounts.count])
        var fill = offsets
        for (k, subscription) in subscriptions.enumerated() where owner[k] >= 0 {
            let a = Int(owner[k])
            spans[fill[a]] = Self.span(of: subscription, firstOrdinal: firstOrdinal, lastCounted: lastCounted)
            fill[a] += 1
        }

        var cells = [RevenueTotals](repeating: RevenueTotals(), count: computed * cellCount)
        var results = [AccountRevenue](repeating: AccountRevenue(mrrStart: 0, mrrEnd: 0, movement: .flat, tier: 0),
                                       count: accounts.count)
        var untieredSeen = false
        var mrrRow = [Int64](repeating: 0, count: width + 1)
        var scheduledRow = [Int64](repeating: 0, count: width + 1)
        let lookback = RevenueWindow.lookback
        let planCount = plans.count

        spans.withUnsafeBufferPointer { spans in
            mrrRow.withUnsafeMutableBufferPointer { mrrRow in
                scheduledRow.withUnsafeMutableBufferPointer { scheduledRow in
                    for a in 0..<accounts.count {
                        var facts = TierFacts(arrUnits: 0, accounts: accounts, index: a)
                        let range = offsets[a]..<offsets[a + 1]
                        if range.isEmpty {
                            let tier = tiers.tier(of: facts)
                            results[a].tier = tier
                            continue
                        }
                        // Difference rows over the window, then prefix sums.
                        for k in 0...width { mrrRow[k] = 0; scheduledRow[k] = 0 }
                        var firstPaid = Int32.max
                        for s in range {
                            let span = spans[s]
                            guard span.mrr > 0, span.first < span.end else { continue }
                            firstPaid = min(firstPaid, span.first)
                            let low = max(Int(span.first) - firstOrdinal, 0)
                            let high = span.end == .max ? width : min(Int(span.end) - firstOrdinal, width)
                            guard low < high else { continue }
                            mrrRow[low] &+= span.mrr
                            mrrRow[high] &-= span.mrr
                            let from = max(low, Int(span.scheduledFrom))
                            if from < high {
                                scheduledRow[from] &+= span.mrr
                                scheduledRow[high] &-= span.mrr
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
                        // Every computed month: movement, tier, and the account's share of the totals.
                        var cachedArr: Int64 = -1
                        var cachedTier = 0
                        let plan = planOfAccount[a]
                        for r in 0..<computed {
                            let k = r + lookback
                            let c = mrrRow[k], p = mrrRow[k - 1], p3 = mrrRow[k - 3], p12 = mrrRow[k - lookback]
                            let isLast = r == computed - 1
                            guard c | p | p3 | p12 != 0 || isLast else { continue }
                            let arr = 12 &* (c > 0 ? c : p)
                            if arr != cachedArr {
                                facts.arrUnits = arr
                                cachedTier = tiers.tier(of: facts)
                                cachedArr = arr
                            }
                            let ordinal = Int32(firstOrdinal + k)
                            let movement = Movement.classify(previous: p, current: c, paidBefore: firstPaid < ordinal - 1)
                            if isLast {
                                results[a] = AccountRevenue(mrrStart: p, mrrEnd: c, movement: movement, tier: cachedTier)
                                if c | p | p3 | p12 == 0 { continue }
                            }
                            if cachedTier == tierCount - 1 { untieredSeen = true }
                            cells[r * cellCount + cachedTier * planCount + plan].add(
                                current: c, previous: p, quarterAgo: p3, yearAgo: p12,
                                scheduled: scheduledRow[k], movement: movement)
                        }
                    }
                }
            }
        }
        return RevenueResult(window: window, tiers: tiers.names + [TierAssignment.untiered], plans: plans,
                             accounts: results, cells: cells, hasUntiered: untieredSeen)
    }

    /// A subscription as a span of month ordinals: active at the end of month K exactly when
    /// `start_date ≤ last_day(K) < end_date`, i.e. from its start month up to, not including, its end month.
    private static func span(of subscription: Subscription, firstOrdinal: Int, lastCounted: [Int32]) -> Span {
        let start = subscription.startDate.civil
        let first = Int32(start.year * 12 + start.month - 1)
        var end = Int32.max
        if let endDate = subscription.endDate {
            let civil = endDate.civil
            end = Int32(civil.year * 12 + civil.month - 1)
        }
        // Scheduled churn (metrics.md §1, details 19): canceled before as-of with an end date ahead.
        var scheduledFrom = Int32.max
        if let canceled = subscription.canceledAt, subscription.endDate != nil {
            let day = canceled.daysSinceEpoch
            if let k = lastCounted.firstIndex(where: { $0 >= day }) { scheduledFrom = Int32(k) }
        }
        return Span(first: first, end: end, mrr: subscription.mrr.tenThousandths, scheduledFrom: scheduledFrom)
    }
}
