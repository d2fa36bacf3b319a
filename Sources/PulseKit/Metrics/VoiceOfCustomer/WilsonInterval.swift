/// The Wilson score interval of a proportion (docs/metrics.md §4.2: the 95 % interval of csat, z = 1.96).
struct WilsonInterval: Equatable {
    /// The lower bound.
    let low: Double
    /// The upper bound.
    let high: Double

    /// The interval of `successes` out of `n` at `z`; nil when n = 0.
    init?(successes: Int, n: Int, z: Double = 1.96) {
        guard n > 0 else { return nil }
        let n = Double(n)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        low = max(0, center - half)
        high = min(1, center + half)
    }
}
