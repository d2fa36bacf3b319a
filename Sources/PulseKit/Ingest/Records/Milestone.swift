import Tabular

/// An onboarding milestone an account reached (`product/milestones.csv`).
public struct Milestone: Sendable, Equatable {
    /// The account.
    public var accountID: String
    /// The milestone's name, e.g. `first_value`.
    public var name: String
    /// When it was achieved (a bare date is local midnight).
    public var achievedAt: Instant
}
