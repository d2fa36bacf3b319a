/// A named series of values, one per category; `nil` (or a non-finite number) marks a value
/// that is undefined for that category.
public struct ChartSeries: Sendable {
    /// The series name shown in the legend (untrusted text is fine: it is escaped and shortened for display).
    public var name: String
    /// The values by category index; missing trailing values count as `nil`, extra values are ignored.
    public var values: [Double?]

    /// Creates a series named `name` with `values` by category index.
    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}
