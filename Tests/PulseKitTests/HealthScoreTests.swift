import Foundation
import Testing
@testable import PulseKit
import PulseSample
import Tabular

/// The scorecard of docs/metrics.md §7 with the default model, hand-computed.
@Suite struct HealthScoreTests {
    static func score(_ raw: [HealthComponentName: Double], model: HealthModel = .default) -> HealthScore {
        HealthScore(model: model) { raw[$0] }
    }

    @Test func everyComponentPresent() {
        // 25·50 + 20·50 + 10·50 + 15·60 + 20·50 + 10·50 = 5150, / 100.
        let health = Self.score([.licenseUtilization: 0.5, .featureBreadth: 0.3, .usageTrend: -0.25, .support: 1, .nps: 0, .csat: 0.8])
        #expect(health.score == 51.5)
        #expect(health.band == .yellow)
        #expect(health.parts.map(\.points) == [50, 50, 50, 60, 50, 50])
        #expect(health.parts.map(\.effectiveWeight) == [0.25, 0.2, 0.1, 0.15, 0.2, 0.1])
    }

    @Test func missingComponentsSpreadTheirWeight() {
        // nps and csat missing: (1250 + 1000 + 500 + 900) / 70.
        let health = Self.score([.licenseUtilization: 0.5, .featureBreadth: 0.3, .usageTrend: -0.25, .support: 1])
        #expect(abs(health.score! - 3650.0 / 70.0) < 1e-12)
        #expect(health.parts[4].points == nil && health.parts[4].effectiveWeight == 0 && health.parts[4].contribution == 0)
        #expect(abs(health.parts[0].effectiveWeight - 25.0 / 70.0) < 1e-15)
    }

    @Test func allMissingIsUndefinedAndUnknown() {
        let health = Self.score([:])
        #expect(health.score == nil)
        #expect(health.band == .unknown)
    }

    @Test func linearMappingsClampAndInvert() {
        let mapping = HealthComponentMapping.linear(low: 0.2, high: 0.8)
        #expect(mapping.points(for: 1.2) == 100)
        #expect(mapping.points(for: 0.1) == 0)
        #expect(mapping.points(for: 0.2) == 0)
        #expect(mapping.points(for: 0.8) == 100)
        let inverted = HealthComponentMapping.linear(low: 1.0, high: 0.0)   // less is better
        #expect(inverted.points(for: 0.25) == 75)
        #expect(inverted.points(for: 2) == 0)
        let support = HealthModel.default.components[3].mapping
        #expect([0, 1, 2, 3, 10].map { support.points(for: $0) } == [100, 60, 60, 0, 0])
    }

    @Test func bandEdges() {
        let bands = HealthModel.BandThresholds.default
        #expect(HealthScore.band(of: 80, thresholds: bands) == .green)
        #expect(HealthScore.band(of: 79.99999, thresholds: bands) == .yellow)
        #expect(HealthScore.band(of: 50, thresholds: bands) == .yellow)
        #expect(HealthScore.band(of: 49.99999, thresholds: bands) == .red)
    }

    @Test(arguments: 1...200 as ClosedRange<UInt64>)
    func contributionsAddUpToTheScore(seed: UInt64) {
        var random = SampleRandom(seed: seed)
        let names = HealthComponentName.allCases
        let components = names.map { name in
            HealthComponent(name: name, weight: Double(1 + random.below(1000)) / Double(1 + random.below(7)),
                            mapping: random.below(2) == 0 ? .linear(low: Double(random.below(100)) / 10, high: Double(random.below(100)) / 10 + 0.5)
                                                          : .bands([.init(from: 0, points: 100), .init(from: 2, points: Double(random.below(101)))]))
        }
        let model = HealthModel(bands: .default, components: components)
        var raw: [HealthComponentName: Double] = [:]
        for name in names where random.below(3) > 0 { raw[name] = Double(random.below(2000)) / 100 - 5 }
        let health = HealthScore(model: model) { raw[$0] }
        guard let score = health.score else {
            #expect(raw.isEmpty)
            return
        }
        #expect(abs(health.parts.reduce(0) { $0 + $1.contribution } - score) < 1e-9)
        #expect(abs(health.parts.reduce(0) { $0 + $1.effectiveWeight } - 1) < 1e-12)
        #expect(score >= 0 && score <= 100)
    }

    @Test func overridesByScoreByBandAndExpiry() {
        let asOf = LocalDate(year: 2026, month: 11, day: 1)!
        func row(_ account: String, score: Decimal?, band: HealthBand?, expires: LocalDate, line: Int) -> HealthOverride {
            HealthOverride(accountID: account, score: score, band: band, reason: "r\(line)", author: "a", expiresOn: expires, line: line)
        }
        let later = LocalDate(year: 2026, month: 12, day: 1)!
        let resolution = HealthOverrideResolution([
            row("A1", score: 90, band: nil, expires: later, line: 2),
            row("A2", score: nil, band: .red, expires: later, line: 3),
            row("A3", score: 10, band: nil, expires: asOf, line: 4),          // expires on the as-of date: expired
            row("A1", score: 30, band: nil, expires: later, line: 5),         // the last in file order wins
        ], asOfDate: asOf)
        #expect(resolution.active["A1"]?.line == 5)
        #expect(resolution.active["A3"] == nil)
        #expect(resolution.expired.map(\.line) == [4])
        let bands = HealthModel.BandThresholds.default
        let computed = ExactNumber(85)
        let byScore = HealthOverrideResolution.apply(resolution.active["A1"], to: computed, band: .green, thresholds: bands)
        #expect(byScore.score == ExactNumber(30) && byScore.band == .red)
        let byBand = HealthOverrideResolution.apply(resolution.active["A2"], to: computed, band: .green, thresholds: bands)
        #expect(byBand.score == computed && byBand.band == .red)
        let none = HealthOverrideResolution.apply(nil, to: computed, band: .green, thresholds: bands)
        #expect(none.score == computed && none.band == .green)
    }
}

