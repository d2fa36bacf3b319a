import BusinessTime
import Tabular

/// The transform stage: revenue first (it decides each account's tier and whether it pays, which every
/// other family's scopes are made of), then support and every other family, at most `jobs` at once,
/// then the account-level facts (adoption, onboarding, health, alerts); then each of the twelve months
/// before M as its own default run would compute it. Figures are written scope by scope: revenue,
/// support, the families in ``MetricFamilies/all`` order, adoption, onboarding, health.
enum TransformStage {
    /// How many months of history before M a run computes from its inputs.
    static let historyMonths = 12

    /// The figures of M and of its months of history over `input`, in family order whatever order they
    /// finish in. `coverage` says which months each source's records reach back to (nil: all).
    static func run(_ families: [any MetricFamily], input: TransformInput, coverage: SourceCoverage? = nil,
                    jobs: Int, historyMonths: Int = TransformStage.historyMonths) -> TransformResult {
        let revenue = RevenueFamily.compute(input)
        let context = TransformContext(input, revenue: revenue)
        let (support, tables) = supportAndFamilies(families, input: input, context: context, jobs: jobs)
        var figures = RevenueFamily.figures(revenue, historyMonth: revenue.window.historyMonths - 1)
        figures.append(contentsOf: support.figures)
        for table in tables { figures.append(contentsOf: table) }
        var result = TransformResult(figures: figures, history: [], revenue: revenue, support: support)
        let index = AccountRecordIndex(input.data, scopes: context.scopes, onboarding: input.configuration.onboarding)
        let usage = input.usage?.monthly()
        accountLevel(input, context: context, index: index, usage: usage?.accounts(monthsBack: 0) ?? [:], into: &result, jobs: jobs)
        result.figures = result.figures.groupedByScope()
        result.history = history(families, input: input, calendar: context.calendar, index: index, usage: usage,
                                 coverage: coverage, jobs: jobs, months: historyMonths)
        if let last = result.history.last, last.month == input.period.month.adding(months: -1) {
            result.previousMonth.figures = last.figures.figures.filter { $0.scope == "company" }
        }
        return result
    }

    /// Support and every family in `families` for one month, concurrently.
    static func supportAndFamilies(_ families: [any MetricFamily], input: TransformInput, context: TransformContext,
                         jobs: Int) -> (SupportResult, [KPITable]) {
        var support = [SupportResult()]
        var tables = [KPITable](repeating: KPITable(), count: families.count)
        support.withUnsafeMutableBufferPointer { supportBuffer in
            tables.withUnsafeMutableBufferPointer { buffer in
                let out = UnsafeSendable(buffer)
                let supportOut = UnsafeSendable(supportBuffer)
                ParallelLoop.run(1 + families.count, jobs: jobs) { k in
                    if k == 0 {
                        supportOut.value[0] = SupportFamily.compute(input, context: context)
                    } else {
                        out.value[k - 1] = families[k - 1].compute(input, context: context)
                    }
                }
            }
        }
        return (support[0], tables)
    }

