import GRDB

/// The results of published runs, per period: KPI values (account snapshots and alerts join them
/// as those stages are built), so history and trends need no recomputation.
enum ResultStore {
    /// Records a run's figures, inside the caller's transaction.
    static func record(_ table: KPITable, period: String, runID: Int64, in db: Database) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO kpi_values (run_id, period, scope, metric, value) VALUES (?, ?, ?, ?, ?)")
        for figure in table.figures {
            try statement.execute(arguments: [runID, period, figure.scope, figure.metric, figure.value])
        }
    }
}
