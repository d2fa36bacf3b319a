import Foundation
import Tabular

/// A manual health override (`overrides/health_overrides.csv`): a score or a band set by a
/// person, with the reason and author shown next to it, until it expires.
public struct HealthOverride: Sendable, Equatable {
    /// The account.
    public var accountID: String
    /// The overriding score, 0–100, if given.
    public var score: Decimal?
    /// The overriding band, if given.
    public var band: HealthBand?
    /// Why, shown next to the overridden score.
    public var reason: String
    /// Who set it.
    public var author: String
    /// It applies while the as-of date is before this date.
    public var expiresOn: LocalDate
    /// Its position in the file, for "the last one in file order applies".
    public var line: Int
}

/// A health band.
public enum HealthBand: String, Sendable, CaseIterable {
    case green, yellow, red, unknown
}
