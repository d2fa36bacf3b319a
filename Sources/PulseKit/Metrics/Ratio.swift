import Tabular

/// A rate kept as the exact integer ratio it is defined by, so that identities between rates
/// (`grr ≤ nrr`, `net_mrr_churn_rate = 1 − nrr`) can be checked exactly and the written value is the
/// correctly rounded quotient. A zero denominator makes the rate undefined (docs/metrics.md §0.7).
package struct Ratio: Sendable, Hashable {
    /// The numerator.
    package var numerator: Int64
    /// The denominator; 0 means undefined.
    package var denominator: Int64

    /// `numerator / denominator`.
    package init(_ numerator: Int64, _ denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The quotient, or nil when the denominator is 0.
    package var value: Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }

    /// `numerator / denominator` of counts.
    package init(_ numerator: Int, _ denominator: Int) {
        self.init(Int64(numerator), Int64(denominator))
    }

    /// The quotient as written in `kpis.csv`: the fewest digits that round-trip; nil when undefined.
    package var text: String? { value.map(NumberText.shortest) }

    /// `1 − self`, exactly; undefined stays undefined.
    package var complement: Ratio { Ratio(denominator - numerator, denominator) }
}
