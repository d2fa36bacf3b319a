import Tabular

/// `run.json`: what a published report set was made from — program version, pipeline hash,
/// period, as-of, every input file (path, size, SHA-256, encoding, row counts) and the stage
/// timings. The timings are the only part that changes between two runs over the same inputs.
struct RunManifest {
    /// The pipeline's name.
    var pipeline: String
    /// The SHA-256 of the pipeline file.
    var pipelineSHA256: String
    /// The reporting month.
    var period: String
    /// As-of as written in the reports.
    var asOf: String
    /// The reporting currency.
    var currency: String
    /// The time zone.
    var timeZone: String
    /// Every input file used.
    var inputs: [LoadRecord]
    /// Optional sources with no file.
    var missingSources: [CanonicalSource]
    /// The files of the report set (besides `run.json`), in name order.
    var files: [String]
    /// How long each stage took (up to the report stage). Only durations: row counts of a stage
    /// depend on what earlier runs staged, so they stay in the run ledger.
    var stages: [StageTiming]

    /// The manifest's bytes.
    func render() -> [UInt8] {
        let inputs: [JSONValue] = inputs.map { input in
            .object(JSONObject(members: [
                ("source", .string(input.source.name)),
                ("load", .string(input.mode.rawValue)),
                ("path", .string(input.path)),
                ("bytes", .number(String(input.fingerprint.bytes))),
                ("sha256", .string(input.fingerprint.sha256)),
                ("encoding", .string(input.encoding)),
                ("rows_read", .number(String(input.rowsRead))),
                ("rows_loaded", .number(String(input.rowsLoaded))),
                ("rows_quarantined", .number(String(input.rowsQuarantined))),
                ("rows_with_warnings", .number(String(input.rowsWithWarnings))),
            ]))
        }
        let stages: [JSONValue] = stages.map { timing in
            .object(JSONObject(members: [
                ("stage", .string(timing.stage.rawValue)),
                ("duration_ms", .number(String(timing.milliseconds))),
            ]))
        }
        let document = JSONObject(members: [
            ("program", .string("pulse")),
            ("version", .string(PulseKit.version)),
            ("pipeline", .object(JSONObject(members: [("name", .string(pipeline)), ("sha256", .string(pipelineSHA256))]))),
            ("period", .string(period)),
            ("as_of", .string(asOf)),
            ("timezone", .string(timeZone)),
            ("currency", .string(currency)),
            ("inputs", .array(inputs)),
            ("missing_sources", .array(missingSources.map { .string($0.name) })),
            ("files", .array(files.map { .string($0) })),
            ("stages", .array(stages)),
        ])
        return JSONWriter.prettyBytes(.object(document))
    }
}
