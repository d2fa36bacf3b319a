import Rules
import Tabular

/// What is known about one account at a point in time (M as of as-of, or M−1 as of M_start): the facts
/// of docs/metrics.md §8 that health, alerts and `accounts.csv` read. Undefined facts are nil.
package struct AccountFacts: Sendable, Equatable {
    /// Whether the account pays in the month.
    package var isPaying = false
    /// Adoption in the month (paying accounts only).
    var adoption: AccountAdoption?
    /// Account NPS over the 180 days before as-of.
    package var accountNPS: Double?
    /// The most recent NPS score before as-of.
    package var latestNPSScore: Int?
    /// As-of date − the local date of that response.
    package var daysSinceLastNPS: Int?
    /// NPS responses in the 365 days before as-of (nil without an NPS source).
    package var npsResponses365d: Int?
    /// CSAT over the 90 days before as-of.
    package var csat90d: Double?
    /// Account NPS and CSAT 90d as the exact ratios of counts they are (nil: as the doubles above).
    var accountNPSRatio: Ratio?
    var csat90dRatio: Ratio?
    /// Tickets created in the 90 days before as-of with a breached SLA (nil without a tickets source).
    package var slaBreaches90d: Int?
    /// Tickets created in the 90 days before as-of (nil without a tickets source).
    package var tickets90d: Int?
    /// As-of date − signup_date.
    package var tenureDays: Int?
    /// renewal_date − as-of date.
    package var daysToRenewal: Int?
    /// Time to first value in days.
    package var ttfvDays: Int?
    /// Onboarding status.
    package var onboardingStatus: String?
    /// MRR at the month's end (money, 4 decimals).
    package var mrr: Int64 = 0
    /// The tier for the month.
    package var tier = ""
    /// The plan.
    package var plan = ""
    /// Seats.
    package var seats: Int?
    /// The computed health score (paying accounts only).
    package var health: HealthScore?
    /// The final score and band after any override.
    package var finalScore: Double?
    /// The final score exactly (`health_avg` is its mean).
    package var finalExactScore: ExactNumber?
    /// The final band (`unknown` without a score).
    package var finalBand: HealthBand = .unknown
    /// score(M) − score(M−1), computed scores; nil when either is undefined.
    package var healthDelta: Double?
    /// The override in force, if any.
    package var override: HealthOverride?

    /// The raw value of a health component exactly: the ratio of counts it is defined by.
    func exactRaw(_ component: HealthComponentName) -> ExactNumber? {
        func exact(_ ratio: Ratio?, _ value: Double?) -> ExactNumber? {
            if let ratio, ratio.denominator != 0 { return ExactNumber(ratio.numerator, ratio.denominator) }
            return value.map { ExactNumber(exactly: $0) }
        }
        switch component {
        case .licenseUtilization: return adoption?.exactLicenseUtilization
        case .featureBreadth: return adoption?.exactFeatureBreadth
        case .usageTrend: return adoption?.exactMAUChange
        case .support: return slaBreaches90d.map { ExactNumber(Int64($0)) }
        case .nps: return exact(accountNPSRatio, accountNPS)
        case .csat: return exact(csat90dRatio, csat90d)
        }
    }

    /// The raw value of a health component.
    func raw(_ component: HealthComponentName) -> Double? {
        switch component {
        case .licenseUtilization: adoption?.licenseUtilization
        case .featureBreadth: adoption?.featureBreadth
        case .usageTrend: adoption?.mauChange
        case .support: slaBreaches90d.map(Double.init)
        case .nps: accountNPS
        case .csat: csat90d
        }
    }
}

extension AccountFacts: RuleFacts {
    /// The fact in `AccountFactCatalog.vocabulary`'s slot `slot`.
    package func value(ofSlot slot: Int) -> RuleValue {
        func number(_ value: Double?) -> RuleValue { value.map(RuleValue.number) ?? .undefined }
        func integer(_ value: Int?) -> RuleValue { value.map { .number(Double($0)) } ?? .undefined }
        switch slot {
        case 0: return number(finalScore)
        case 1: return .string(finalBand.rawValue)
        case 2: return number(healthDelta)
        case 3: return number(adoption?.licenseUtilization)
        case 4: return integer(adoption?.mau)
        case 5: return number(adoption?.mauChange)
        case 6: return number(adoption?.featureBreadth)
        case 7: return number(accountNPS)
        case 8: return integer(latestNPSScore)
        case 9: return integer(daysSinceLastNPS)
        case 10: return integer(npsResponses365d)
        case 11: return number(csat90d)
        case 12: return integer(slaBreaches90d)
        case 13: return integer(tickets90d)
        case 14: return integer(tenureDays)
        case 15: return integer(daysToRenewal)
        case 16: return onboardingStatus.map(RuleValue.string) ?? .undefined
        case 17: return .number(Double(mrr) / Double(Money.unitsPerWhole))
        case 18: return .number(Double(12 * mrr) / Double(Money.unitsPerWhole))
        case 19: return .string(tier)
        case 20: return .string(plan)
        case 21: return integer(seats)
        default: return .undefined
        }
    }

    /// A fact's value as written in `alerts.csv` and `pulse explain` (empty when undefined).
    func text(ofSlot slot: Int) -> String { value(ofSlot: slot).writtenText }
}

extension RuleValue {
    /// A fact's value as written in `alerts.csv` and `pulse explain`: numbers with the fewest digits
    /// that round-trip, empty when undefined.
    package var writtenText: String {
        switch self {
        case .number(let n): NumberText.shortest(n)
        case .string(let s): s
        case .boolean(let b): b ? "true" : "false"
        case .undefined: ""
        }
    }
}
