import Foundation
import Testing

/// The bad-export corpus (`Tests/Fixtures/bad-exports/`): broken variants of the golden data
/// folder, each run through `pulse run` into one report folder and warehouse, and checked against
/// its `expect.json` — the exit code; for a refused run, an error that names the file, the line
/// and the reason, and the previous published set left byte-identical; for an accepted run, the
/// quarantine entries (file, line, column, reason); and rows read = loaded + quarantined for
/// every source.
@Suite(.serialized) struct BadExportsTests {
    static let corpus = PulseProcess.packageRoot.appendingPathComponent("Tests/Fixtures/bad-exports")
    static let golden = PulseProcess.packageRoot.appendingPathComponent("Tests/Fixtures/golden")
    static let period = "2026-10"

    /// The case folders, `NN-short-name`, in order.
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.first?.isNumber == true }.sorted()
    }()

    /// The report folder and warehouse every case runs into, with the base data published once.
    static let shared: Result<URL, any Error> = Result {
        let work = try PulseProcess.temporaryFolder()
        let pipeline = try BadExportCase.prepare(nil, in: work.appendingPathComponent("base"))
        let out = work.appendingPathComponent("out")
        let outcome = try run(pipeline, out: out)
        guard outcome.status == 0 else { throw CorpusError("the base data does not run: \(outcome.stderr)") }
        // Every quarantine entry a case expects is its own: the base data has none.
        let quarantine = try CSVRows.parse(Data(contentsOf: out.appendingPathComponent("\(period)/quarantine.csv")))
        guard quarantine.count == 1 else { throw CorpusError("the base data quarantines rows: \(quarantine.dropFirst())") }
        return out
    }

    static func run(_ pipeline: URL, out: URL) throws -> PulseProcess.Outcome {
        try PulseProcess.run(["run", pipeline.path, "--period", period, "--as-of", "2026-10-31", "--out", out.path])
    }

    @Test func theCorpusHasAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases) func badExport(_ name: String) throws {
        let expected = try BadExportCase.expectation(name)
        let out = try Self.shared.get()
        let work = try PulseProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let pipeline = try BadExportCase.prepare(name, in: work)
        let month = out.appendingPathComponent(Self.period)
        let before = try RunCommandTests.files(month)

        let outcome = try Self.run(pipeline, out: out)
        #expect(outcome.status == expected.exit, "\(name): \(outcome.stderr)")
        if expected.exit == 0 {
            try checkAccepted(expected, month: month, stderr: outcome.stderr)
        } else {
            try checkRefused(expected, pipeline: pipeline, out: out, stderr: outcome.stderr)
            #expect(try RunCommandTests.files(month) == before, "a refused run changed the published set")
        }
    }

    /// An accepted run: exactly the expected quarantine entries, the expected warnings among the
    /// warnings, and every source's rows read = loaded + quarantined.
    func checkAccepted(_ expected: BadExportCase.Expectation, month: URL, stderr: String) throws {
        let quarantine = try CSVRows.parse(Data(contentsOf: month.appendingPathComponent("quarantine.csv"))).dropFirst().map(IssueRow.init)
        let entries = expected.quarantine ?? []
        #expect(quarantine.count == entries.count, "quarantine.csv: \(quarantine)")
        for entry in entries {
            #expect(quarantine.contains { entry.matches($0, in: expected) }, "no quarantine entry \(entry) in \(quarantine)")
        }
        if let warnings = expected.warnings {
            let written = try CSVRows.parse(Data(contentsOf: month.appendingPathComponent("warnings.csv"))).dropFirst().map(IssueRow.init)
            for entry in warnings {
                #expect(written.contains { entry.matches($0, in: expected) }, "no warning \(entry)")
            }
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: month.appendingPathComponent("run.json"))) as? [String: Any]
        let inputs = manifest?["inputs"] as? [[String: Any]] ?? []
        #expect(inputs.count > 0)
        var quarantinedRows = 0
        for input in inputs {
            let read = input["rows_read"] as? Int, loaded = input["rows_loaded"] as? Int, quarantined = input["rows_quarantined"] as? Int
            #expect(read != nil && read == (loaded ?? -1) + (quarantined ?? -1), "rows read ≠ loaded + quarantined: \(input)")
            quarantinedRows += quarantined ?? 0
            if input["path"] as? String == expected.file, let encoding = expected.encoding {
                #expect(input["encoding"] as? String == encoding)
            }
        }
        #expect(quarantinedRows == quarantine.count, "run.json counts \(quarantinedRows) quarantined rows, quarantine.csv has \(quarantine.count)")
        for (file, needles) in expected.publishedContains ?? [:] {
            let text = String(decoding: try Data(contentsOf: month.appendingPathComponent(file)), as: UTF8.self)
            for needle in needles { #expect(text.contains(needle), "\(file) lacks \(needle)") }
        }
    }

    /// A refused run: the error names the file, a line and the reason; a data-quality refusal
    /// (exit 3) is recorded in the ledger with rows read = loaded + quarantined, and `pulse
    /// validate` lists the expected rows.
    func checkRefused(_ expected: BadExportCase.Expectation, pipeline: URL, out: URL, stderr: String) throws {
        #expect(stderr.contains(expected.file + ":"), "the error does not name \(expected.file): \(stderr)")
        #expect(stderr.contains(/:\d+/), "the error names no line: \(stderr)")
        for needle in expected.errorContains ?? [] {
            #expect(stderr.contains(needle), "the error lacks \(needle): \(stderr)")
        }
        guard expected.exit == 3 else { return }
        let history = try PulseProcess.run(["history", pipeline.path, "--out", out.path, "--inputs", "--limit", "1"])
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count > 2 && lines[1].contains(" rejected "), "\(history.stdout)")
        // One line per input file: `source mode path … read R loaded L quarantined Q`.
        let inputs = lines.dropFirst(2).compactMap { $0.firstMatch(of: /^ +\w+ \w+ (\S+) .* read (\d+) loaded (\d+) quarantined (\d+)$/) }
        #expect(inputs.count == 11, "\(history.stdout)")
        for input in inputs {
            #expect(Int(input.2)! == Int(input.3)! + Int(input.4)!, "rows read ≠ loaded + quarantined: \(input.0)")
        }
        #expect(inputs.contains { $0.1 == expected.file && Int($0.4)! > 0 }, "the ledger records no quarantined row of \(expected.file)")
        let validate = try PulseProcess.run(["validate", pipeline.path])
        #expect(validate.status == 3)
        for entry in expected.quarantine ?? [] {
            let place = "\(entry.file ?? expected.file):\(entry.line)  \(entry.column.map { $0 + ": " } ?? "")"
            #expect(validate.stdout.split(separator: "\n").contains { $0.contains(place) && $0.contains(entry.reasonContains) },
                    "pulse validate lists no \(place)…\(entry.reasonContains): \(validate.stdout)")
        }
    }
}

