import GRDB

/// The results of published runs, per period: KPI values of M and of the months of history before
/// it, and account snapshots and alerts, so history and trends need
/// no recomputation.
enum ResultStore {
    /// Records a run's figures of one period, inside the caller's transaction.
    static func record(_ table: KPITable, period: String, runID: Int64, in db: Database) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO kpi_values (run_id, period, scope, metric, value) VALUES (?, ?, ?, ?, ?)")
        for figure in table.figures {
            try statement.execute(arguments: [runID, period, figure.scope, figure.metric, figure.text])
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

extension ResultStore {
    /// The company figures that published runs recorded for `periods`, the latest run winning per
    /// (period, metric): the history the KPI review's trend charts read for months this run does not compute.
    static func companyFigures(periods: [String], in db: Database) throws -> [(period: String, metric: String, value: String?)] {
        guard !periods.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: periods.count).joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT k.period, k.metric, k.value FROM kpi_values k JOIN runs r ON r.id = k.run_id
            WHERE r.status = 'published' AND k.scope = 'company' AND k.period IN (\(marks))
            ORDER BY k.run_id, k.period, k.metric
            """, arguments: StatementArguments(periods))
        return rows.map { ($0["period"], $0["metric"], $0["value"]) }
    }

    /// The account snapshots that published runs recorded for `accountIDs` in `periods` (latest run
    /// winning per account and period), as period → account id → facts JSON: the QBR's usage and health trends.
    static func snapshots(accountIDs: [String], periods: [String], in db: Database) throws -> [String: [String: String]] {
        guard !periods.isEmpty, !accountIDs.isEmpty else { return [:] }
        let wanted = Set(accountIDs)
        let marks = Array(repeating: "?", count: periods.count).joined(separator: ", ")
        var result: [String: [String: String]] = [:]
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT s.period, s.account_id, s.facts FROM account_snapshots s JOIN runs r ON r.id = s.run_id
            WHERE r.status = 'published' AND s.period IN (\(marks))
            ORDER BY s.run_id
            """, arguments: StatementArguments(periods))
        while let row = try cursor.next() {
            let account: String = row["account_id"]
            guard wanted.contains(account) else { continue }
            result[row["period"], default: [:]][account] = row["facts"]
        }
        return result
    }
}
