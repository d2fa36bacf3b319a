import Foundation
import Tabular

/// Onboarding and time to first value (docs/metrics.md §6): each account's `ttfv_days` and
/// `onboarding_status`, and per scope the company metrics of M. Only milestones achieved before as-of
/// count; a milestone's date is the local date of its earliest `achieved_at` in the pipeline time zone,
/// and day differences are differences of local dates (docs/metrics.md §0.5). Without a milestones source every
/// fact and figure is undefined, counts included (docs/metrics.md §6.5, §0.14).
enum OnboardingFamily {
    /// The family's name, for logs.
    static let name = "onboarding"
    /// The event sources its figures are computed from.
    static let sources: [CanonicalSource] = [.milestones]

    /// The metric names, in the order they are written.
    static let names = [
        "ttfv_median_days", "ttfv_p90_days", "ttfv_accounts", "onboarding_completion_rate", "onboarding_behind_accounts",
    ]

    /// Each account's onboarding facts, in the order of `accounts`.
    ///
    /// Milestones at or after `asOf`, and milestones of account ids not in `accounts` (they have no
    /// signup date), are ignored; of duplicated (account, milestone) rows the earliest counts. The
    /// status follows docs/metrics.md §6.3: `completed` when every required milestone is achieved (always, when
    /// none are required); otherwise `stalled` when `asOfDate` > `signup_date + window_days`; otherwise
    /// `behind` when a required milestone is unachieved and `signup_date + due_days` < `asOfDate`;
    /// otherwise `on_track`.
    /// - Complexity: O(accounts × required milestones + milestones), one pass over the milestones.
    static func accounts(_ accounts: [Account], milestones: [Milestone], settings: OnboardingSettings, asOf: Instant,
                         asOfDate: LocalDate, timeZone: TimeZone, milestonesLoaded: Bool) -> [AccountOnboarding] {
        guard milestonesLoaded else {
            return accounts.map { account in
                AccountOnboarding(firstValueDate: nil, ttfvDays: nil, status: nil,
                                  windowEnd: account.signupDate.adding(days: settings.windowDays), requiredAchievedBy: nil)
            }
        }
        return Self.accounts(accounts, earliest: MilestoneEarliest(accounts, milestones: milestones, settings: settings),
                        settings: settings, asOf: asOf, asOfDate: asOfDate, timeZone: timeZone)
    }

    /// Each account's onboarding facts as of `asOf`, from the earliest achievements worked out once
    /// per run (an achievement counts when it is before `asOf`: the earliest is before it whenever any is).
    static func accounts(_ accounts: [Account], earliest index: MilestoneEarliest, settings: OnboardingSettings, asOf: Instant,
                         asOfDate: LocalDate, timeZone: TimeZone) -> [AccountOnboarding] {
        let requiredColumns = index.requiredColumns
        let columnCount = requiredColumns.count
        let positions = index.positions
        let firstValueAt = index.firstValueAt.map { $0.flatMap { $0 < asOf ? $0 : nil } }
        let earliest = index.earliest.map { $0.flatMap { $0 < asOf ? $0 : nil } }
        let zone = ZoneOffsets(timeZone: timeZone)
        var result: [AccountOnboarding] = []
        result.reserveCapacity(accounts.count)
        for (position, account) in accounts.enumerated() {
            let slot = positions[account.id] ?? position
            let signup = account.signupDate
            let windowEnd = signup.adding(days: settings.windowDays)
            let reachedAt = firstValueAt[slot]
            let firstValueDate: LocalDate? = reachedAt.map { zone.localDate(at: $0) }
            let ttfvDays: Int? = firstValueDate.map { Int($0.daysSinceEpoch) - Int(signup.daysSinceEpoch) }

            // The latest of the required milestones' dates, nil when one is missing.
            var latest: LocalDate? = nil
            var allAchieved = true
            for column in 0..<columnCount {
                guard let instant = earliest[slot * columnCount + column] else {
                    allAchieved = false
                    break
                }
                let date = zone.localDate(at: instant)
                if let kept = latest, kept >= date { continue }
                latest = date
            }
            let requiredAchievedBy: LocalDate? = allAchieved ? (latest ?? signup) : nil

            let status: OnboardingStatus
            if allAchieved {
                status = .completed
            } else if asOfDate > windowEnd {
                status = .stalled
            } else if settings.required.contains(where: { required in
                let column = requiredColumns[required.milestone] ?? 0
                return earliest[slot * columnCount + column] == nil && signup.adding(days: required.dueDays) < asOfDate
            }) {
                status = .behind
            } else {
                status = .onTrack
            }

            result.append(AccountOnboarding(firstValueDate: firstValueDate, ttfvDays: ttfvDays, status: status,
                                            windowEnd: windowEnd, requiredAchievedBy: requiredAchievedBy,
                                            firstValueAt: reachedAt))
        }
        return result
    }

