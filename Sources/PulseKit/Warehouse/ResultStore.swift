import GRDB

/// The results of published runs, per period: KPI values of M and of the months of history before
/// it, and account snapshots (alerts join them as that stage is built), so history and trends need
/// no recomputation.
enum ResultStore {
    /// Records a run's figures of one period, inside the caller's transaction.
    static func record(_ table: KPITable, period: String, runID: Int64, in db: Database) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO kpi_values (run_id, period, scope, metric, value) VALUES (?, ?, ?, ?, ?)")
        for figure in table.figures {
            try statement.execute(arguments: [runID, period, figure.scope, figure.metric, figure.value])
        }
    }

    /// Records the alerts of M with the facts each rule read.
    static func record(alerts: [Alert], accounts: [Account], rules: [AlertRule], period: String, runID: Int64, in db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO alerts (run_id, period, account_id, rule_id, kind, status, owner, action, facts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for alert in alerts {
            let rule = rules[alert.rule]
            try statement.execute(arguments: [runID, period, accounts[alert.account].id, rule.id, rule.kind.rawValue,
                                              alert.status.rawValue, rule.owner, rule.action,
                                              alert.factsText])
        }
    }

    /// Records each listed account's facts for M as one JSON object per account.
    static func record(snapshots: [(accountID: String, facts: [UInt8])], period: String, runID: Int64, in db: Database) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO account_snapshots (run_id, period, account_id, facts) VALUES (?, ?, ?, ?)")
        for snapshot in snapshots {
            try statement.execute(arguments: [runID, period, snapshot.accountID, String(decoding: snapshot.facts, as: UTF8.self)])
        }
    }
}
