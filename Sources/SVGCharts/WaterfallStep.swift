/// One bar of a waterfall (bridge) chart: a total or a change from the running total.
public struct WaterfallStep: Sendable {
    /// Whether a step is an absolute total or a change.
    public enum Kind: Sendable {
        /// An absolute amount drawn from zero (e.g. start or end MRR); it resets the running total.
        case total
        /// A signed change drawn floating from the running total (e.g. +new, −churn).
        case change
    }

    /// The step's category label (untrusted text is fine).
    public var label: String
    /// The total, or the signed change; a non-finite value is undefined and shown as "n/a".
    public var value: Double
    /// Whether `value` is a total or a change.
    public var kind: Kind

    /// Creates a step.
    public init(label: String, value: Double, kind: Kind) {
        self.label = label
        self.value = value
        self.kind = kind
    }
}
