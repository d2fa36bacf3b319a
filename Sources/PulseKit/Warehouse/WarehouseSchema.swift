import GRDB

/// The warehouse's tables, created and changed only through numbered migrations.
enum WarehouseSchema {
    /// Refuses a warehouse that a newer Pulse has migrated past this version's schema: this version
    /// would misread or damage it. Nothing is written to it.
    static func checkNotNewer(_ queue: DatabaseQueue, path: String) throws(WarehouseError) {
        let unknown: [String]
        do {
            unknown = try queue.read { db in
                let known = Set(migrator.migrations)
                return try migrator.appliedIdentifiers(db).subtracting(known).sorted()
            }
        } catch {
            throw WarehouseError(path: path, underlying: error)
        }
        guard unknown.isEmpty else {
            throw WarehouseError(path: path, message: "was written by a newer version of Pulse (schema changes this version "
                                     + "(\(PulseKit.version)) does not know: \(unknown.joined(separator: ", "))); "
                                     + "run that version, or point this one at another warehouse or --out folder")
        }
    }

    /// Every migration, in order; a warehouse written by an older Pulse is brought up to date.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: ledgers, staging, results") { db in
            // The run ledger.
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY,
                    pipeline TEXT NOT NULL,
                    pipeline_sha256 TEXT NOT NULL,
                    version TEXT NOT NULL,
                    period TEXT NOT NULL,
                    as_of TEXT NOT NULL,
                    status TEXT NOT NULL,
                    exit_code INTEGER,
                    message TEXT,
                    started_at TEXT NOT NULL,
                    duration_ms INTEGER
                );
                CREATE TABLE run_stages (
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    position INTEGER NOT NULL,
                    stage TEXT NOT NULL,
                    duration_ms INTEGER NOT NULL,
                    rows INTEGER,
                    PRIMARY KEY (run_id, position)
                ) WITHOUT ROWID;
                """)
            // The load ledger: every input file seen, and its quarantined rows and warnings.
            try db.execute(sql: """
                CREATE TABLE loads (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    source TEXT NOT NULL,
                    mode TEXT NOT NULL,
                    path TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    encoding TEXT NOT NULL,
                    rows_read INTEGER NOT NULL,
                    rows_loaded INTEGER NOT NULL,
                    rows_quarantined INTEGER NOT NULL,
                    rows_with_warnings INTEGER NOT NULL
                );
                CREATE UNIQUE INDEX loads_append_fingerprint ON loads(source, sha256) WHERE mode = 'append';
                CREATE INDEX loads_run ON loads(run_id);
                CREATE TABLE run_inputs (
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    load_id INTEGER NOT NULL REFERENCES loads(id),
                    PRIMARY KEY (run_id, load_id)
                ) WITHOUT ROWID;
                CREATE TABLE load_issues (
                    load_id INTEGER NOT NULL REFERENCES loads(id),
                    kind TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    line INTEGER NOT NULL,
                    column_name TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    raw TEXT NOT NULL,
                    PRIMARY KEY (load_id, kind, position)
                ) WITHOUT ROWID;
                """)
            // Staged rows of append sources. `load_id, position` is where a row was last placed.
            try db.execute(sql: """
                CREATE TABLE staged_tickets (
                    id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER,
                    first_response_at INTEGER,
                    solved_at INTEGER,
                    status TEXT NOT NULL,
                    priority TEXT,
                    urgency TEXT,
                    impact TEXT,
                    category TEXT,
                    channel TEXT,
                    escalation_level INTEGER NOT NULL,
                    reopens INTEGER NOT NULL,
                    tags TEXT NOT NULL,
                    load_id INTEGER NOT NULL,
                    position INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE staged_survey_responses (
                    source TEXT NOT NULL,
                    id TEXT NOT NULL,
                    ticket_id TEXT,
                    account_id TEXT NOT NULL,
                    contact_id TEXT,
                    score INTEGER NOT NULL,
                    responded_at INTEGER NOT NULL,
                    comment TEXT,
                    load_id INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (source, id)
                ) WITHOUT ROWID;
                CREATE TABLE staged_milestones (
                    account_id TEXT NOT NULL,
                    milestone TEXT NOT NULL,
                    achieved_at INTEGER NOT NULL,
                    load_id INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (account_id, milestone)
                ) WITHOUT ROWID;
                CREATE TABLE staged_article_events (
                    load_id INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    timestamp INTEGER NOT NULL,
                    account_id TEXT,
                    article_id TEXT NOT NULL,
                    event TEXT NOT NULL,
                    PRIMARY KEY (load_id, position)
                ) WITHOUT ROWID;
                CREATE TABLE usage_names (
                    kind INTEGER NOT NULL,
                    id INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    PRIMARY KEY (kind, id)
                ) WITHOUT ROWID;
                CREATE TABLE staged_usage_daily (
                    day INTEGER NOT NULL,
                    account INTEGER NOT NULL,
                    user INTEGER NOT NULL,
                    event INTEGER NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (day, account, user, event)
                ) WITHOUT ROWID;
                """)
            // Results of published runs.
            try db.execute(sql: """
                CREATE TABLE kpi_values (
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    period TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    value TEXT,
                    PRIMARY KEY (run_id, scope, metric)
                ) WITHOUT ROWID;
                CREATE TABLE account_snapshots (
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    period TEXT NOT NULL,
                    account_id TEXT NOT NULL,
                    facts TEXT NOT NULL,
                    PRIMARY KEY (run_id, account_id)
                ) WITHOUT ROWID;
                CREATE TABLE alerts (
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    period TEXT NOT NULL,
                    account_id TEXT NOT NULL,
                    rule_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    status TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    action TEXT NOT NULL,
                    facts TEXT NOT NULL,
                    PRIMARY KEY (run_id, account_id, rule_id)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2: KPI history per period") { db in
            // A run records M and the months of history before it, so the key includes the period.
            try db.execute(sql: """
                CREATE TABLE kpi_values_v2 (
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    period TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    value TEXT,
                    PRIMARY KEY (run_id, period, scope, metric)
                ) WITHOUT ROWID;
                INSERT INTO kpi_values_v2 SELECT run_id, period, scope, metric, value FROM kpi_values;
                DROP TABLE kpi_values;
                ALTER TABLE kpi_values_v2 RENAME TO kpi_values;
                """)
        }
        return migrator
    }
}
