import GRDB
import Tabular

/// Staged tickets of an append source: one row per id; a row from a later file replaces the
/// kept one only when its `updated_at` is strictly newer (docs/metrics.md §3.5), and keeps its place.
enum TicketStaging {
    /// Adds or updates `tickets` (already deduplicated within their file), in file order.
    static func stage(_ tickets: [Ticket], loadID: Int64, in db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO staged_tickets (id, account_id, created_at, updated_at, first_response_at, solved_at, status,
                priority, urgency, impact, category, channel, escalation_level, reopens, tags, load_id, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                account_id = excluded.account_id, created_at = excluded.created_at, updated_at = excluded.updated_at,
                first_response_at = excluded.first_response_at, solved_at = excluded.solved_at, status = excluded.status,
                priority = excluded.priority, urgency = excluded.urgency, impact = excluded.impact,
                category = excluded.category, channel = excluded.channel, escalation_level = excluded.escalation_level,
                reopens = excluded.reopens, tags = excluded.tags
            WHERE excluded.updated_at IS NOT NULL
                AND (staged_tickets.updated_at IS NULL OR excluded.updated_at > staged_tickets.updated_at)
            """)
        for (position, t) in tickets.enumerated() {
            let tags = JSONWriter.string(.array(t.tags.map { .string($0) }))
            let values: [(any DatabaseValueConvertible)?] = [
                t.id, t.accountID, t.createdAt.millisecondsSinceEpoch, t.updatedAt?.millisecondsSinceEpoch,
                t.firstResponseAt?.millisecondsSinceEpoch, t.solvedAt?.millisecondsSinceEpoch, t.status.rawValue,
                t.priority?.rawValue, t.urgency?.rawValue, t.impact?.rawValue, t.category, t.channel,
                t.escalationLevel, t.reopens, tags, loadID, position,
            ]
            try statement.execute(arguments: StatementArguments(values))
        }
    }

    /// Every staged ticket, in order of first appearance.
    static func all(in db: Database) throws -> [Ticket] {
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT id, account_id, created_at, updated_at, first_response_at, solved_at, status, priority, urgency, impact,
                   category, channel, escalation_level, reopens, tags
            FROM staged_tickets ORDER BY load_id, position
            """)
        var tickets: [Ticket] = []
        while let row = try cursor.next() {
            let instant: (Int) -> Instant? = { (row[$0] as Int64?).map(Instant.init(millisecondsSinceEpoch:)) }
            let tagsText: String = row[14]
            let tags = (try? JSONParser.parse(tagsText))?.arrayValue?.compactMap(\.stringValue) ?? []
            tickets.append(Ticket(
                id: row[0], accountID: row[1], createdAt: Instant(millisecondsSinceEpoch: row[2]),
                updatedAt: instant(3), firstResponseAt: instant(4), solvedAt: instant(5),
                status: TicketStatus(rawValue: row[6]) ?? .open,
                priority: (row[7] as String?).flatMap(TicketPriority.init(rawValue:)),
                urgency: (row[8] as String?).flatMap(TicketLevel.init(rawValue:)),
                impact: (row[9] as String?).flatMap(TicketLevel.init(rawValue:)),
                category: row[10], channel: row[11], escalationLevel: row[12], reopens: row[13], tags: tags))
        }
        return tickets
    }
}
