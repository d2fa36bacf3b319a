import BusinessTime
import Tabular

/// The transform stage: for M and for each of the twelve months before it, the same steps — revenue
/// first (it decides each account's tier and whether it pays, which every family's scopes are made of),
/// every account's facts (adoption, surveys, tickets, onboarding) with its health score, then every
/// family of ``MetricFamilies/all`` over the month (docs/metrics.md §11); for M also the alerts, which
/// compare M's facts with M−1's. Figures are written scope by scope, families in list order.
enum TransformStage {
    /// How many months of history before M a run computes from its inputs.
    static let historyMonths = 12

    /// The figures of M and of its months of history over `input` with `families`. `coverage` says
    /// which months each source's records reach back to (nil: all).
    static func run(_ families: [any MetricFamily], input: TransformInput, coverage: SourceCoverage? = nil,
                    jobs: Int, historyMonths: Int = TransformStage.historyMonths) -> TransformResult {
        let revenue = RevenueFamily.compute(input)
        let context = TransformContext(input, revenue: revenue)
        let support = SupportFamily.compute(input, context: context)
        var result = TransformResult(figures: KPITable(), history: [], revenue: revenue, support: support)
        let index = AccountRecordIndex(input.data, scopes: context.scopes, onboarding: input.configuration.onboarding)
        let usage = input.usage?.monthly()
        let onboarding = accountLevel(input, context: context, index: index, usage: usage?.accounts(monthsBack: 0) ?? [:],
                                      into: &result, jobs: jobs)
        let month = MonthInputs(input: input, context: context, facts: result.facts, onboarding: onboarding, support: support)
        result.figures = figures(families, month: month, coverage: nil, jobs: jobs).figures
        result.history = history(families, input: input, calendar: context.calendar, index: index, usage: usage,
                                 coverage: coverage, jobs: jobs, months: historyMonths)
        return result
    }

    /// Every family's figures of one month, grouped by scope, and the families the inputs do not cover
    /// in it (left out). Families that read no account facts run concurrently, at most `jobs` at once.
    static func figures(_ families: [any MetricFamily], month: MonthInputs, coverage: SourceCoverage?,
                        jobs: Int) -> (figures: KPITable, uncovered: [String]) {
        let end = month.input.period.end
        let covered = families.map { family in
            coverage?.covers(before: end, sources: family.sources, data: month.input.data) ?? true
        }
        var tables = [KPITable](repeating: KPITable(), count: families.count)
        tables.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            let first = families.indices.filter { covered[$0] && !families[$0].readsAccounts }
            ParallelLoop.run(first.count, jobs: jobs) { k in out.value[first[k]] = families[first[k]].figures(month) }
            for k in families.indices where covered[k] && families[k].readsAccounts { out.value[k] = families[k].figures(month) }
        }
        var table = KPITable()
        for part in tables { table.append(contentsOf: part) }
        return (table.groupedByScope(), families.indices.filter { !covered[$0] }.map { families[$0].name })
    }

    /// Every account's facts at M, M−1 and M−2 with their health scores, and the alerts; returns M's
    /// onboarding.
    static func accountLevel(_ input: TransformInput, context: TransformContext, index: AccountRecordIndex,
                             usage: [String: AccountUsage], into result: inout TransformResult, jobs: Int) -> [AccountOnboarding] {
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
        result.expiredOverrides = HealthOverrideResolution(input.data.healthOverrides, asOfDate: input.period.asOfDate).expired
        return onboarding
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
        let builder = AccountFactsBuilder(input: input, context: context, usage: usage, index: index)
        let onboarding = builder.onboarding(monthsBack: 0)
        var facts = builder.facts(monthsBack: 0, onboarding: onboarding)
        HealthScoring.score(&facts, model: input.configuration.health)
        let month = MonthInputs(input: input, context: context, facts: facts, onboarding: onboarding)
        let (figures, uncovered) = Self.figures(families, month: month, coverage: coverage, jobs: 1)
        let adoptionCovered = !uncovered.contains(AdoptionFamily.name)
        let healthCovered = !uncovered.contains(HealthFamily.name)
        var points: [HistoryMonth.AccountPoint] = []
        if adoptionCovered || healthCovered {
            points = facts.map { f in
                guard f.isPaying else { return HistoryMonth.AccountPoint() }
                return HistoryMonth.AccountPoint(isPaying: true, mau: adoptionCovered ? f.adoption?.mau : nil,
                                                 licenseUtilization: adoptionCovered ? f.adoption?.licenseUtilization : nil,
                                                 healthScore: healthCovered ? f.finalScore : nil)
            }
        }
        return HistoryMonth(month: input.period.month, figures: figures, uncovered: uncovered, accounts: points)
    }
}
