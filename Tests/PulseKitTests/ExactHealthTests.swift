import BigInt
import Foundation
import Testing
@testable import PulseKit
import PulseSample
import Tabular

/// The health score computed exactly (docs/metrics.md §7.3): scores equal to a band edge are
/// in the higher band, `health_delta` is the exact difference, and any model with decimal weights
/// gives the score an exact rational computation gives.
@Suite struct ExactHealthTests {
    /// Facts of a paying account with the given counts behind each component.
    static func facts(mau: Int, seats: Int, used: Int, keyFeatures: Int = 5, previousMAU: Int, breaches: Int,
                      nps: Ratio, csat: Ratio) -> AccountFacts {
        var facts = AccountFacts()
        facts.isPaying = true
        facts.adoption = AccountAdoption(mau: mau, licenseUtilization: Double(mau) / Double(seats),
                                         featureBreadth: Double(used) / Double(keyFeatures), dauAverage: 0,
                                         mauChange: Double(mau) / Double(previousMAU) - 1, features: (1 << UInt64(used)) - 1,
                                         seats: seats, previousMAU: previousMAU, keyFeatureCount: keyFeatures)
        facts.slaBreaches90d = breaches
        facts.accountNPSRatio = nps
        facts.accountNPS = nps.value
        facts.csat90dRatio = csat
        facts.csat90d = csat.value
        return facts
    }

    /// Regression: linear(0.2, 0.8) of 0.5 and friends gave 49.9999999998, which was red.
    @Test func aScoreOfExactlyFiftyIsYellowAndEightyIsGreen() {
        // utilization 5/10 → 50, breadth 3/10 of 0.6 → 50, trend 3/4 − 1 = −0.25 → 50, 1 breach → 60,
        // NPS 0 → 50, CSAT 8/10 → 50: (1250 + 1000 + 500 + 900 + 1000 + 500) / 100 = 51.5.
        var a = [Self.facts(mau: 15, seats: 30, used: 3, keyFeatures: 10, previousMAU: 20, breaches: 1,
                            nps: Ratio(0, 7), csat: Ratio(8, 10))]
        HealthScoring.score(&a, model: .default)
        #expect(a[0].health?.score == 51.5)
        // Without a tickets source support is missing: (1250 + 1000 + 500 + 1000 + 500) / 85 = 50 exactly.
        var fifty = a
        fifty[0].slaBreaches90d = nil
        HealthScoring.score(&fifty, model: .default)
        #expect(fifty[0].health?.score == 50)
        #expect(fifty[0].health?.band == .yellow)
        #expect(fifty[0].finalBand == .yellow)
        // Utilization 24/30, breadth 3/5, trend 0, no breach: 100 points each; NPS −12.5 → 37.5; CSAT 0.7 → 25:
        // (2500 + 2000 + 1000 + 1500 + 750 + 250) / 100 = 80 exactly.
        var eighty = [Self.facts(mau: 24, seats: 30, used: 3, previousMAU: 24, breaches: 0, nps: Ratio(-100, 8), csat: Ratio(7, 10))]
        HealthScoring.score(&eighty, model: .default)
        #expect(eighty[0].health?.score == 80)
        #expect(eighty[0].health?.band == .green)
        let alerts = AlertEvaluation.alerts(rules: AlertRule.defaults, current: fifty, previous: fifty)
        #expect(!alerts.contains { AlertRule.defaults[$0.rule].id == "health-red" })
    }

    @Test func aBandEdgeReadFromThePipelineIsExactToo() throws {
        // bands: yellow 33.3 — a score of exactly 333/10 is yellow, one just below is red.
        let model = HealthModel(bands: .init(green: 80, yellow: 33.3),
                                components: [HealthComponent(name: .csat, weight: 1, mapping: .linear(low: 0, high: 1))])
        var a = [AccountFacts(), AccountFacts()]
        for k in 0..<2 { a[k].isPaying = true }
        a[0].csat90dRatio = Ratio(333, 1000)
        a[1].csat90dRatio = Ratio(332_999, 1_000_000)
        HealthScoring.score(&a, model: model)
        #expect(a[0].health?.score == 33.3)
        #expect(a[0].finalBand == .yellow)
        #expect(a[1].finalBand == .red)
    }

    @Test func healthDeltaIsTheExactDifference() {
        // Scores 1/3 × 100 and 1/6 × 100 from CSAT ratios: the delta is 50/3 rounded once.
        let model = HealthModel(bands: .default, components: [HealthComponent(name: .csat, weight: 3, mapping: .linear(low: 0, high: 1))])
        var now = [AccountFacts()], before = [AccountFacts()]
        now[0].isPaying = true
        before[0].isPaying = true
        now[0].csat90dRatio = Ratio(1, 3)
        before[0].csat90dRatio = Ratio(1, 6)
        HealthScoring.score(&now, model: model)
        HealthScoring.score(&before, model: model)
        HealthScoring.delta(&now, previous: before)
        #expect(now[0].healthDelta == 50.0 / 3.0)
        // 0.1 + 0.2 style: scores 30.000000000000004-prone in doubles are exact here.
        now[0].csat90dRatio = Ratio(3, 10)
        before[0].csat90dRatio = Ratio(1, 10)
        HealthScoring.score(&now, model: model)
        HealthScoring.score(&before, model: model)
        HealthScoring.delta(&now, previous: before)
        #expect(now[0].healthDelta == 20)
    }

