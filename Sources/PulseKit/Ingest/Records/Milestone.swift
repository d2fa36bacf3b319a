import Tabular

/// An onboarding milestone an account reached (`product/milestones.csv`).
package struct Milestone: Sendable, Equatable {
    /// The account.
    package var accountID: String
    /// The milestone's name, e.g. `first_value`.
    package var name: String
    /// When it was achieved (a bare date is local midnight).
    package var achievedAt: Instant
}