    /// The company metrics of every scope, scopes in `scopes.names` order and metrics in ``names`` order;
    /// a value is nil when undefined, and every value is nil without a milestones source (docs/metrics.md §0.14).
    ///
    /// - `ttfv_median_days`, `ttfv_p90_days`, `ttfv_accounts`: over the accounts whose first value was
    ///   reached in M, i.e. at an instant in [`monthStart`, min(`monthEnd`, `asOf`)): the median and p90
    ///   (type 7) of their `ttfv_days`, undefined when there are none, and their count.
    /// - `onboarding_completion_rate`: of the accounts whose window ends on a local date of M, the share
    ///   with every required milestone achieved on or before the window's last day; undefined when no
    ///   window ends in M.
    /// - `onboarding_behind_accounts`: accounts with `signup_date` ≤ `asOfDate` ≤ window end whose
    ///   status is `behind`.
    ///
    /// `onboarding` is ``accounts(_:milestones:settings:asOf:asOfDate:timeZone:milestonesLoaded:)`` of the
    /// same `accounts`, which already holds everything read from `milestones` and `settings`; those two
    /// are taken so that the call names every input of the metrics, and are not read again.
    /// - Complexity: O(accounts), plus sorting each scope's first values reached in M.
    static func figures(accounts: [Account], onboarding: [AccountOnboarding], milestones: [Milestone],
                        settings: OnboardingSettings, monthStart: Instant, monthEnd: Instant, asOf: Instant,
                        asOfDate: LocalDate, timeZone: TimeZone, milestonesLoaded: Bool,
                        scopes: ScopeMembership) -> KPITable {
        /// The counts behind one scope's metrics.
        struct Totals {
            /// `ttfv_days` of the accounts whose first value was reached in M.
            var ttfvDays: [Double] = []
            /// Accounts whose window ends in M.
            var windowsEnding = 0
            /// Of those, the accounts with every required milestone achieved by the window's end.
            var completedOnTime = 0
            /// Accounts inside their window whose status is `behind`.
            var behind = 0
        }
        var totals = [Totals](repeating: Totals(), count: scopes.names.count)
        let zone = ZoneOffsets(timeZone: timeZone)
        let firstDay = zone.localDate(at: monthStart)
        let lastDay = zone.localDate(at: monthEnd).adding(days: -1)
        let reachedBefore = min(monthEnd, asOf)
        if milestonesLoaded {
            for (position, facts) in onboarding.enumerated() {
                let signup = accounts[position].signupDate
                var ttfvInM: Int? = nil
                if let reachedAt = facts.firstValueAt, reachedAt >= monthStart, reachedAt < reachedBefore {
                    ttfvInM = facts.ttfvDays
                }
                let windowEndsInM = facts.windowEnd >= firstDay && facts.windowEnd <= lastDay
                var completedOnTime = false
                if let achievedBy = facts.requiredAchievedBy, achievedBy <= facts.windowEnd { completedOnTime = true }
                let behind = facts.status == .behind && signup <= asOfDate && asOfDate <= facts.windowEnd
                for s in scopes.scopes(ofPosition: position) {
                    if let ttfvInM { totals[s].ttfvDays.append(Double(ttfvInM)) }
                    if windowEndsInM {
                        totals[s].windowsEnding += 1
                        if completedOnTime { totals[s].completedOnTime += 1 }
                    }
                    if behind { totals[s].behind += 1 }
                }
            }
        }

        var table = KPITable()
        for (s, scope) in scopes.names.enumerated() {
            var values = [FigureValue?](repeating: nil, count: names.count)
            if milestonesLoaded {
                let t = totals[s]
                let sorted = t.ttfvDays.sorted()
                values[0] = Percentile.of(sorted: sorted, .median).map(FigureValue.number)
                values[1] = Percentile.of(sorted: sorted, .p90).map(FigureValue.number)
                values[2] = .count(sorted.count)
                values[3] = .defined(t.completedOnTime, over: t.windowsEnding)
                values[4] = .count(t.behind)
            }
            for (metric, value) in zip(names, values) {
                table.figures.append(KPITable.Figure(scope: scope, metric: metric, value: value))
            }
        }
        return table
    }
}

/// Each account's earliest achievement of the first-value milestone and of every required milestone,
/// whatever the as-of: the part of onboarding that every month of a run shares.
struct MilestoneEarliest: Sendable {
    /// Each distinct required milestone name → its column in ``earliest``.
    let requiredColumns: [String: Int]
    /// Account id → position; an id listed twice keeps its first position, which holds its milestones.
    let positions: [String: Int]
    /// Per position, the earliest first-value instant.
    let firstValueAt: [Instant?]
    /// Per position and required milestone (`position × columns + column`), the earliest instant.
    let earliest: [Instant?]

    /// The earliest achievements in `milestones` of `accounts`; milestones of other ids are ignored.
    init(_ accounts: [Account], milestones: [Milestone], settings: OnboardingSettings) {
        var requiredColumns: [String: Int] = [:]
        for required in settings.required where requiredColumns[required.milestone] == nil {
            requiredColumns[required.milestone] = requiredColumns.count
        }
        let columnCount = requiredColumns.count
        var positions: [String: Int] = [:]
        positions.reserveCapacity(accounts.count)
        for (position, account) in accounts.enumerated() where positions[account.id] == nil {
            positions[account.id] = position
        }
        var firstValueAt = [Instant?](repeating: nil, count: accounts.count)
        var earliest = [Instant?](repeating: nil, count: accounts.count * columnCount)
        /// Keeps `instant` in `slot` when the slot is empty or holds a later instant.
        func keepEarliest(_ slot: inout Instant?, _ instant: Instant) {
            if let kept = slot, kept <= instant { return }
            slot = instant
        }
        for milestone in milestones {
            guard let position = positions[milestone.accountID] else { continue }
            if milestone.name == settings.firstValueMilestone {
                keepEarliest(&firstValueAt[position], milestone.achievedAt)
            }
            if let column = requiredColumns[milestone.name] {
                keepEarliest(&earliest[position * columnCount + column], milestone.achievedAt)
            }
        }
        self.requiredColumns = requiredColumns
        self.positions = positions
        self.firstValueAt = firstValueAt
        self.earliest = earliest
    }
}
