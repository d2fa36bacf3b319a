import Foundation
import Tabular

/// Which manual override applies to each account as of the as-of date (docs/metrics.md §7.7):
/// among an account's rows whose `expires_on` is after the as-of date, the last in file order. Expired
/// rows are kept so that reports can list them.
struct HealthOverrideResolution: Sendable {
    /// The override in force per account id.
    let active: [String: HealthOverride]
    /// Every expired row, in file order.
    let expired: [HealthOverride]

    init(_ overrides: [HealthOverride], asOfDate: LocalDate) {
        var active: [String: HealthOverride] = [:]
        var expired: [HealthOverride] = []
        for row in overrides.sorted(by: { $0.line < $1.line }) {
            if row.expiresOn > asOfDate { active[row.accountID] = row } else { expired.append(row) }
        }
        self.active = active
        self.expired = expired
    }

    /// The final score and band of a computed score under `override`: a score override replaces the
    /// score (and so the band); a band override replaces only the band.
    static func apply(_ override: HealthOverride?, to score: ExactNumber?, band: HealthBand,
                      thresholds: HealthModel.BandThresholds) -> (score: ExactNumber?, band: HealthBand) {
        guard let override else { return (score, band) }
        if let overridden = override.score {
            // The score exactly as the overrides file wrote it.
            let value = (try? DecimalGrammar.parseExact(overridden.description)).map { ExactNumber($0) }
                ?? ExactNumber(decimalOf: NSDecimalNumber(decimal: overridden).doubleValue)
            return (value, override.band ?? HealthScore.band(of: value, thresholds: thresholds))
        }
        if let overriddenBand = override.band { return (score, overriddenBand) }
        return (score, band)
    }
}
