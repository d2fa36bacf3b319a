import Tabular

/// An account's health score from the pipeline's scorecard (docs/metrics.md, health score), with its
/// explanation.
///
/// Each component maps its raw value to 0–100 points; a component without a raw value is missing and
/// its weight is spread over the others: score = Σ wᵢ·sᵢ / Σ wᵢ over the components present. With none
/// present the score is undefined and the band `unknown`. Everything is computed exactly, from the raw
/// counts and the pipeline's decimals, and rounded once to the nearest double where it is written: a
/// score of exactly 50 is yellow.
public struct HealthScore: Sendable, Equatable {
    /// One component's part in the score.
    public struct Part: Sendable, Equatable {
        /// The component.
        public var name: HealthComponentName
        /// Its raw value; nil when missing.
        public var raw: Double?
        /// Its points, 0–100; nil when missing.
        public var points: Double?
        /// wᵢ / Σ w over the components present; 0 when missing.
        public var effectiveWeight: Double
        /// effective weight × points; the contributions add up to the score.
        public var contribution: Double
    }

    /// The score, 0–100; nil when no component is present.
    public var score: Double?
    /// The band of the exact score.
    public var band: HealthBand
    /// Every component of the scorecard, in its order.
    public var parts: [Part]
    /// The score exactly (what `health_delta` and `health_avg` are computed from).
    public var exactScore: ExactNumber?

    /// Scores raw values (by component) with `model`; each double is taken as the decimal it reads as
    /// (0.8 is 4/5), as a person would write it.
    public init(model: HealthModel, raw: (HealthComponentName) -> Double?) {
        self.init(model: ExactHealthModel(model), names: model.components.map(\.name)) { raw($0).map { ExactNumber(decimalOf: $0) } }
    }

    /// Scores exact raw values (by component) with `model`, its numbers already made exact.
    init(model: ExactHealthModel, names: [HealthComponentName], raw: (HealthComponentName) -> ExactNumber?) {
        var parts: [Part] = []
        parts.reserveCapacity(names.count)
        var points: [ExactNumber?] = []
        points.reserveCapacity(names.count)
        var presentWeight = ExactNumber.zero
        for (k, name) in names.enumerated() {
            let value = raw(name)
            let p = value.map { model.points(k, raw: $0) }
            if value != nil { presentWeight = presentWeight + model.components[k].weight }
            points.append(p)
            parts.append(Part(name: name, raw: value?.double, points: p?.double, effectiveWeight: 0, contribution: 0))
        }
        guard !presentWeight.isZero else {
            self.score = nil
            self.band = .unknown
            self.parts = parts
            return
        }
        var weighted = ExactNumber.zero
        for k in names.indices {
            guard let p = points[k] else { continue }
            let effective = model.components[k].weight / presentWeight
            let contribution = effective * p
            parts[k].effectiveWeight = effective.double
            parts[k].contribution = contribution.double
            weighted = weighted + model.components[k].weight * p
        }
        let score = weighted / presentWeight
        self.exactScore = score
        self.score = score.double
        self.band = model.band(of: score)
        self.parts = parts
    }

    /// `green` at or above the green threshold, `yellow` at or above the yellow one, else `red`,
    /// comparing the decimals the pipeline wrote with the decimal `score` reads as.
    public static func band(of score: Double, thresholds: HealthModel.BandThresholds) -> HealthBand {
        band(of: ExactNumber(decimalOf: score), thresholds: thresholds)
    }

    /// The band of an exact score.
    static func band(of score: ExactNumber, thresholds: HealthModel.BandThresholds) -> HealthBand {
        score >= ExactNumber(decimalOf: thresholds.green) ? .green : score >= ExactNumber(decimalOf: thresholds.yellow) ? .yellow : .red
    }
}