/// One row of `quarantine.csv` or `warnings.csv`.
struct IssueRow: CustomStringConvertible {
    var source, file, line, column, reason: String

    init(_ row: [String]) {
        (source, file, line, column, reason) = (row[0], row[1], row[2], row[3], row[4])
    }

    var description: String { "\(source) \(file):\(line) [\(column)] \(reason)" }
}

/// A corpus case: its folder, its manifest, and the data folder it runs on.
enum BadExportCase {
    /// `expect.json`.
    struct Expectation: Decodable {
        /// One line on what the case is and why it has this outcome.
        var why: String
        /// The source and file that the error or the quarantine entries name.
        var source: String
        var file: String
        /// The expected exit code.
        var exit: Int32
        /// Strings the error on standard error must contain (refused runs).
        var errorContains: [String]?
        /// Every quarantine entry an accepted run writes (for exit 3: rows `pulse validate` lists).
        var quarantine: [Entry]?
        /// Warnings that must be among those written.
        var warnings: [Entry]?
        /// The encoding run.json records for `file`.
        var encoding: String?
        /// Strings published files must contain, by file name.
        var publishedContains: [String: [String]]?
        /// A file written (or appended to) at run time instead of committed: a template whose
        /// placeholders stand for a text repeated many times.
        var generate: Generator?
        /// Where Pulse's behaviour is still short of what a careful user expects.
        var knownGap: String?
    }

