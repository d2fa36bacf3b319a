import Tabular

/// A CSAT (rating 1–5) or CES (score 1–7) survey response (`surveys/csat.csv`, `surveys/ces.csv`).
public struct SurveyResponse: Sendable, Equatable {
    /// The response's key.
    public var id: String
    /// The ticket it rates, if any.
    public var ticketID: String?
    /// The responding account (may be unknown to the CRM).
    public var accountID: String
    /// The rating or score.
    public var score: Int
    /// When it was given.
    public var respondedAt: Instant
}

/// An NPS survey response, score 0–10 (`surveys/nps.csv`).
public struct NPSResponse: Sendable, Equatable {
    /// The response's key.
    public var id: String
    /// The responding account (may be unknown to the CRM).
    public var accountID: String
    /// The contact who answered, if known.
    public var contactID: String?
    /// The score, 0–10.
    public var score: Int
    /// When it was given.
    public var respondedAt: Instant
    /// The free-text comment, if any.
    public var comment: String?
}
