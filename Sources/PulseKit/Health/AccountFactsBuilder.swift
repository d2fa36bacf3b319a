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
        return OnboardingFamily.accounts(input.data.accounts, milestones: input.data.milestones,
                                         settings: input.configuration.onboarding, asOf: asOf, asOfDate: asOfDate,
                                         timeZone: input.configuration.timeZone,
                                         milestonesLoaded: input.data.isLoaded(.milestones))
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

        // Surveys.
        let accountNPS = AccountVoice.nps(data.nps, asOf: asOf)
        let csat = AccountVoice.csat90d(data.csat, asOf: asOf)
        var latest: [String: NPSResponse] = [:]
        var responses365: [String: Int] = [:]
        let yearAgo = before(365)
        for response in data.nps where response.respondedAt < asOf {
            // The most recent before as-of; on a tie the later row.
            if latest[response.accountID].map({ $0.respondedAt <= response.respondedAt }) ?? true { latest[response.accountID] = response }
            if response.respondedAt >= yearAgo { responses365[response.accountID, default: 0] += 1 }
        }
        // Tickets of the 90 days before as-of, assessed as of as-of.
        var tickets90: [String: Int] = [:]
        var breaches90: [String: Int] = [:]
        let ticketsLoaded = data.isLoaded(.tickets)
        if ticketsLoaded {
            let from = before(90)
            for k in data.tickets.indices {
                let created = data.tickets[k].createdAt
                guard created >= from, created < asOf, data.tickets[k].status != .deleted else { continue }
                let ticket = data.tickets[k]
                tickets90[ticket.accountID, default: 0] += 1
                let plan = context.scopes.position(of: ticket.accountID).map { data.accounts[$0].plan }
                let assessment = TicketAssessment(ticket, plan: plan, asOf: asOf, calendar: context.calendar,
                                                  matrix: configuration.priorityMatrix, targets: configuration.sla)
                if assessment.firstResponseSLA == .breached || assessment.resolutionSLA == .breached {
                    breaches90[ticket.accountID, default: 0] += 1
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
            facts.accountNPS = accountNPS[account.id]
            facts.csat90d = csat[account.id]
            if let response = latest[account.id] {
                facts.latestNPSScore = response.score
                facts.daysSinceLastNPS = Int(asOfDate.daysSinceEpoch - zone.localDate(at: response.respondedAt).daysSinceEpoch)
            }
            facts.npsResponses365d = npsLoaded ? responses365[account.id, default: 0] : nil
            facts.tickets90d = ticketsLoaded ? tickets90[account.id, default: 0] : nil
            facts.slaBreaches90d = ticketsLoaded ? breaches90[account.id, default: 0] : nil
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