    /// An expected quarantine or warning entry; source and file default to the case's.
    struct Entry: Decodable, CustomStringConvertible {
        var line: Int
        var source: String?
        var file: String?
        var column: String?
        var reasonContains: String

        func matches(_ issue: IssueRow, in expectation: Expectation) -> Bool {
            issue.source == (source ?? expectation.source) && issue.file == (file ?? expectation.file) && issue.line == "\(line)"
                && (column.map { $0 == issue.column } ?? true) && issue.reason.contains(reasonContains)
        }

        var description: String { "\(source ?? "") \(file ?? ""):\(line) [\(column ?? "")] …\(reasonContains)…" }
    }

    struct Generator: Decodable {
        struct Repeat: Decodable {
            var text: String
            var count: Int
        }

        /// The data file, relative to the data folder.
        var file: String
        /// `append` or `replace`.
        var mode: String
        var template: String
        var `repeat`: [String: Repeat]
    }

    static func expectation(_ name: String) throws -> Expectation {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Expectation.self, from: Data(contentsOf: BadExportsTests.corpus.appendingPathComponent("\(name)/expect.json")))
    }

    /// Copies the golden data into `folder/data`, lays the case over it (its files replace the
    /// base files at the same path; a `NAME.append` file is appended to `NAME`; then the
    /// generator), and writes `folder/pipeline.yml`: the golden pipeline plus the case's
    /// `pipeline-extra.yml`. Returns the pipeline file.
    static func prepare(_ name: String?, in folder: URL) throws -> URL {
        let manager = FileManager.default
        let data = folder.appendingPathComponent("data")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try manager.copyItem(at: BadExportsTests.golden.appendingPathComponent("data"), to: data)
        var pipeline = try String(contentsOf: BadExportsTests.golden.appendingPathComponent("pipeline.yml"), encoding: .utf8)
        if let name {
            let caseFolder = BadExportsTests.corpus.appendingPathComponent(name)
            let enumerator = manager.enumerator(at: caseFolder, includingPropertiesForKeys: [.isRegularFileKey])!
            for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
                let relative = String(url.path.dropFirst(caseFolder.path.count + 1))
                let bytes = try Data(contentsOf: url)
                switch relative {
                case "expect.json":
                    continue
                case "pipeline-extra.yml":
                    pipeline += "\n" + String(decoding: bytes, as: UTF8.self)
                case _ where relative.hasSuffix(".append"):
                    try append(bytes, to: data.appendingPathComponent(String(relative.dropLast(".append".count))))
                default:
                    let target = data.appendingPathComponent(relative)
                    try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
                    try bytes.write(to: target)
                }
            }
            if let generator = try expectation(name).generate {
                var text = generator.template
                for (placeholder, piece) in generator.repeat {
                    text = text.replacingOccurrences(of: placeholder, with: String(repeating: piece.text, count: piece.count))
                }
                let target = data.appendingPathComponent(generator.file)
                if generator.mode == "append" { try append(Data(text.utf8), to: target) } else { try Data(text.utf8).write(to: target) }
            }
        }
        let file = folder.appendingPathComponent("pipeline.yml")
        try Data(pipeline.utf8).write(to: file)
        return file
    }

    private static func append(_ bytes: Data, to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: bytes)
    }
}

/// RFC 4180 records of a published CSV file (quoted fields, doubled quotes, line breaks inside quotes).
enum CSVRows {
    static func parse(_ data: Data) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 { field.append(0x22); i += 1 } else { quoted = false }
                } else {
                    field.append(b)
                }
            } else if b == 0x22 {
                quoted = true
            } else if b == 0x2C {
                row.append(String(decoding: field, as: UTF8.self)); field = []
            } else if b == 0x0A {
                if field.last == 0x0D { field.removeLast() }
                row.append(String(decoding: field, as: UTF8.self)); field = []
                rows.append(row); row = []
            } else {
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(String(decoding: field, as: UTF8.self)); rows.append(row) }
        return rows
    }
}

struct CorpusError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
