import Tabular

/// The transform stage: revenue first (it decides each account's tier and whether it pays, which every
/// other family's scopes are made of), then every other family, at most `jobs` at once.
enum TransformStage {
    /// The figures of revenue and `families` over `input`, in family order whatever order they finish in.
    static func run(_ families: [any MetricFamily], input: TransformInput, jobs: Int) -> TransformResult {
        let revenue = RevenueFamily.compute(input)
        var history: [(month: YearMonth, figures: KPITable)] = Array(repeating: (input.period.month, KPITable()),
                                                                      count: revenue.window.historyMonths)
        let months = revenue.window.history
        var tables = [KPITable](repeating: KPITable(), count: families.count)
        history.withUnsafeMutableBufferPointer { historyBuffer in
            tables.withUnsafeMutableBufferPointer { buffer in
                let out = UnsafeSendable(buffer)
                let historyOut = UnsafeSendable(historyBuffer)
                ParallelLoop.run(families.count + months.count, jobs: jobs) { k in
                    if k < families.count {
                        out.value[k] = families[k].compute(input, revenue: revenue)
                    } else {
                        let h = k - families.count
                        historyOut.value[h] = (months[h], RevenueFamily.figures(revenue, historyMonth: h))
                    }
                }
            }
        }
        var figures = history[history.count - 1].figures
        for part in tables { figures.append(contentsOf: part) }
        return TransformResult(figures: figures, history: history, revenue: revenue)
    }
}
