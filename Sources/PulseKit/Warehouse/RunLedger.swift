import GRDB

/// The run ledger: one row per `pulse run`, with its stage timings.
enum RunLedger {
    /// Records a run that starts now; returns its id.
    static func start(pipeline: String, pipelineSHA256: String, period: String, asOf: String, startedAt: String,
                      in db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO runs (pipeline, pipeline_sha256, version, period, as_of, status, started_at)
            VALUES (?, ?, ?, ?, ?, 'running', ?)
            """, arguments: [pipeline, pipelineSHA256, PulseKit.version, period, asOf, startedAt])
        return db.lastInsertedRowID
    }

    /// Runs still marked `running` when a new run holds the lock were killed: marks them `interrupted`.
    static func markInterrupted(in db: Database) throws {
        try db.execute(sql: "UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
    }

    /// Records how a run ended and how long each stage took.
    static func finish(runID: Int64, status: String, exitCode: Int32, message: String?, durationMilliseconds: Int,
                       stages: [StageTiming], in db: Database) throws {
        try db.execute(sql: "UPDATE runs SET status = ?, exit_code = ?, message = ?, duration_ms = ? WHERE id = ?",
                       arguments: [status, Int(exitCode), message, durationMilliseconds, runID])
        for (position, stage) in stages.enumerated() {
            try db.execute(sql: "INSERT OR REPLACE INTO run_stages (run_id, position, stage, duration_ms, rows) VALUES (?, ?, ?, ?, ?)",
                           arguments: [runID, position, stage.stage.rawValue, stage.milliseconds, stage.rows])
        }
    }

    /// Links the loads a run used (those it made and append files staged earlier).
    static func link(runID: Int64, loadIDs: [Int64], in db: Database) throws {
        for id in loadIDs {
            try db.execute(sql: "INSERT OR IGNORE INTO run_inputs (run_id, load_id) VALUES (?, ?)", arguments: [runID, id])
        }
    }

    /// Past runs, newest first, each with the input files it saw.
    static func history(limit: Int?, in db: Database) throws -> [RunRecord] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, pipeline, pipeline_sha256, version, period, as_of, status, exit_code, message, started_at, duration_ms
            FROM runs ORDER BY id DESC LIMIT ?
            """, arguments: [limit ?? -1])
        return try rows.map { row in
            var record = RunRecord(id: row["id"], pipeline: row["pipeline"], pipelineSHA256: row["pipeline_sha256"],
                                   version: row["version"], period: row["period"], asOf: row["as_of"], status: row["status"],
                                   exitCode: row["exit_code"], message: row["message"], startedAt: row["started_at"],
                                   durationMilliseconds: row["duration_ms"])
            let loads = try Row.fetchAll(db, sql: """
                SELECT source, mode, path, bytes, sha256, encoding, rows_read, rows_loaded, rows_quarantined,
                       rows_with_warnings, loads.run_id AS loaded_by
                FROM run_inputs JOIN loads ON loads.id = run_inputs.load_id
                WHERE run_inputs.run_id = ? ORDER BY loads.id
                """, arguments: [record.id])
            record.inputs = loads.compactMap { load in
                guard let source = CanonicalSource(rawValue: load["source"]), let mode = LoadMode(rawValue: load["mode"]) else { return nil }
                return LoadRecord(source: source, mode: mode, path: load["path"],
                                  fingerprint: FileFingerprint(bytes: load["bytes"], sha256: load["sha256"]),
                                  encoding: load["encoding"], rowsRead: load["rows_read"], rowsLoaded: load["rows_loaded"],
                                  rowsQuarantined: load["rows_quarantined"], rowsWithWarnings: load["rows_with_warnings"],
                                  readThisRun: (load["loaded_by"] as Int64) == record.id)
            }
            return record
        }
    }
}