    /// Adoption, onboarding, health and alerts: every account's facts at M, M−1 and M−2, the company
    /// figures built from them, and the alerts.
    static func accountLevel(_ input: TransformInput, context: TransformContext, index: AccountRecordIndex,
                             usage: [String: AccountUsage], into result: inout TransformResult, jobs: Int) {
        let data = input.data
        let configuration = input.configuration
        let builder = AccountFactsBuilder(input: input, context: context, usage: usage, index: index)
        let onboarding = builder.onboarding(monthsBack: 0)
        var months = [[AccountFacts]](repeating: [], count: 3)
        months.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            ParallelLoop.run(3, jobs: jobs) { k in
                out.value[k] = builder.facts(monthsBack: k, onboarding: k == 0 ? onboarding : builder.onboarding(monthsBack: k))
            }
        }
        var current = months[0]
        var previous = months[1]
        var twoMonthsBack = months[2]
        // Health and alerts, timed on their own for the benchmark (the facts above are the other
        // families' per-account results).
        let scoring = ContinuousClock.now
        HealthScoring.score(&current, model: configuration.health)
        HealthScoring.score(&previous, model: configuration.health)
        HealthScoring.score(&twoMonthsBack, model: configuration.health)
        HealthScoring.delta(&current, previous: previous)
        // M−1's own delta, so that a rule on health_delta is `ongoing` when it also held at M−1.
        HealthScoring.delta(&previous, previous: twoMonthsBack)
        result.alerts = AlertEvaluation.alerts(rules: configuration.alerts, current: current, previous: previous)
        result.healthAndAlerts = scoring.duration(to: .now)
        result.facts = current
        result.previousFacts = previous
        result.expiredOverrides = HealthOverrideResolution(data.healthOverrides, asOfDate: input.period.asOfDate).expired
        let figures = accountFigures(input, context: context, facts: current, onboarding: onboarding)
        result.figures.append(contentsOf: figures.adoption)
        result.figures.append(contentsOf: figures.onboarding)
        result.figures.append(contentsOf: figures.health)
    }

    /// The company figures of adoption, onboarding and health per scope from every account's facts
    /// (scored) and onboarding in the input's month.
    static func accountFigures(_ input: TransformInput, context: TransformContext, facts: [AccountFacts],
                               onboarding: [AccountOnboarding]) -> (adoption: KPITable, onboarding: KPITable, health: KPITable) {
        let data = input.data
        let configuration = input.configuration
        let period = input.period
        let adoption = AdoptionFamily.figures(
            adoption: facts.map { $0.isPaying ? $0.adoption : nil }, accounts: data.accounts,
            keyFeatures: configuration.adoption.keyFeatures, usageLoaded: data.isLoaded(.usageEvents), scopes: context.scopes)
        let onboardingFigures = OnboardingFamily.figures(
            accounts: data.accounts, onboarding: onboarding, milestones: data.milestones, settings: configuration.onboarding,
            monthStart: period.start, monthEnd: period.end, asOf: period.asOf, asOfDate: period.asOfDate,
            timeZone: configuration.timeZone, milestonesLoaded: data.isLoaded(.milestones), scopes: context.scopes)
        return (adoption, onboardingFigures, HealthFamily.figures(facts, scopes: context.scopes))
    }

    /// The `months` months before M, oldest first, each computed as its own default run would.
    static func history(_ families: [any MetricFamily], input: TransformInput, calendar: BusinessCalendar, index: AccountRecordIndex,
                        usage: UsageMonths?, coverage: SourceCoverage?, jobs: Int, months: Int) -> [HistoryMonth] {
        var out = [HistoryMonth?](repeating: nil, count: months)
        out.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendable(buffer)
            ParallelLoop.run(months, jobs: jobs) { i in
                let k = months - i
                guard let month = input.monthsBack(k) else { return }
                slots.value[i] = historyMonth(families, input: month, usage: usage?.accounts(monthsBack: k) ?? [:],
                                              calendar: calendar, index: index, coverage: coverage)
            }
        }
        return out.compactMap { $0 }
    }

    /// One month of history: `input` is the month with its default as-of, `usage` its accounts' usage.
    static func historyMonth(_ families: [any MetricFamily], input: TransformInput, usage: [String: AccountUsage],
                             calendar: BusinessCalendar, index: AccountRecordIndex, coverage: SourceCoverage?) -> HistoryMonth {
        let revenue = RevenueFamily.compute(input)
        let context = TransformContext(input, revenue: revenue, calendar: calendar)
        let end = input.period.end
        func covered(_ sources: [CanonicalSource]) -> Bool {
            coverage?.covers(before: end, sources: sources, data: input.data) ?? true
        }
        var uncovered: [String] = []
        var figures = RevenueFamily.figures(revenue, historyMonth: revenue.window.historyMonths - 1)
        if covered(SupportFamily.sources) {
            figures.append(contentsOf: SupportFamily.compute(input, context: context).figures)
        } else {
            uncovered.append(SupportFamily.name)
        }
        for family in families {
            if covered(family.sources) { figures.append(contentsOf: family.compute(input, context: context)) } else { uncovered.append(family.name) }
        }
        let builder = AccountFactsBuilder(input: input, context: context, usage: usage, index: index)
        let onboarding = builder.onboarding(monthsBack: 0)
        var facts = builder.facts(monthsBack: 0, onboarding: onboarding)
        HealthScoring.score(&facts, model: input.configuration.health)
        let account = accountFigures(input, context: context, facts: facts, onboarding: onboarding)
        let adoptionCovered = covered(AdoptionFamily.sources)
        let healthCovered = covered(HealthFamily.sources)
        if adoptionCovered { figures.append(contentsOf: account.adoption) } else { uncovered.append(AdoptionFamily.name) }
        if covered(OnboardingFamily.sources) { figures.append(contentsOf: account.onboarding) } else { uncovered.append(OnboardingFamily.name) }
        if healthCovered { figures.append(contentsOf: account.health) } else { uncovered.append(HealthFamily.name) }
        var points: [HistoryMonth.AccountPoint] = []
        if adoptionCovered || healthCovered {
            points = facts.map { f in
                guard f.isPaying else { return HistoryMonth.AccountPoint() }
                return HistoryMonth.AccountPoint(isPaying: true, mau: adoptionCovered ? f.adoption?.mau : nil,
                                                 licenseUtilization: adoptionCovered ? f.adoption?.licenseUtilization : nil,
                                                 healthScore: healthCovered ? f.finalScore : nil)
            }
        }
        return HistoryMonth(month: input.period.month, figures: figures.groupedByScope(), uncovered: uncovered, accounts: points)
    }
}
