/// The figures of a run in the order they are written: one typed value per (scope, metric), `nil`
/// when undefined.
package struct KPITable: Sendable, Equatable {
    /// One figure.
    package struct Figure: Sendable, Equatable {
        /// `company`, `tier:<name>`, `plan:<name>`, …
        package var scope: String
        /// The metric's name from `docs/metrics.md`.
        package var metric: String
        /// The value, or `nil` when undefined.
        package var value: FigureValue?

        /// The value as written (`.` decimal mark, no separators), or `nil` when undefined.
        package var text: String? { value?.text }

        /// Creates a figure.
        package init(scope: String, metric: String, value: FigureValue?) {
            self.scope = scope
            self.metric = metric
            self.value = value
        }
    }

    /// Every figure, scopes in written order and metrics in family order within a scope.
    package var figures: [Figure] = []

    /// An empty table.
    package init() {}

    /// Adds the figures of another table after these.
    package mutating func append(contentsOf other: KPITable) {
        figures += other.figures
    }

    /// The same figures grouped by scope (scopes in order of first appearance), keeping the order of
    /// metrics within a scope: `kpis.csv` lists one scope's figures together, family after family.
    package func groupedByScope() -> KPITable {
        var order: [String: Int] = [:]
        for figure in figures where order[figure.scope] == nil { order[figure.scope] = order.count }
        var grouped = KPITable()
        grouped.figures = figures.enumerated()
            .sorted { (order[$0.element.scope]!, $0.offset) < (order[$1.element.scope]!, $1.offset) }
            .map(\.element)
        return grouped
    }

    /// The scopes in order of first appearance.
    package var scopes: [String] {
        var seen = Set<String>()
        return figures.compactMap { seen.insert($0.scope).inserted ? $0.scope : nil }
    }
}
