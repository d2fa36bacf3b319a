import Tabular

/// Scores every paying account's health from its facts, applies the override in force, and sets
/// `health_delta` against M−1's computed score (docs/metrics.md §7.4–7.5).
enum HealthScoring {
    /// Scores `facts` in place (accounts paying in the month only).
    static func score(_ facts: inout [AccountFacts], model: HealthModel) {
        let exact = ExactHealthModel(model)
        let names = model.components.map(\.name)
        // Through the buffer: copying an account's facts would retain every string they hold.
        facts.withUnsafeMutableBufferPointer { facts in
            for a in facts.indices where facts[a].isPaying {
                let health = HealthScore(model: exact, names: names) { facts[a].exactRaw($0) }
                facts[a].health = health
                let final = HealthOverrideResolution.apply(facts[a].override, to: health.exactScore, band: health.band,
                                                           thresholds: model.bands)
                facts[a].finalExactScore = final.score
                facts[a].finalScore = final.score?.double
                facts[a].finalBand = final.band
            }
        }
    }

    /// `health_delta` = score(M) − score(M−1), computed scores, for accounts paying at both.
    static func delta(_ current: inout [AccountFacts], previous: [AccountFacts]) {
        for a in current.indices where current[a].isPaying && previous[a].isPaying {
            if let now = current[a].health?.exactScore, let before = previous[a].health?.exactScore {
                current[a].healthDelta = (now - before).double
            }
        }
    }
}
