import GRDB
import Tabular

/// Staged survey responses (CSAT, CES, NPS) of append sources: one row per (source,
/// response_id); a response sent again in a later row or file replaces the earlier one and takes
/// its place in file order.
enum SurveyStaging {
    private static let insert = """
        INSERT OR REPLACE INTO staged_survey_responses
            (source, id, ticket_id, account_id, contact_id, score, responded_at, comment, load_id, position)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Adds or replaces CSAT or CES responses.
    static func stage(_ responses: [SurveyResponse], source: CanonicalSource, loadID: Int64, in db: Database) throws {
        let statement = try db.makeStatement(sql: insert)
        for (position, r) in responses.enumerated() {
            let values: [(any DatabaseValueConvertible)?] = [
                source.name, r.id, r.ticketID, r.accountID, nil, r.score, r.respondedAt.millisecondsSinceEpoch, nil, loadID, position,
            ]
            try statement.execute(arguments: StatementArguments(values))
        }
    }

    /// Adds or replaces NPS responses.
    static func stage(_ responses: [NPSResponse], loadID: Int64, in db: Database) throws {
        let statement = try db.makeStatement(sql: insert)
        for (position, r) in responses.enumerated() {
            let values: [(any DatabaseValueConvertible)?] = [
                CanonicalSource.nps.name, r.id, nil, r.accountID, r.contactID, r.score, r.respondedAt.millisecondsSinceEpoch,
                r.comment, loadID, position,
            ]
            try statement.execute(arguments: StatementArguments(values))
        }
    }

    /// Every staged CSAT or CES response, in file order.
    static func responses(of source: CanonicalSource, in db: Database) throws -> [SurveyResponse] {
        try Row.fetchAll(db, sql: """
            SELECT id, ticket_id, account_id, score, responded_at FROM staged_survey_responses
            WHERE source = ? ORDER BY load_id, position
            """, arguments: [source.name]).map { row in
            SurveyResponse(id: row[0], ticketID: row[1], accountID: row[2], score: row[3],
                           respondedAt: Instant(millisecondsSinceEpoch: row[4]))
        }
    }

    /// Every staged NPS response, in file order.
    static func npsResponses(in db: Database) throws -> [NPSResponse] {
        try Row.fetchAll(db, sql: """
            SELECT id, account_id, contact_id, score, responded_at, comment FROM staged_survey_responses
            WHERE source = 'nps' ORDER BY load_id, position
            """).map { row in
            NPSResponse(id: row[0], accountID: row[1], contactID: row[2], score: row[3],
                        respondedAt: Instant(millisecondsSinceEpoch: row[4]), comment: row[5])
        }
    }
}
