import BusinessTime
import Foundation
import Tabular

/// Builds every account's facts at a point in time (health is scored afterwards by ``HealthScoring``): M as of as-of, or M−1 as of M_start ("computed
/// the same way", metrics.md §7–8), from the revenue result, usage, tickets, surveys and milestones.
struct AccountFactsBuilder {
    let input: TransformInput
    let revenue: RevenueResult
    /// Usage per account id (M−2…M).
    let usage: [String: AccountUsage]
    /// The business calendar for SLA assessments (nil without tickets).
    let calendar: BusinessCalendar?

    /// The facts of every loaded account (same order), `monthsBack` months before M: 0 is M as of
    /// as-of, 1 is M−1 as of M_start, 2 is M−2 as of the start of M−1.
    func facts(monthsBack: Int) -> [AccountFacts] {
        let data = input.data
        let configuration = input.configuration
        let zone = ZoneOffsets(timeZone: configuration.timeZone)
        let previous = monthsBack > 0
        let asOf = monthsBack == 0 ? input.period.asOf
            : MonthBounds(month: input.period.month.adding(months: 1 - monthsBack), timeZone: configuration.timeZone).start
        let asOfDate = monthsBack == 0 ? input.period.asOfDate : zone.localDate(at: asOf)
        let loaded = { (source: CanonicalSource) in data.load(of: source).map { !$0.isMissing } ?? false }
        let day: Int64 = 86_400_000
        func before(_ days: Int64) -> Instant { Instant(millisecondsSinceEpoch: asOf.millisecondsSinceEpoch - days * day) }

        // Surveys.
        let accountNPS = AccountVoice.nps(data.nps, asOf: asOf)
        let csat = AccountVoice.csat90d(data.csat, asOf: asOf)
        var latest: [String: NPSResponse] = [:]
        var responses365: [String: Int] = [:]
        let yearAgo = before(365)
        for response in data.nps where response.respondedAt < asOf {
            if let kept = latest[response.accountID], kept.respondedAt > response.respondedAt {} else { latest[response.accountID] = response }
            if response.respondedAt >= yearAgo { responses365[response.accountID, default: 0] += 1 }
        }
        // Tickets of the 90 days before as-of, assessed as of as-of.
        var tickets90: [String: Int] = [:]
        var breaches90: [String: Int] = [:]
        let ticketsLoaded = loaded(.tickets)
        if ticketsLoaded, let calendar {
            let from = before(90)
            let plans = Dictionary(data.accounts.map { ($0.id, $0.plan) }, uniquingKeysWith: { first, _ in first })
            for k in data.tickets.indices {
                let created = data.tickets[k].createdAt
                guard created >= from, created < asOf, data.tickets[k].status != .deleted else { continue }
                let ticket = data.tickets[k]
                tickets90[ticket.accountID, default: 0] += 1
                let assessment = TicketAssessment(ticket, plan: plans[ticket.accountID], asOf: asOf, calendar: calendar,
                                                  matrix: configuration.priorityMatrix, targets: configuration.sla)
                if assessment.firstResponseSLA == .breached || assessment.resolutionSLA == .breached {
                    breaches90[ticket.accountID, default: 0] += 1
                }
            }
        }
        let onboarding = OnboardingFamily.accounts(data.accounts, milestones: data.milestones, settings: configuration.onboarding,
                                                   asOf: asOf, asOfDate: asOfDate, timeZone: configuration.timeZone,
                                                   milestonesLoaded: loaded(.milestones))
        let overrides = HealthOverrideResolution(data.healthOverrides, asOfDate: asOfDate)
        let npsLoaded = loaded(.nps)
        let usageLoaded = loaded(.usageEvents)
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
