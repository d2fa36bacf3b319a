import GRDB
import Tabular

/// Staged help-center events of an append source: events have no key, so every file adds its rows.
enum ArticleEventStaging {
    /// Adds the events of one file.
    static func stage(_ events: [ArticleEvent], loadID: Int64, in db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO staged_article_events (load_id, position, timestamp, account_id, article_id, event) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (position, e) in events.enumerated() {
            try statement.execute(arguments: [loadID, position, e.timestamp.millisecondsSinceEpoch, e.accountID, e.articleID, e.kind.rawValue])
        }
    }

    /// Every staged event, in load and file order.
    static func all(in db: Database) throws -> [ArticleEvent] {
        try Row.fetchAll(db, sql: "SELECT timestamp, account_id, article_id, event FROM staged_article_events ORDER BY load_id, position")
            .map { row in
                ArticleEvent(timestamp: Instant(millisecondsSinceEpoch: row[0]), accountID: row[1], articleID: row[2],
                             kind: ArticleEvent.Kind(rawValue: row[3]) ?? .view)
            }
    }
}
