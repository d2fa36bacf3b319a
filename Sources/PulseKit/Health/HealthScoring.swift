/// Scores every paying account's health from its facts, applies the override in force, and sets
/// `health_delta` against M−1's computed score (docs/metrics.md §7.4–7.5).
enum HealthScoring {
    /// Scores `facts` in place (accounts paying in the month only).
    static func score(_ facts: inout [AccountFacts], model: HealthModel) {
        // Through the buffer: copying an account's facts would retain every string they hold.
        facts.withUnsafeMutableBufferPointer { facts in
            for a in facts.indices where facts[a].isPaying {
                let health = HealthScore(model: model) { facts[a].raw($0) }
                facts[a].health = health
                (facts[a].finalScore, facts[a].finalBand) = HealthOverrideResolution.apply(
                    facts[a].override, to: health.score, band: health.band, thresholds: model.bands)
            }
        }
    }

    /// `health_delta` = score(M) − score(M−1), computed scores, for accounts paying at both.
    static func delta(_ current: inout [AccountFacts], previous: [AccountFacts]) {
        for a in current.indices where current[a].isPaying && previous[a].isPaying {
            if let now = current[a].health?.score, let before = previous[a].health?.score { current[a].healthDelta = now - before }
        }
    }
}
