/// The computed geometry of one waterfall bar, in data units: the bar spans `from` → `to`.
public struct WaterfallBar: Sendable, Equatable {
    /// How a bar is drawn (and which class it gets).
    public enum Kind: Sendable, Equatable {
        /// A total, drawn from 0 (class `total`).
        case total
        /// A non-negative change (class `increase`).
        case increase
        /// A negative change (class `decrease`).
        case decrease
        /// A step whose value is not finite: no bar, labelled "n/a"; the running total is unchanged.
        case undefined
    }

    /// The step's label, as given.
    public var label: String
    /// Where the bar starts: 0 for a total, the running total before a change.
    public var from: Double
    /// Where the bar ends: the total, or the running total after the change.
    public var to: Double
    /// The bar's kind.
    public var kind: Kind
    /// The step's value (`nil` when undefined).
    public var value: Double?

    /// Creates a bar.
    public init(label: String, from: Double, to: Double, kind: Kind, value: Double?) {
        self.label = label
        self.from = from
        self.to = to
        self.kind = kind
        self.value = value
    }
}
