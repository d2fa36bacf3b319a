import Foundation

/// One family of metrics (docs/metrics.md §1–7): one function of a month's inputs — the extracted
/// data, the month and its as-of, the month's revenue result and scopes, and, for the families
/// computed from accounts, every account's scored facts — returning the month's typed figures for
/// every scope. A run calls the same families for M and for each month of history before it.
protocol MetricFamily: Sendable {
    /// The family's name, for progress and logs.
    var name: String { get }
    /// The event sources its figures are computed from (a month before all of them is not covered).
    var sources: [CanonicalSource] { get }
    /// Whether it reads ``MonthInputs/facts`` (it then runs after every account's facts are built).
    var readsAccounts: Bool { get }
    /// The family's figures of the month, every scope.
    func figures(_ month: MonthInputs) -> KPITable
}

/// What every metric family reads for one month.
struct MonthInputs: Sendable {
    /// The data, the month with its as-of, and the pipeline.
    var input: TransformInput
    /// The month's revenue result, scopes and business calendar.
    var context: TransformContext
    /// Every account's facts in the month (health scored), for the families that read accounts.
    var facts: [AccountFacts] = []
    /// Every account's onboarding in the month.
    var onboarding: [AccountOnboarding] = []
    /// The month's support result when it was already computed (M's, which also feeds the reports).
    var support: SupportResult?
}

/// The metric families of a run, in the order their figures are written within a scope.
enum MetricFamilies {
    /// Revenue, support, voice of the customer, adoption, onboarding and health.
    static let all: [any MetricFamily] = [RevenueFigures(), SupportFigures(), VoiceOfCustomerFigures(), AdoptionFigures(),
                                          OnboardingFigures(), HealthFigures()]
}

/// Voice of the customer (docs/metrics.md §4) as a family.
struct VoiceOfCustomerFigures: MetricFamily {
    let name = VoiceOfCustomerFamily.name
    let sources = VoiceOfCustomerFamily.sources
    let readsAccounts = false

    func figures(_ month: MonthInputs) -> KPITable { VoiceOfCustomerFamily.figures(month.input, context: month.context) }
}

/// Revenue (docs/metrics.md §1–2) as a family: the month's figures from its revenue result.
struct RevenueFigures: MetricFamily {
    let name = "revenue"
    /// Contracts carry their dates: every month is covered.
    let sources: [CanonicalSource] = []
    let readsAccounts = false

    func figures(_ month: MonthInputs) -> KPITable {
        let revenue = month.context.revenue
        return RevenueFamily.figures(revenue, historyMonth: revenue.window.historyMonths - 1)
    }
}

/// Support and self-service (docs/metrics.md §3) as a family.
struct SupportFigures: MetricFamily {
    let name = SupportFamily.name
    let sources = SupportFamily.sources
    let readsAccounts = false

    func figures(_ month: MonthInputs) -> KPITable {
        (month.support ?? SupportFamily.compute(month.input, context: month.context)).figures
    }
}

/// Adoption (docs/metrics.md §5) as a family, from every paying account's adoption in the month.
struct AdoptionFigures: MetricFamily {
    let name = AdoptionFamily.name
    let sources = AdoptionFamily.sources
    let readsAccounts = true

    func figures(_ month: MonthInputs) -> KPITable {
        let data = month.input.data
        return AdoptionFamily.figures(adoption: month.facts.map { $0.isPaying ? $0.adoption : nil }, accounts: data.accounts,
                                      keyFeatures: month.input.configuration.adoption.keyFeatures,
                                      usageLoaded: data.isLoaded(.usageEvents), scopes: month.context.scopes)
    }
}

/// Onboarding and time to first value (docs/metrics.md §6) as a family.
struct OnboardingFigures: MetricFamily {
    let name = OnboardingFamily.name
    let sources = OnboardingFamily.sources
    let readsAccounts = true

    func figures(_ month: MonthInputs) -> KPITable {
        let (data, period, configuration) = (month.input.data, month.input.period, month.input.configuration)
        return OnboardingFamily.figures(
            accounts: data.accounts, onboarding: month.onboarding, milestones: data.milestones, settings: configuration.onboarding,
            monthStart: period.start, monthEnd: period.end, asOf: period.asOf, asOfDate: period.asOfDate,
            timeZone: configuration.timeZone, milestonesLoaded: data.isLoaded(.milestones), scopes: month.context.scopes)
    }
}

/// The health score's company figures (docs/metrics.md §7) as a family, from every account's final score.
struct HealthFigures: MetricFamily {
    let name = HealthFamily.name
    let sources = HealthFamily.sources
    let readsAccounts = true

    func figures(_ month: MonthInputs) -> KPITable { HealthFamily.figures(month.facts, scopes: month.context.scopes) }
}
