import GRDB
import Tabular

/// Staged onboarding milestones of an append source: one row per (account, milestone) holding
/// the earliest `achieved_at` seen (the only one that counts).
enum MilestoneStaging {
    /// Adds milestones, keeping the earliest achievement of each.
    static func stage(_ milestones: [Milestone], loadID: Int64, in db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO staged_milestones (account_id, milestone, achieved_at, load_id, position) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (account_id, milestone) DO UPDATE SET achieved_at = excluded.achieved_at
            WHERE excluded.achieved_at < staged_milestones.achieved_at
            """)
        for (position, m) in milestones.enumerated() {
            try statement.execute(arguments: [m.accountID, m.name, m.achievedAt.millisecondsSinceEpoch, loadID, position])
        }
    }

    /// Every staged milestone, in order of first appearance.
    static func all(in db: Database) throws -> [Milestone] {
        try Row.fetchAll(db, sql: "SELECT account_id, milestone, achieved_at FROM staged_milestones ORDER BY load_id, position")
            .map { Milestone(accountID: $0[0], name: $0[1], achievedAt: Instant(millisecondsSinceEpoch: $0[2])) }
    }
}
