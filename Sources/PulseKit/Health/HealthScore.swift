import Tabular

/// An account's health score from the pipeline's scorecard (docs/metrics.md §7), with its explanation.
///
/// Each component maps its raw value to 0–100 points; a component without a raw value is missing and
/// its weight is spread over the others: score = Σ wᵢ·sᵢ / Σ wᵢ over the components present. With none
/// present the score is undefined and the band `unknown`. Everything is computed exactly, from the raw
/// counts and the pipeline's decimals, and rounded once to the nearest double where it is written: a
/// score of exactly 50 is yellow.
package struct HealthScore: Sendable, Equatable {
    /// One component's part in the score.
    package struct Part: Sendable, Equatable {
        /// The component.
        package var name: HealthComponentName
        /// Its raw value; nil when missing.
        package var raw: Double?
        /// Its points, 0–100; nil when missing.
        package var points: Double?
        /// wᵢ / Σ w over the components present; 0 when missing.
        package var effectiveWeight: Double
        /// effective weight × points; the contributions add up to the score.
        package var contribution: Double
    }

    /// The score, 0–100; nil when no component is present.
    package var score: Double?
    /// The band of the exact score.
    package var band: HealthBand
    /// Every component of the scorecard, in its order.
    package var parts: [Part]
    /// The score exactly (what `health_delta` and `health_avg` are computed from).
    package var exactScore: ExactNumber?

    /// Scores raw values (by component) with `model`; each double is taken as the decimal it reads as
    /// (0.8 is 4/5), as a person would write it.
    package init(model: HealthModel, raw: (HealthComponentName) -> Double?) {
        self.init(model: ExactHealthModel(model), names: model.components.map(\.name)) { raw($0).map { ExactNumber(decimalOf: $0) } }
    }

    /// Scores exact raw values (by component) with `model`, its numbers already made exact: on 128-bit
    /// fractions, or on unbounded ones when a value outgrows them.
    init(model: ExactHealthModel, names: [HealthComponentName], raw: (HealthComponentName) -> ExactNumber?) {
        var parts = names.map { Part(name: $0, raw: nil, points: nil, effectiveWeight: 0, contribution: 0) }
        let exact: ExactNumber?
        let band: HealthBand
        if let small = model.small, let result = try? small.score(names, raw: raw, fraction: { number in
            if case let .small(fraction) = number { fraction } else { nil }
        }, into: &parts) {
            (exact, band) = (result.score.map(ExactNumber.small), result.band)
        } else {
            let result = try! model.big.score(names, raw: raw, fraction: { $0.wide }, into: &parts)
            (exact, band) = (result.score.map(ExactNumber.big), result.band)
        }
        var total = 0.0
        for k in names.indices where parts[k].points != nil { total += model.weights[k] }
        for k in names.indices {
            // The explanation's shares, in doubles: they add up to the score within rounding.
            if let points = parts[k].points, total > 0 {
                parts[k].effectiveWeight = model.weights[k] / total
                parts[k].contribution = parts[k].effectiveWeight * points
            }
        }
        self.exactScore = exact
        self.score = exact?.double
        self.band = band
        self.parts = parts
    }

    /// `green` at or above the green threshold, `yellow` at or above the yellow one, else `red`,
    /// comparing the decimals the pipeline wrote with the decimal `score` reads as.
    package static func band(of score: Double, thresholds: HealthModel.BandThresholds) -> HealthBand {
        band(of: ExactNumber(decimalOf: score), thresholds: thresholds)
    }

    /// The band of an exact score.
    static func band(of score: ExactNumber, thresholds: HealthModel.BandThresholds) -> HealthBand {
        score >= ExactNumber(decimalOf: thresholds.green) ? .green : score >= ExactNumber(decimalOf: thresholds.yellow) ? .yellow : .red
    }
}
