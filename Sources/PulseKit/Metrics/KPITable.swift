/// The figures of a run in the order they are written: one value per (scope, metric), a value
/// being a number literal or `nil` when undefined.
public struct KPITable: Sendable, Equatable {
    /// One figure.
    public struct Figure: Sendable, Equatable {
        /// `company`, `tier:<name>`, `plan:<name>`, …
        public var scope: String
        /// The metric's name from `docs/metrics.md`.
        public var metric: String
        /// The value as written (`.` decimal mark, no separators), or `nil` when undefined.
        public var value: String?

        /// Creates a figure.
        public init(scope: String, metric: String, value: String?) {
            self.scope = scope
            self.metric = metric
            self.value = value
        }
    }

    /// Every figure, scopes in written order and metrics in family order within a scope.
    public var figures: [Figure] = []

    /// An empty table.
    public init() {}

    /// Adds the figures of another table after these.
    public mutating func append(contentsOf other: KPITable) {
        figures += other.figures
    }

    /// The same figures grouped by scope (scopes in order of first appearance), keeping the order of
    /// metrics within a scope: `kpis.csv` lists one scope's figures together, family after family.
    public func groupedByScope() -> KPITable {
        var order: [String: Int] = [:]
        for figure in figures where order[figure.scope] == nil { order[figure.scope] = order.count }
        var grouped = KPITable()
        grouped.figures = figures.enumerated()
            .sorted { (order[$0.element.scope]!, $0.offset) < (order[$1.element.scope]!, $1.offset) }
            .map(\.element)
        return grouped
    }

    /// The scopes in order of first appearance.
    public var scopes: [String] {
        var seen = Set<String>()
        return figures.compactMap { seen.insert($0.scope).inserted ? $0.scope : nil }
    }
}
