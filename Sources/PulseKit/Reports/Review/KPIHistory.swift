import Tabular

/// The company figures of the twelve months M−11 … M that the KPI review's trend charts and the
/// workbook's KPIs sheet show. Layers, later ones winning: what earlier published runs recorded in the
/// warehouse, then the months this run computed (revenue for every month, the other families for M−1
/// and M).
package struct KPIHistory: Sendable {
    /// The months, oldest first; M is last.
    package let months: [YearMonth]
    /// Per month, metric → value as written in `kpis.csv` (`nil` inside: recorded as undefined).
    private var values: [[String: String?]]
    /// Metric names in the order they were first added (M's written order first).
    package private(set) var metrics: [String] = []
    /// The names in ``metrics``.
    private var known: Set<String> = []

    /// An empty history of the twelve months ending with `month`.
    package init(endingWith month: YearMonth, count: Int = 12) {
        months = (0..<count).map { month.adding(months: $0 - count + 1) }
        values = Array(repeating: [:], count: count)
    }

    /// Adds `table`'s company figures as the values of `month` (ignored when outside the history).
    package mutating func overlay(_ table: KPITable, month: YearMonth) {
        guard let k = months.firstIndex(of: month) else { return }
        for figure in table.figures where figure.scope == "company" {
            set(figure.metric, figure.text, at: k)
        }
    }

    /// Adds one recorded value.
    mutating func set(_ metric: String, _ value: String?, at k: Int) {
        values[k][metric] = .some(value)
        if known.insert(metric).inserted { metrics.append(metric) }
    }

    /// Adds what the warehouse recorded: (period, metric, value) rows, later rows winning.
    mutating func overlay(recorded rows: [(period: String, metric: String, value: String?)]) {
        let index = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1.description, $0) })
        for row in rows {
            if let k = index[row.period] { set(row.metric, row.value, at: k) }
        }
    }

    /// The value of `metric` in month `k` (0 is the oldest) as written, nil when unknown or undefined.
    package func text(_ metric: String, month k: Int) -> String? {
        values[k][metric] ?? nil
    }

    /// The value of `metric` in month `k` as a number, nil when unknown or undefined.
    package func value(_ metric: String, month k: Int) -> Double? {
        text(metric, month: k).flatMap(Double.init)
    }

    /// `metric` over the months, oldest first.
    package func series(_ metric: String) -> [Double?] {
        months.indices.map { value(metric, month: $0) }
    }

    /// The months as `YYYY-MM` labels.
    package var labels: [String] { months.map(\.description) }
}
