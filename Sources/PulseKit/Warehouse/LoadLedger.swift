import GRDB

/// The load ledger: every input file a run saw, with its quarantined rows and warnings.
enum LoadLedger {
    /// Records one file and its issues; returns the load's id. Runs inside the caller's transaction.
    static func insert(_ record: LoadRecord, runID: Int64, issues: IngestLog, in db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO loads (run_id, source, mode, path, bytes, sha256, encoding, rows_read, rows_loaded,
                               rows_quarantined, rows_with_warnings)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [runID, record.source.name, record.mode.rawValue, record.path, record.fingerprint.bytes,
                             record.fingerprint.sha256, record.encoding, record.rowsRead, record.rowsLoaded,
                             record.rowsQuarantined, record.rowsWithWarnings])
        let loadID = db.lastInsertedRowID
        let statement = try db.makeStatement(sql: """
            INSERT INTO load_issues (load_id, kind, position, line, column_name, reason, raw) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (kind, list) in [("quarantine", issues.quarantined), ("warning", issues.warnings)] {
            for (position, issue) in list.enumerated() where issue.file == record.path {
                try statement.execute(arguments: [loadID, kind, position, issue.line, issue.column, issue.reason, issue.raw])
            }
        }
        return loadID
    }

    /// Whether an append file with this fingerprint was already staged for `source`.
    static func isStaged(_ source: CanonicalSource, _ fingerprint: FileFingerprint, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM loads WHERE mode = 'append' AND source = ? AND sha256 = ?",
                          arguments: [source.name, fingerprint.sha256]) ?? false
    }

    /// Every file staged for an append source, in load order, with the issues found in them.
    static func stagedLoads(of source: CanonicalSource, in db: Database) throws -> (records: [LoadRecord], ids: [Int64], log: IngestLog) {
        var records: [LoadRecord] = []
        var ids: [Int64] = []
        var log = IngestLog()
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, path, bytes, sha256, encoding, rows_read, rows_loaded, rows_quarantined, rows_with_warnings
            FROM loads WHERE mode = 'append' AND source = ? ORDER BY id
            """, arguments: [source.name])
        for row in rows {
            let loadID: Int64 = row["id"]
            let path: String = row["path"]
            ids.append(loadID)
            records.append(LoadRecord(source: source, mode: .append, path: path,
                                      fingerprint: FileFingerprint(bytes: row["bytes"], sha256: row["sha256"]),
                                      encoding: row["encoding"], rowsRead: row["rows_read"], rowsLoaded: row["rows_loaded"],
                                      rowsQuarantined: row["rows_quarantined"], rowsWithWarnings: row["rows_with_warnings"],
                                      readThisRun: false))
        }
        var pathOfLoad: [Int64: String] = [:]
        for (id, record) in zip(ids, records) { pathOfLoad[id] = record.path }
        let issues = try Row.fetchAll(db, sql: """
            SELECT load_id, kind, line, column_name, reason, raw FROM load_issues
            WHERE load_id IN (SELECT id FROM loads WHERE mode = 'append' AND source = ?)
            ORDER BY load_id, kind, position
            """, arguments: [source.name])
        for issue in issues {
            let entry = DataIssue(source: source, file: pathOfLoad[issue["load_id"]] ?? "", line: issue["line"],
                                  column: issue["column_name"], reason: issue["reason"], raw: issue["raw"])
            if (issue["kind"] as String) == "quarantine" { log.quarantine(entry) } else { log.warn(entry) }
        }
        return (records, ids, log)
    }
}
