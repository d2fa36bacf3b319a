import Tabular

/// The transform stage: revenue first (it decides each account's tier and whether it pays, which every
/// other family's scopes are made of), then support and every other family, at most `jobs` at once.
/// Figures are written revenue, support, then the families in ``MetricFamilies/all`` order.
enum TransformStage {
    /// The figures of revenue and `families` over `input`, in family order whatever order they finish in.
    static func run(_ families: [any MetricFamily], input: TransformInput, jobs: Int) -> TransformResult {
        let revenue = RevenueFamily.compute(input)
        var history: [(month: YearMonth, figures: KPITable)] = Array(repeating: (input.period.month, KPITable()),
                                                                      count: revenue.window.historyMonths)
        let months = revenue.window.history
        var tables = [KPITable](repeating: KPITable(), count: families.count)
        var support = [SupportResult()]
        support.withUnsafeMutableBufferPointer { supportBuffer in
            history.withUnsafeMutableBufferPointer { historyBuffer in
                tables.withUnsafeMutableBufferPointer { buffer in
                    let out = UnsafeSendable(buffer)
                    let historyOut = UnsafeSendable(historyBuffer)
                    let supportOut = UnsafeSendable(supportBuffer)
                    ParallelLoop.run(1 + families.count + months.count, jobs: jobs) { k in
                        if k == 0 {
                            supportOut.value[0] = SupportFamily.compute(input, revenue: revenue)
                        } else if k <= families.count {
                            out.value[k - 1] = families[k - 1].compute(input, revenue: revenue)
                        } else {
                            let h = k - 1 - families.count
                            historyOut.value[h] = (months[h], RevenueFamily.figures(revenue, historyMonth: h))
                        }
                    }
                }
            }
        }
        var figures = history[history.count - 1].figures
        figures.append(contentsOf: support[0].figures)
        for part in tables { figures.append(contentsOf: part) }
        return TransformResult(figures: figures.groupedByScope(), history: history, revenue: revenue, support: support[0])
    }
}
