/// An account's health score from the pipeline's scorecard (docs/metrics.md §7), with its explanation.
///
/// Each component maps its raw value to 0–100 points; a component without a raw value is missing and
/// its weight is spread over the others: score = Σ wᵢ·sᵢ / Σ wᵢ over the components present. With none
/// present the score is undefined and the band `unknown`.
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
    /// The band of the unrounded score.
    public var band: HealthBand
    /// Every component of the scorecard, in its order.
    public var parts: [Part]

    /// Scores raw values (by component) with `model`.
    public init(model: HealthModel, raw: (HealthComponentName) -> Double?) {
        var parts: [Part] = []
        parts.reserveCapacity(model.components.count)
        var presentWeight = 0.0
        for component in model.components {
            let value = raw(component.name)
            if value != nil { presentWeight += component.weight }
            parts.append(Part(name: component.name, raw: value, points: value.map(component.mapping.points(for:)),
                              effectiveWeight: 0, contribution: 0))
        }
        guard presentWeight > 0 else {
            self.score = nil
            self.band = .unknown
            self.parts = parts
            return
        }
        var score = 0.0
        for (k, component) in model.components.enumerated() {
            guard let points = parts[k].points else { continue }
            parts[k].effectiveWeight = component.weight / presentWeight
            parts[k].contribution = parts[k].effectiveWeight * points
            score += parts[k].contribution
        }
        self.score = score
        self.band = Self.band(of: score, thresholds: model.bands)
        self.parts = parts
    }

    /// `green` at or above the green threshold, `yellow` at or above the yellow one, else `red`.
    public static func band(of score: Double, thresholds: HealthModel.BandThresholds) -> HealthBand {
        score >= thresholds.green ? .green : score >= thresholds.yellow ? .yellow : .red
    }
}
