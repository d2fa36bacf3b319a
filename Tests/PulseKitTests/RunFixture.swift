import Foundation
import GRDB
import Logging
@testable import PulseKit

/// A temporary data folder, pipeline file and output folder for running the whole pipeline in process.
struct RunFixture {
    let root: URL
    var data: URL { root.appendingPathComponent("data") }
    var out: URL { root.appendingPathComponent("out") }
    var pipeline: URL { root.appendingPathComponent("pipeline.yml") }

    /// Writes the CRM fixture plus `files`, and a pipeline whose `sources:` block is `sources`.
    init(files: [String: String] = [:], sources: String = "") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-run-\(UUID().uuidString)")
        var all = ["crm/accounts.csv": IngestFixture.accounts, "crm/subscriptions.csv": IngestFixture.subscriptions]
        for (path, text) in files { all[path] = text }
        for (path, text) in all { try write(path, text) }
        var yaml = "name: fixture\ndata: data\ntimezone: Asia/Tokyo\ncurrency: JPY\nquality: { max_quarantined_share: 0.5 }\n"
        if !sources.isEmpty { yaml += "sources:\n" + sources }
        try Data(yaml.utf8).write(to: pipeline)
    }

    /// Writes (or replaces) a data file.
    func write(_ path: String, _ text: String) throws {
        let url = data.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Removes a data file.
    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: data.appendingPathComponent(path))
    }

    /// Runs the pipeline for October 2026.
    @discardableResult
    func run(period: String = "2026-10", asOf: String? = nil) throws -> RunResult {
        try PipelineRunner(options: RunOptions(pipeline: pipeline.path, period: period, asOf: asOf, out: out.path, jobs: 2),
                           logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }).run()
    }

    /// The warehouse the runs wrote.
    func warehouse() throws -> Warehouse {
        try Warehouse(url: out.appendingPathComponent("warehouse.sqlite"))
    }

    /// Rows of a query on the warehouse, each as its values' descriptions.
    func rows(_ sql: String) throws -> [[String]] {
        try warehouse().read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: ""
                    case .int64(let n): String(n)
                    case .double(let d): String(d)
                    case .string(let s): s
                    case .blob(let b): "\(b.count) bytes"
                    }
                }
            }
        }
    }

    /// A published file's text.
    func published(_ name: String, period: String = "2026-10") throws -> String {
        try String(contentsOf: out.appendingPathComponent(period).appendingPathComponent(name), encoding: .utf8)
    }
}
