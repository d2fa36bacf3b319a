import Foundation

/// `pulse history`: the run ledger of a pipeline's warehouse, newest first.
public enum RunHistory {
    /// The recorded runs of the pipeline's warehouse (empty when it has none yet).
    public static func load(pipeline: String, out: String?, limit: Int?) throws(RunError) -> [RunRecord] {
        let configuration: PipelineConfiguration
        do { configuration = try PipelineConfiguration.load(from: URL(fileURLWithPath: pipeline)) } catch {
            throw .pulse(.pipeline(error))
        }
        let url = configuration.warehouse ?? URL(fileURLWithPath: out ?? "reports").appendingPathComponent("warehouse.sqlite")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        do {
            let warehouse = try Warehouse(readingAt: url)
            return try warehouse.read { db in try RunLedger.history(limit: limit, in: db) }
        } catch {
            throw .failed(error.description)
        }
    }

    /// The runs as a table, one line per run, with its inputs' short fingerprints (all of each
    /// input with `inputs`).
    public static func render(_ runs: [RunRecord], inputs: Bool) -> String {
        guard !runs.isEmpty else { return "no runs recorded yet\n" }
        var rows: [[String]] = [["run", "period", "as of", "status", "exit", "duration", "started (UTC)", "inputs"]]
        for run in runs {
            let duration = run.durationMilliseconds.map { String(format: "%.1f s", Double($0) / 1000) } ?? ""
            let summary = run.inputs.isEmpty ? "" : "\(run.inputs.count) files, "
                + run.inputs.map { "\($0.source.name):\($0.fingerprint.sha256.prefix(12))" }.joined(separator: " ")
            rows.append([String(run.id), run.period, run.asOf, run.status, run.exitCode.map(String.init) ?? "",
                         duration, run.startedAt, summary])
        }
        var out = ""
        let lines = TextTable(rows: rows).rendered().split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.dropLast().enumerated() {
            out += line + "\n"
            if inputs, index > 0 {
                let run = runs[index - 1]
                if let message = run.message { out += "    \(message)\n" }
                for input in run.inputs {
                    out += "    \(input.source.name) \(input.mode.rawValue) \(input.path) \(input.fingerprint.bytes) bytes sha256 \(input.fingerprint.sha256)"
                    out += " read \(input.rowsRead) loaded \(input.rowsLoaded) quarantined \(input.rowsQuarantined)\n"
                }
            }
        }
        return out
    }
}
