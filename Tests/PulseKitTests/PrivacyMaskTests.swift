import Foundation
import Logging
import Testing
@testable import PulseKit
import Tabular

/// `privacy.mask: [email, phone]`: no address or number typed into a free-text field (names, CSMs,
/// comments, override reasons, raw quarantined rows) reaches a report, a workbook or a log line.
@Suite struct PrivacyMaskTests {
    static let email = "taro.yamada@example.co.jp"
    static let phone = "090-1234-5678"
    static let international = "+81 3 1234 9876"

    /// Collects every log line (message and metadata) it is given.
    final class Collector: LogHandler, @unchecked Sendable {
        var lines: [String] = []
        let lock = NSLock()
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lock.lock()
            lines.append("\(event.message) \(event.metadata ?? [:]) \(event.error.map { "\($0)" } ?? "")")
            lock.unlock()
        }
    }

    @Test func noAddressOrNumberReachesAnyOutputOrLog() throws {
        let fixture = try ReportFixture(extra: "privacy: { mask: [email, phone] }\n")
        try fixture.rewrite("crm/accounts.csv") { k, line in
            guard k > 0, !line.isEmpty else { return line }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[1] += " <\(Self.email)>"
            fields[5] = "鈴木 一郎 \(Self.phone)"
            return fields.joined(separator: ",")
        }
        try fixture.rewrite("surveys/nps.csv") { k, line in
            guard k > 0, line.hasSuffix(",") else { return line }
            return line + "連絡先 \(Self.international) / \(Self.email)"
        }
        try fixture.rewrite("overrides/health_overrides.csv") { k, line in
            guard k > 0, !line.isEmpty else { return line }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[3] += " (\(Self.email))"
            return fields.joined(separator: ",")
        }
        // A quarantined row (rating 9 is out of range) whose raw text carries an address.
        try fixture.rewrite("surveys/csat.csv") { k, line in
            k == 1 ? line.replacingOccurrences(of: ",3,", with: ",9,") + "\nCS-X,100003,\(Self.email),9,2026-10-07T07:46:17+09:00" : line
        }
        let collector = Collector()
        let folder = fixture.root.appendingPathComponent("out").appendingPathComponent("2026-10")
        _ = try PipelineRunner(options: RunOptions(pipeline: fixture.pipeline.path, period: "2026-10", out: fixture.root.appendingPathComponent("out").path, jobs: 2),
                               logger: Logger(label: "test") { _ in collector }).run()

        var texts: [String: String] = [:]
        let walker = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        for case let url as URL in walker where !url.hasDirectoryPath {
            let name = String(url.path.dropFirst(folder.path.count + 1))
            if name.hasSuffix(".xlsx") {
                for (sheet, rows) in try WorkbookReader.read(url.path) {
                    texts["\(name)/\(sheet)"] = rows.flatMap { $0.compactMap(\.text) }.joined(separator: "\n")
                }
            } else {
                texts[name] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        texts["log"] = collector.lines.joined(separator: "\n")
        #expect(texts.keys.contains("quarantine.csv") && texts.keys.contains { $0.hasPrefix("kpi-review.xlsx/") })
        for (name, text) in texts {
            for secret in [Self.email, Self.phone, Self.international, "yamada@", "1234-5678", "3 1234 9876"] {
                #expect(!text.contains(secret), "\(name) holds \(secret)")
            }
        }
        #expect(texts["accounts.csv"]?.contains("<t***@example.co.jp>") == true)
        #expect(texts["accounts.csv"]?.contains("鈴木 一郎 ***-****-5678") == true)
        #expect(texts["quarantine.csv"]?.contains("t***@example.co.jp") == true)
        #expect(texts["kpi-review.xlsx/Accounts"]?.contains("<t***@example.co.jp>") == true)
        #expect(texts.contains { $0.key.hasPrefix("qbr/") && $0.value.contains("+** * **** 9876") })
        #expect(texts["log"]?.isEmpty == false)
    }

    @Test func runErrorsAreMaskedKeepingTheirExitCode() {
        let mask = PersonalDataMask(emails: true, phones: true)
        let error = RunError.dataQuality("csat: 5 of 9 rows quarantined, first: \(Self.email)").masked(by: mask)
        #expect(error.exitCode == 3)
        #expect(error.description == "csat: 5 of 9 rows quarantined, first: t***@example.co.jp")
        #expect(RunError.failed("x").masked(by: .none).description == "x")
    }
}