/// Every default playbook rule at its edges (docs/metrics.md §8), and new vs ongoing.
@Suite struct AlertRuleTests {
    static func rule(_ id: String) -> AlertRule { AlertRule.defaults.first { $0.id == id }! }

    static func facts(_ change: (inout AccountFacts) -> Void) -> AccountFacts {
        var facts = AccountFacts()
        facts.isPaying = true
        facts.plan = "starter"
        change(&facts)
        return facts
    }

    static func adoption(lu: Double? = nil, change: Double? = nil, breadth: Double? = nil) -> AccountAdoption {
        AccountAdoption(mau: 1, licenseUtilization: lu, featureBreadth: breadth, dauAverage: 0, mauChange: change, features: 0,
                        seats: nil, previousMAU: 0, keyFeatureCount: 0)
    }

    static func holds(_ id: String, _ change: (inout AccountFacts) -> Void) -> Bool {
        rule(id).condition.evaluate(facts(change))
    }

    @Test func healthRules() {
        #expect(Self.holds("health-red") { $0.finalBand = .red })
        #expect(!Self.holds("health-red") { $0.finalBand = .yellow })
        #expect(Self.holds("health-drop") { $0.healthDelta = -15 })
        #expect(!Self.holds("health-drop") { $0.healthDelta = -14.99 })
        #expect(!Self.holds("health-drop") { $0.healthDelta = nil })
    }

    @Test func adoptionRules() {
        #expect(Self.holds("low-utilization") { $0.adoption = Self.adoption(lu: 0.29); $0.tenureDays = 60 })
        #expect(!Self.holds("low-utilization") { $0.adoption = Self.adoption(lu: 0.3); $0.tenureDays = 60 })
        #expect(!Self.holds("low-utilization") { $0.adoption = Self.adoption(lu: 0.29); $0.tenureDays = 59 })
        #expect(!Self.holds("low-utilization") { $0.adoption = Self.adoption(lu: nil); $0.tenureDays = 600 })   // no seats
        #expect(Self.holds("usage-drop") { $0.adoption = Self.adoption(change: -0.3) })
        #expect(!Self.holds("usage-drop") { $0.adoption = Self.adoption(change: -0.29) })
        #expect(Self.holds("seat-expansion") { $0.adoption = Self.adoption(lu: 0.9) })
        #expect(!Self.holds("seat-expansion") { $0.adoption = Self.adoption(lu: 0.89) })
        #expect(Self.holds("plan-upgrade") { $0.adoption = Self.adoption(breadth: 0.8) })
        #expect(!Self.holds("plan-upgrade") { $0.adoption = Self.adoption(breadth: 0.8); $0.plan = "enterprise" })
        #expect(!Self.holds("plan-upgrade") { $0.adoption = Self.adoption(breadth: 0.79) })
    }

    @Test func surveyRules() {
        #expect(Self.holds("nps-detractor") { $0.latestNPSScore = 6; $0.daysSinceLastNPS = 30 })
        #expect(!Self.holds("nps-detractor") { $0.latestNPSScore = 7; $0.daysSinceLastNPS = 30 })
        #expect(!Self.holds("nps-detractor") { $0.latestNPSScore = 6; $0.daysSinceLastNPS = 31 })
        #expect(Self.holds("nps-unanswered") { $0.npsResponses365d = 0; $0.tenureDays = 90 })
        #expect(!Self.holds("nps-unanswered") { $0.npsResponses365d = 0; $0.tenureDays = 89 })
        #expect(!Self.holds("nps-unanswered") { $0.npsResponses365d = nil; $0.tenureDays = 900 })   // no NPS source
        #expect(Self.holds("advocate") { $0.finalScore = 85; $0.latestNPSScore = 9 })
        #expect(!Self.holds("advocate") { $0.finalScore = 84.99; $0.latestNPSScore = 10 })
    }

    @Test func renewalAndOnboardingRules() {
        #expect(Self.holds("renewal-at-risk") { $0.daysToRenewal = 0; $0.finalBand = .yellow })
        #expect(Self.holds("renewal-at-risk") { $0.daysToRenewal = 90; $0.finalBand = .unknown })
        #expect(!Self.holds("renewal-at-risk") { $0.daysToRenewal = 91; $0.finalBand = .red })
        #expect(!Self.holds("renewal-at-risk") { $0.daysToRenewal = -1; $0.finalBand = .red })
        #expect(!Self.holds("renewal-at-risk") { $0.daysToRenewal = 30; $0.finalBand = .green })
        #expect(Self.holds("onboarding-behind") { $0.onboardingStatus = "behind" })
        #expect(!Self.holds("onboarding-behind") { $0.onboardingStatus = "on_track" })
        #expect(!Self.holds("onboarding-behind") { $0.onboardingStatus = nil })
    }

    @Test func newOngoingAndStartedPaying() {
        let red = Self.facts { $0.finalBand = .red }
        let green = Self.facts { $0.finalBand = .green }
        var notPaying = Self.facts { $0.finalBand = .red }
        notPaying.isPaying = false
        let rules = [Self.rule("health-red")]
        let alerts = AlertEvaluation.alerts(rules: rules, current: [red, red, red, green], previous: [red, green, notPaying, red])
        #expect(alerts.map { "\($0.account) \($0.status.rawValue)" } == ["0 ongoing", "1 new", "2 new"])
        #expect(alerts[0].factsText == "health_band=red")
    }
}
