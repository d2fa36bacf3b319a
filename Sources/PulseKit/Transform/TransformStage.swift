import Tabular

/// The transform stage: revenue first (it decides each account's tier and whether it pays, which every
/// other family's scopes are made of), then support and every other family, at most `jobs` at once,
/// then the account-level facts (adoption, onboarding, health, alerts). Figures are written scope by
/// scope: revenue, support, the families in ``MetricFamilies/all`` order, adoption, onboarding, health.
enum TransformStage {
    /// The figures of revenue and `families` over `input`, in family order whatever order they finish in.
    static func run(_ families: [any MetricFamily], input: TransformInput, jobs: Int) -> TransformResult {
        let revenue = RevenueFamily.compute(input)
        let context = TransformContext(input, revenue: revenue)
        var history: [(month: YearMonth, figures: KPITable)] = Array(repeating: (input.period.month, KPITable()),
                                                                      count: revenue.window.historyMonths)
        let months = revenue.window.history
        var tables = [KPITable](repeating: KPITable(), count: families.count)
        // M−1 as its own run would see it: support and the other families again, as of M_start.
        let previous = input.previousMonth
        var previousTables = [KPITable](repeating: KPITable(), count: 1 + families.count)
        var support = [SupportResult()]
        support.withUnsafeMutableBufferPointer { supportBuffer in
            history.withUnsafeMutableBufferPointer { historyBuffer in
                tables.withUnsafeMutableBufferPointer { buffer in
                    let out = UnsafeSendable(buffer)
                    let historyOut = UnsafeSendable(historyBuffer)
                    let supportOut = UnsafeSendable(supportBuffer)
                    previousTables.withUnsafeMutableBufferPointer { previousBuffer in
                        let previousOut = UnsafeSendable(previousBuffer)
                        let previousTasks = previous == nil ? 0 : 1 + families.count
                        ParallelLoop.run(1 + families.count + months.count + previousTasks, jobs: jobs) { k in
                            if k == 0 {
                                supportOut.value[0] = SupportFamily.compute(input, context: context)
                            } else if k <= families.count {
                                out.value[k - 1] = families[k - 1].compute(input, context: context)
                            } else if k <= families.count + months.count {
                                let h = k - 1 - families.count
                                historyOut.value[h] = (months[h], RevenueFamily.figures(revenue, historyMonth: h))
                            } else if let previous {
                                let p = k - 1 - families.count - months.count
                                previousOut.value[p] = p == 0
                                    ? SupportFamily.compute(previous, context: context).figures
                                    : families[p - 1].compute(previous, context: context)
                            }
                        }
                    }
                }
            }
        }
        var figures = history[history.count - 1].figures
        figures.append(contentsOf: support[0].figures)
        for part in tables { figures.append(contentsOf: part) }
        var result = TransformResult(figures: figures, history: history, revenue: revenue, support: support[0])
        if history.count >= 2 { result.previousMonth.append(contentsOf: history[history.count - 2].figures) }
        for part in previousTables { result.previousMonth.append(contentsOf: part) }
        accountLevel(input, context: context, into: &result, jobs: jobs)
        result.figures = result.figures.groupedByScope()
        return result
    }

    /// Adoption, onboarding, health and alerts: every account's facts at M, M−1 and M−2, the company
    /// figures built from them, and the alerts.
    static func accountLevel(_ input: TransformInput, context: TransformContext, into result: inout TransformResult, jobs: Int) {
        let data = input.data
        let configuration = input.configuration
        let builder = AccountFactsBuilder(input: input, context: context, usage: input.usage?.accounts() ?? [:])
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
        result.figures.append(contentsOf: AdoptionFamily.figures(
            adoption: current.map { $0.isPaying ? $0.adoption : nil }, accounts: data.accounts,
            keyFeatures: configuration.adoption.keyFeatures, usageLoaded: data.isLoaded(.usageEvents), scopes: context.scopes))
        result.figures.append(contentsOf: OnboardingFamily.figures(
            accounts: data.accounts, onboarding: onboarding, milestones: data.milestones, settings: configuration.onboarding,
            monthStart: input.period.start, monthEnd: input.period.end, asOf: input.period.asOf, asOfDate: input.period.asOfDate,
            timeZone: configuration.timeZone, milestonesLoaded: data.isLoaded(.milestones), scopes: context.scopes))
        result.figures.append(contentsOf: HealthFamily.figures(current, scopes: context.scopes))
        // M−1's adoption and health for the review's previous-month column (company scope only: the
        // scopes above are M's).
        var previousFigures = AdoptionFamily.figures(
            adoption: previous.map { $0.isPaying ? $0.adoption : nil }, accounts: data.accounts,
            keyFeatures: configuration.adoption.keyFeatures, usageLoaded: data.isLoaded(.usageEvents), scopes: context.scopes)
        previousFigures.append(contentsOf: HealthFamily.figures(previous, scopes: context.scopes))
        result.previousMonth.append(contentsOf: previousFigures)
        result.previousMonth.figures.removeAll { $0.scope != "company" }
    }
}
