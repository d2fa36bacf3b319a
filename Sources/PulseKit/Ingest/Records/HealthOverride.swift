import Foundation
import Tabular

/// A manual health override (`overrides/health_overrides.csv`): a score or a band set by a
/// person, with the reason and author shown next to it, until it expires.
package struct HealthOverride: Sendable, Equatable {
    /// The account.
    package var accountID: String
    /// The overriding score, 0–100, if given.
    package var score: Decimal?
    /// The overriding band, if given.
    package var band: HealthBand?
    /// Why, shown next to the overridden score.
    package var reason: String
    /// Who set it.
    package var author: String
    /// It applies while the as-of date is before this date.
    package var expiresOn: LocalDate
    /// Its position in the file, for "the last one in file order applies".
    package var line: Int
}

/// A health band.
package enum HealthBand: String, Sendable, CaseIterable {
    case green, yellow, red, unknown
}
