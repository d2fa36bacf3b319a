/// Percentiles as docs/metrics.md §0.8 defines them: linear interpolation between closest ranks (Hyndman–Fan
/// type 7, numpy's default and DuckDB's `quantile_cont`); the median is the 0.5 percentile.
enum Percentile {
    /// A percentile as an exact fraction, so that the rank position `(n − 1) × p` is computed in
    /// integers: with p = 0.9 as a double, `3 × 0.9 − 2` is 0.7000000000000002, and the p90 of
    /// 10, 20, 30, 100 would be written 79.00000000000001 instead of 79.
    struct Rank: Sendable {
        let numerator: Int
        let denominator: Int
        init(_ numerator: Int, _ denominator: Int) {
            precondition(denominator > 0 && (0...denominator).contains(numerator))
            self.numerator = numerator
            self.denominator = denominator
        }
        /// The median, 0.5.
        static let median = Rank(1, 2)
        /// The 90th percentile, 0.9.
        static let p90 = Rank(9, 10)
    }

    /// The percentile of `sorted` (ascending); nil when empty.
    /// - Complexity: O(1).
    static func of(sorted values: [Double], _ rank: Rank) -> Double? {
        guard !values.isEmpty else { return nil }
        let position = (values.count - 1) * rank.numerator
        let low = position / rank.denominator
        let remainder = position % rank.denominator
        guard remainder != 0 else { return values[low] }
        let fraction = Double(remainder) / Double(rank.denominator)
        return values[low] + fraction * (values[low + 1] - values[low])
    }
}
