import Foundation
import Logging
import Testing
@testable import PulseKit

/// The whole report set of one small fixed dataset (`Tests/Fixtures/golden`), byte for byte: any change
/// to a page, workbook or file shows up here, to be looked at and regenerated on purpose
/// (`PULSE_UPDATE_GOLDENS=1`). `run.json`'s stage durations are the only values masked.
@Suite struct GoldenFilesTests {
    static let fixture = packageRoot.appendingPathComponent("Tests/Fixtures/golden")
    static let expected = fixture.appendingPathComponent("expected")

    @Test func publishedFilesEqualTheGoldenFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["data", "pipeline.yml"] {
            try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        let out = root.appendingPathComponent("out")
        _ = try PipelineRunner(options: RunOptions(pipeline: root.appendingPathComponent("pipeline.yml").path, period: "2026-10",
                                                   asOf: "2026-10-31", out: out.path, jobs: 2),
                               logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }).run()
        let published = out.appendingPathComponent("2026-10")
        let files = try Self.files(under: published)
        #expect(files.contains("kpi-review.html") && files.contains("kpi-review.xlsx"))
        #expect(files.contains { $0.hasPrefix("qbr/") && $0.hasSuffix(".html") })

        if ProcessInfo.processInfo.environment["PULSE_UPDATE_GOLDENS"] == "1" {
            try? FileManager.default.removeItem(at: Self.expected)
            for file in files {
                let target = Self.expected.appendingPathComponent(file)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(Self.normalized(file, try Data(contentsOf: published.appendingPathComponent(file)))).write(to: target)
            }
            return
        }
        #expect(files == (try Self.files(under: Self.expected)), "the set of published files changed")
        for file in files {
            let actual = Self.normalized(file, try Data(contentsOf: published.appendingPathComponent(file)))
            guard let golden = try? Data(contentsOf: Self.expected.appendingPathComponent(file)) else { continue }
            let same = actual == [UInt8](golden)
            #expect(same, "\(file) differs from its golden file: \(Self.firstDifference(actual, [UInt8](golden)))")
        }
    }

    /// Every regular file under `folder`, relative, sorted.
    static func files(under folder: URL) throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var names: [String] = []
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            names.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
        }
        return names.sorted()
    }

    /// The file's bytes, with `run.json`'s stage durations set to 0.
    static func normalized(_ file: String, _ data: Data) -> [UInt8] {
        guard file == "run.json", let text = String(data: data, encoding: .utf8) else { return [UInt8](data) }
        let masked = text.replacingOccurrences(of: #""duration_ms"\s*:\s*[0-9]+"#, with: #""duration_ms": 0"#, options: .regularExpression)
        return Array(masked.utf8)
    }

    /// Where two byte strings first differ: the line and both lines' text for text files, else the offset.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        let offset = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        guard let x = String(validating: a, as: UTF8.self), let y = String(validating: b, as: UTF8.self) else {
            return "byte \(offset) (sizes \(a.count) and \(b.count))"
        }
        let line = a[..<offset].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
        let left = x.split(separator: "\n", omittingEmptySubsequences: false)
        let right = y.split(separator: "\n", omittingEmptySubsequences: false)
        return "line \(line): got \(left.count >= line ? String(left[line - 1].prefix(200)) : "<end>") | expected \(right.count >= line ? String(right[line - 1].prefix(200)) : "<end>")"
    }
}
