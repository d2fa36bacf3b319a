import Tabular

/// A CSAT (rating 1–5) or CES (score 1–7) survey response (`surveys/csat.csv`, `surveys/ces.csv`).
package struct SurveyResponse: Sendable, Equatable {
    /// The response's key.
    package var id: String
    /// The ticket it rates, if any.
    package var ticketID: String?
    /// The responding account (may be unknown to the CRM).
    package var accountID: String
    /// The rating or score.
    package var score: Int
    /// When it was given.
    package var respondedAt: Instant
}

/// An NPS survey response, score 0–10 (`surveys/nps.csv`).
package struct NPSResponse: Sendable, Equatable {
    /// The response's key.
    package var id: String
    /// The responding account (may be unknown to the CRM).
    package var accountID: String
    /// The contact who answered, if known.
    package var contactID: String?
    /// The score, 0–10.
    package var score: Int
    /// When it was given.
    package var respondedAt: Instant
    /// The free-text comment, if any.
    package var comment: String?
}
