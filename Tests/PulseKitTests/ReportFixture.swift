import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Logging
@testable import PulseKit

/// A copy of `sample-data/` in a temporary folder with a pipeline over it, for running the whole
/// pipeline and reading its reports (the HTML pages, the workbooks through openpyxl).
struct ReportFixture {
    let root: URL
    var data: URL { root.appendingPathComponent("data") }
    var pipeline: URL { root.appendingPathComponent("pipeline.yml") }

    /// Copies the sample data; `extra` is appended to the pipeline file.
    init(extra: String = "") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("sample-data"), to: data)
        let yaml = "name: reports-fixture\ndata: data\ntimezone: Asia/Tokyo\ncurrency: JPY\n"
            + "targets: { nrr: 1.0, grr: 0.9, csat: 0.85, sla_first_response_compliance: 0.95 }\n" + extra
        try Data(yaml.utf8).write(to: pipeline)
    }

    /// Runs October 2026 into `out` (relative to the fixture).
    @discardableResult
    func run(out: String = "out", period: String = "2026-10") throws -> URL {
        let folder = root.appendingPathComponent(out)
        _ = try PipelineRunner(options: RunOptions(pipeline: pipeline.path, period: period, out: folder.path, jobs: 2),
                               logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }).run()
        return folder.appendingPathComponent(period)
    }

    /// Rewrites a data file line by line.
    func rewrite(_ path: String, _ transform: (Int, String) -> String) throws {
        let url = data.appendingPathComponent(path)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let out = lines.enumerated().map { transform($0, $1) }.joined(separator: "\n")
        try Data(out.utf8).write(to: url)
    }
}

/// Reads workbooks back with openpyxl, a real reader independent of the writer.
enum WorkbookReader {
    /// One cell as openpyxl sees it.
    struct Cell: Decodable, Equatable {
        /// `s` string, `n` number, `f` formula, `b` boolean, `d` date, `null` empty.
        var type: String?
        var text: String?
        var number: Double?
    }

    /// Every sheet's cells (row-major) of the workbook at `path`.
    static func read(_ path: String) throws -> [String: [[Cell]]] {
        let script = """
            import json, sys, openpyxl, datetime
            wb = openpyxl.load_workbook(sys.argv[1])
            out = {}
            for ws in wb.worksheets:
                rows = []
                for row in ws.iter_rows():
                    cells = []
                    for c in row:
                        v = c.value
                        if v is None: cells.append({"type": None})
                        elif c.data_type == "f": cells.append({"type": "f", "text": str(v)})
                        elif isinstance(v, bool): cells.append({"type": "b", "text": str(v)})
                        elif isinstance(v, (int, float)): cells.append({"type": "n", "number": float(v)})
                        elif isinstance(v, datetime.datetime): cells.append({"type": "d", "text": v.date().isoformat()})
                        else: cells.append({"type": c.data_type, "text": str(v)})
                    rows.append(cells)
                out[ws.title] = rows
            json.dump(out, sys.stdout)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path]) }
        return try JSONDecoder().decode([String: [[Cell]]].self, from: data)
    }
}

/// Checks an HTML page as XML (the pages are written well-formed) and collects its figures.
final class PageChecker: NSObject, XMLParserDelegate {
    /// (metric, scope, value) of every element carrying a figure.
    var figures: [(metric: String, scope: String, value: String)] = []
    /// Element names seen.
    var elements: Set<String> = []
    /// Attribute names seen.
    var attributes: Set<String> = []
    /// Every href and src value.
    var links: [String] = []
    var error: Error?

    /// Parses `html` (the HTML doctype removed); false when it is not well-formed, or when it declares
    /// a DTD or an entity: FoundationXML on Linux would resolve an external entity (read a local file)
    /// if it were allowed to, so none is ever parsed.
    func parse(_ html: String) -> Bool {
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        if body.contains("<!DOCTYPE") || body.contains("<!ENTITY") {
            error = CocoaError(.coderReadCorrupt)
            return false
        }
        let parser = XMLParser(data: Data(body.utf8))
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        let ok = parser.parse()
        error = parser.parserError
        return ok
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes attributeDict: [String: String] = [:]) {
        elements.insert(elementName.lowercased())
        for (name, value) in attributeDict {
            attributes.insert(name.lowercased())
            if name == "href" || name == "src" || name == "xlink:href" { links.append(value) }
        }
        if let metric = attributeDict["data-metric"], let scope = attributeDict["data-scope"], let value = attributeDict["data-value"] {
            figures.append((metric, scope, value))
        }
    }
}
