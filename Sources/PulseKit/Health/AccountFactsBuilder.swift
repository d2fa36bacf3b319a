import Foundation
import Tabular

/// Builds every account's facts at a point in time — M as of as-of, or an earlier month "computed the same
/// way" as of its end (docs/metrics.md §7.4, §7.10, §8.11) — from the revenue result, usage, tickets, surveys
/// and milestones. Health is scored afterwards by ``HealthScoring``.
struct AccountFactsBuilder {
    let input: TransformInput
    let context: TransformContext
    /// Usage per account id (M−3…M).
    let usage: [String: AccountUsage]
    /// Each record's account position, worked out once per run.
    let index: AccountRecordIndex

    /// A builder of `input`'s month; `index` is built when not given.
    init(input: TransformInput, context: TransformContext, usage: [String: AccountUsage], index: AccountRecordIndex? = nil) {
        self.input = input
        self.context = context
        self.usage = usage
        self.index = index ?? AccountRecordIndex(input.data, scopes: context.scopes, onboarding: input.configuration.onboarding)
    }

    /// The as-of instant and date `monthsBack` months before M: 0 is M's as-of, 1 is M_start, 2 is the
    /// start of M−1.
    func asOf(monthsBack: Int) -> (instant: Instant, date: LocalDate) {
        guard monthsBack > 0 else { return (input.period.asOf, input.period.asOfDate) }
        let timeZone = input.configuration.timeZone
        let instant = MonthBounds(month: input.period.month.adding(months: 1 - monthsBack), timeZone: timeZone).start
        return (instant, ZoneOffsets(timeZone: timeZone).localDate(at: instant))
    }

    /// Every account's onboarding as of the as-of `monthsBack` months before M.
    func onboarding(monthsBack: Int) -> [AccountOnboarding] {
        let (asOf, asOfDate) = asOf(monthsBack: monthsBack)
        guard input.data.isLoaded(.milestones) else {
            return OnboardingFamily.accounts(input.data.accounts, milestones: [], settings: input.configuration.onboarding,
                                             asOf: asOf, asOfDate: asOfDate, timeZone: input.configuration.timeZone,
                                             milestonesLoaded: false)
        }
        return OnboardingFamily.accounts(input.data.accounts, earliest: index.milestones, settings: input.configuration.onboarding,
                                         asOf: asOf, asOfDate: asOfDate, timeZone: input.configuration.timeZone)
    }

    /// The facts of every loaded account (same order), `monthsBack` months before M, with that month's
    /// `onboarding`.
    func facts(monthsBack: Int, onboarding: [AccountOnboarding]) -> [AccountFacts] {
        let data = input.data
        let configuration = input.configuration
        let revenue = context.revenue
        let zone = ZoneOffsets(timeZone: configuration.timeZone)
        let previous = monthsBack > 0
        let (asOf, asOfDate) = asOf(monthsBack: monthsBack)
        let day: Int64 = 86_400_000
        func before(_ days: Int64) -> Instant { Instant(millisecondsSinceEpoch: asOf.millisecondsSinceEpoch - days * day) }

        let n = data.accounts.count
        // Surveys: account NPS over the latest answer of each contact in the 180 days before as-of (a
        // tie on responded_at goes to the later row), the latest NPS answer, answers of 365 days, and
        // CSAT of 90 days — counted per account position.
        let yearAgo = before(365), from90 = before(90)
        var latest = [Int32](repeating: -1, count: n)
        var responses365 = [Int32](repeating: 0, count: n)
        for i in data.nps.indices {
            let p = Int(index.npsAccount[i])
            let at = data.nps[i].respondedAt
            guard p >= 0, at < asOf else { continue }
            if latest[p] < 0 || data.nps[Int(latest[p])].respondedAt <= at { latest[p] = Int32(i) }
            if at >= yearAgo { responses365[p] += 1 }
        }
        let npsCounts = AccountVoice.npsCounts(data.nps, accounts: index.npsAccount, contacts: index.npsContact, accountCount: n,
                                               asOf: asOf)
        let csatCounts = AccountVoice.csatCounts(data.csat, accounts: index.csatAccount, accountCount: n, asOf: asOf)
        // Tickets of the 90 days before as-of, assessed as of as-of.
        var tickets90 = [Int32](repeating: 0, count: n)
        var breaches90 = [Int32](repeating: 0, count: n)
        let ticketsLoaded = data.isLoaded(.tickets)
        if ticketsLoaded {
            for k in data.tickets.indices {
                let created = data.tickets[k].createdAt
                let p = Int(index.ticketAccount[k])
                guard p >= 0, created >= from90, created < asOf, data.tickets[k].status != .deleted else { continue }
                tickets90[p] += 1
                if TicketAssessment.isBreached(data.tickets[k], plan: data.accounts[p].plan, asOf: asOf, calendar: context.calendar,
                                               matrix: configuration.priorityMatrix, targets: configuration.sla) {
                    breaches90[p] += 1
                }
            }
        }
        let overrides = HealthOverrideResolution(data.healthOverrides, asOfDate: asOfDate)
        let npsLoaded = data.isLoaded(.nps)
        let usageLoaded = data.isLoaded(.usageEvents)
        let keyFeatureCount = configuration.adoption.keyFeatures.count

        return data.accounts.indices.map { a in
            let account = data.accounts[a]
            let row = revenue.accounts[a]
            var facts = AccountFacts()
            facts.mrr = [row.mrrEnd, row.mrrStart, row.mrrTwoMonthsAgo][monthsBack]
            facts.isPaying = facts.mrr > 0
            facts.tier = revenue.tiers[previous ? row.previousTier : row.tier]
            facts.plan = account.plan
            facts.seats = account.seats
            if npsCounts[a].answers > 0 {
                facts.accountNPSRatio = Ratio(100 * npsCounts[a].net, npsCounts[a].answers)
                facts.accountNPS = facts.accountNPSRatio?.value
            }
            if csatCounts[a].all > 0 {
                facts.csat90dRatio = Ratio(csatCounts[a].satisfied, csatCounts[a].all)
                facts.csat90d = facts.csat90dRatio?.value
            }
            if latest[a] >= 0 {
                let response = data.nps[Int(latest[a])]
                facts.latestNPSScore = response.score
                facts.daysSinceLastNPS = Int(asOfDate.daysSinceEpoch - zone.localDate(at: response.respondedAt).daysSinceEpoch)
            }
            facts.npsResponses365d = npsLoaded ? Int(responses365[a]) : nil
            facts.tickets90d = ticketsLoaded ? Int(tickets90[a]) : nil
            facts.slaBreaches90d = ticketsLoaded ? Int(breaches90[a]) : nil
            facts.tenureDays = Int(asOfDate.daysSinceEpoch - account.signupDate.daysSinceEpoch)
            facts.daysToRenewal = account.renewalDate.map { Int($0.daysSinceEpoch - asOfDate.daysSinceEpoch) }
            facts.ttfvDays = onboarding[a].ttfvDays
            facts.onboardingStatus = onboarding[a].status?.rawValue
            if facts.isPaying {
                // Without a usage source the adoption facts, and the components they feed, are undefined.
                if usageLoaded {
                    facts.adoption = AccountAdoption(usage[account.id], seats: account.seats, keyFeatureCount: keyFeatureCount,
                                                     monthsBack: monthsBack)
                }
                facts.override = overrides.active[account.id]
            }
            return facts
        }
    }
}