    @Test func healthAverageIsTheCorrectlyRoundedMeanOfExactScores() {
        // 100/3, 100/3 and 100/3 average to 100/3 exactly; a double sum gives 33.33333333333333 × 3 / 3.
        let third = ExactNumber(100, 3)
        #expect(ExactNumber.mean(of: [third, third, third]) == 100.0 / 3.0)
        #expect(ExactNumber.mean(of: [ExactNumber(1, 10), ExactNumber(2, 10)]) == 0.15)
        #expect(ExactNumber.mean(of: []) == nil)
    }

    /// A reference computation on unbounded fractions, written independently of ExactHealthModel.
    static func reference(_ model: HealthModel, raw: [HealthComponentName: (Int64, Int64)]) -> (Fraction<BigInt>, HealthBand)? {
        func decimal(_ x: Double) -> Fraction<BigInt> {
            let text = NumberText.shortest(x)
            let d = try! DecimalGrammar.parseExact(text)
            return Fraction(BigInt(d.significand), BigInt(10).power(d.scale))
        }
        var weighted = Fraction<BigInt>(0), total = Fraction<BigInt>(0)
        for component in model.components {
            guard let (n, d) = raw[component.name] else { continue }
            let value = Fraction<BigInt>(BigInt(n), BigInt(d))
            var points: Fraction<BigInt>
            switch component.mapping {
            case let .linear(low, high):
                let share = try! (value - decimal(low)) / (decimal(high) - decimal(low))
                points = try! share * Fraction(100)
                if try! points.compare(Fraction(0)) < 0 { points = Fraction(0) }
                if try! points.compare(Fraction(100)) > 0 { points = Fraction(100) }
            case let .bands(bands):
                points = decimal(bands[0].points)
                for band in bands where try! value.compare(decimal(band.from)) >= 0 { points = decimal(band.points) }
            }
            weighted = try! weighted + decimal(component.weight) * points
            total = try! total + decimal(component.weight)
        }
        guard total.numerator != 0 else { return nil }
        let score = try! weighted / total
        let band: HealthBand = try! score.compare(decimal(model.bands.green)) >= 0 ? .green
            : try! score.compare(decimal(model.bands.yellow)) >= 0 ? .yellow : .red
        return (score, band)
    }

    @Test(arguments: 1...300 as ClosedRange<UInt64>)
    func decimalWeightsGiveTheExactRationalScore(seed: UInt64) {
        var random = SampleRandom(seed: seed)
        func decimal(_ digits: Int, scale: Int) -> Double { Double("\(random.below(digits)).\(random.below(Int(pow(10, Double(scale)))))")! }
        let names = HealthComponentName.allCases
        let components = names.map { name in
            HealthComponent(name: name, weight: decimal(50, scale: 2) + 0.01,
                            mapping: random.below(2) == 0 ? .linear(low: decimal(3, scale: 3) - 1, high: decimal(3, scale: 2) + 2)
                                                          : .bands([.init(from: 0, points: 100), .init(from: 2, points: Double(random.below(101)))]))
        }
        let model = HealthModel(bands: .init(green: 80, yellow: 50), components: components)
        // Raw ratios of counts with primes in the denominators, as real exports give them.
        let primes: [Int64] = [7, 13, 97, 997, 9973, 99991, 999_983, 3, 1]
        var raw: [HealthComponentName: (Int64, Int64)] = [:]
        for name in names where random.below(4) > 0 {
            let d = primes[random.below(primes.count)]
            raw[name] = (Int64(random.below(Int(d) * 3 + 1)) - d, d)
        }
        var facts = [AccountFacts()]
        facts[0].isPaying = true
        let exact = ExactHealthModel(model)
        let health = HealthScore(model: exact, names: model.components.map(\.name)) { name in
            raw[name].map { ExactNumber($0.0, $0.1) }
        }
        guard let (score, band) = Self.reference(model, raw: raw) else {
            #expect(health.score == nil)
            return
        }
        #expect(health.score == (try! score.nearestDouble()), "seed \(seed)")
        #expect(health.band == band, "seed \(seed)")
        // The double written is the nearest one: no double lies closer to the exact value.
        let written = health.score!
        let distance = try! (Fraction<BigInt>(exactly: written) - score)
        let up = try! (Fraction<BigInt>(exactly: written.nextUp) - score)
        let down = try! (Fraction<BigInt>(exactly: written.nextDown) - score)
        func abs(_ f: Fraction<BigInt>) -> Fraction<BigInt> { f.isNegative ? Fraction(0 - f.numerator, f.denominator) : f }
        #expect(try! abs(distance).compare(abs(up)) <= 0)
        #expect(try! abs(distance).compare(abs(down)) <= 0)
    }
}
