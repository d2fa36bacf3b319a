import Foundation
import Testing

/// `pulse run` as a scheduler runs it: published files, determinism, failures that publish nothing.
@Suite struct RunCommandTests {
    /// Every file under `folder` (relative path → bytes).
    static func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            result[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }

    /// `run.json` with its durations blanked: the only part allowed to change between runs.
    static func withoutDurations(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).replacing(/"duration_ms": \d+/, with: "\"duration_ms\": 0")
    }

    @Test func publishesTheReportSetWithPrivateModes() throws {
        let out = try PulseProcess.temporaryFolder()
        let outcome = try PulseProcess.run(["run", "pipelines/monthly-kpi.yml", "--period", "2026-10", "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("published \(out.path)/2026-10"))
        let month = out.appendingPathComponent("2026-10")
        let names = try Self.files(month).keys.sorted()
        #expect(names.filter { !$0.hasPrefix("qbr/") } == ["accounts.csv", "alerts.csv", "data-quality.html", "kpi-review.html", "kpi-review.xlsx",
                                                          "kpis.csv", "kpis.json", "movements.csv", "quarantine.csv", "run.json", "tickets.csv",
                                                          "warnings.csv"])
        // One QBR (HTML and workbook) per high-touch account paying in M.
        #expect(names.filter { $0.hasPrefix("qbr/") }.count == 2 * 29)
        let folderMode = try FileManager.default.attributesOfItem(atPath: month.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o750)
        for name in try Self.files(month).keys {
            let mode = try FileManager.default.attributesOfItem(atPath: month.appendingPathComponent(name).path)[.posixPermissions] as? Int
            // Raw quarantined rows are readable by the owner only.
            #expect(mode == (name == "quarantine.csv" ? 0o600 : 0o640), "\(name)")
        }
        for name in ["warehouse.sqlite", "warehouse.sqlite.lock"] {
            let mode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.posixPermissions] as? Int
            #expect(mode == 0o640, "\(name)")
        }
        let manifest = try String(contentsOf: month.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(manifest.contains("\"as_of\": \"2026-11-01T00:00:00+09:00\""))
        #expect(manifest.contains("\"path\": \"product/usage_events.csv\""))
        // No staging folder is left beside the published one.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
                == ["2026-10", "warehouse.sqlite", "warehouse.sqlite.lock"])
    }

    @Test func twoRunsOverTheSameInputsAreByteIdentical() throws {
        let first = try PulseProcess.temporaryFolder(), second = try PulseProcess.temporaryFolder()
        for out in [first, second, second] {
            let outcome = try PulseProcess.run(["run", "pipelines/monthly-kpi.yml", "--period", "2026-09", "--jobs", "2", "--out", out.path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let a = try Self.files(first.appendingPathComponent("2026-09"))
        let b = try Self.files(second.appendingPathComponent("2026-09"))
        #expect(a.keys.sorted() == b.keys.sorted())
        for (name, bytes) in a where name != "run.json" {
            #expect(bytes == b[name], "\(name) differs between runs")
        }
        #expect(Self.withoutDurations(a["run.json"]!) == Self.withoutDurations(b["run.json"]!))
    }

    @Test func aFailureBeforePublishLeavesThePreviousSetByteIdentical() throws {
        let out = try PulseProcess.temporaryFolder()
        let arguments = ["run", "pipelines/monthly-kpi.yml", "--period", "2026-10", "--out", out.path]
        #expect(try PulseProcess.run(arguments).status == 0)
        let month = out.appendingPathComponent("2026-10")
        let before = try Self.files(month)
        let failed = try PulseProcess.run(arguments, environment: ["PULSE_FAILPOINT": "before-publish"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("nothing was published"), "\(failed.stderr)")
        #expect(try Self.files(month) == before)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".2026-10.staging").path))
        let history = try PulseProcess.run(["history", "pipelines/monthly-kpi.yml", "--out", out.path])
        #expect(history.status == 0)
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("2 ") && lines[1].contains(" failed ") && lines[1].contains("2026-10"), "\(history.stdout)")
        #expect(lines[2].hasPrefix("1 ") && lines[2].contains(" published "), "\(history.stdout)")
    }

    @Test func aDataQualityFailureExitsThreeAndPublishesNothing() throws {
        let folder = try PulseProcess.temporaryFolder()
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("crm"), withIntermediateDirectories: true)
        try Data("account_id,name,plan,signup_date\nA1,X,starter,2024-01-01\nA2,Y,starter,not-a-date\n".utf8)
            .write(to: data.appendingPathComponent("crm/accounts.csv"))
        try Data("subscription_id,account_id,start_date,billing_period,amount\nS1,A1,2024-01-01,monthly,100\n".utf8)
            .write(to: data.appendingPathComponent("crm/subscriptions.csv"))
        try Data("data: data\n".utf8).write(to: folder.appendingPathComponent("p.yml"))
        let outcome = try PulseProcess.run(["run", "p.yml", "--period", "2026-10", "--out", "out", "--log-format", "json"], in: folder)
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("\"exit_code\":\"3\""), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("accounts 1 of 2 rows"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/2026-10").path))
    }

    @Test func badOptionsExitTwo() throws {
        for arguments in [["--period", "2026-13"], ["--period", "October"], ["--as-of", "yesterday"], ["--jobs", "0"], ["--log-format", "xml"]] {
            let outcome = try PulseProcess.run(["run", "pipelines/monthly-kpi.yml", "--out", "/nonexistent/never"] + arguments)
            #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
        }
    }

    @Test func progressIsSilentWhenStderrIsNotATerminal() throws {
        let out = try PulseProcess.temporaryFolder()
        let outcome = try PulseProcess.run(["run", "pipelines/monthly-kpi.yml", "--period", "2026-10", "--out", out.path])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
    }

    @Test func jsonLogsOneObjectPerStage() throws {
        let out = try PulseProcess.temporaryFolder()
        let outcome = try PulseProcess.run(["run", "pipelines/monthly-kpi.yml", "--period", "2026-10", "--out", out.path, "--log-format", "json"])
        #expect(outcome.status == 0)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 5, "\(outcome.stderr)")
        for (line, stage) in zip(lines, ["extract", "load", "transform", "report", "publish"]) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            #expect(object?["stage"] == stage)
            #expect(object?["message"] == "stage finished")
        }
    }
}

/// `pulse explain`: the breakdown a CSM reads in the terminal.
@Suite struct ExplainCommandTests {
    @Test func explainsAnAccountsHealthAlertsAndFacts() throws {
        let outcome = try PulseProcess.run(["explain", "A00002", "pipelines/monthly-kpi.yml", "--period", "2026-10"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = outcome.stdout
        #expect(text.hasPrefix("A00002  株式会社神戸フーズ\n"))
        #expect(text.contains("component                raw  points   weight  contribution  change"))
        #expect(text.contains("overridden by"))
        #expect(text.contains("moved most since 2026-09: "))
        #expect(text.contains("alerts ("))
        #expect(text.contains("\nfacts\n"))
        // The contributions' changes add up to the delta: the explanation and the score agree.
        let changes = text.split(separator: "\n").filter { line in
            HealthComponentNameList.names.contains { line.hasPrefix($0 + " ") }
        }.compactMap { Double($0.split(separator: " ").last!) }
        let delta = text.split(separator: "\n").first { $0.hasPrefix("delta") }.flatMap { Double($0.split(separator: " ")[1]) }
        if let delta, changes.count == 6 { #expect(abs(changes.reduce(0, +) - delta) < 0.05) }
    }

    @Test func unknownAccountIsABadCommandLine() throws {
        let outcome = try PulseProcess.run(["explain", "NOPE", "pipelines/monthly-kpi.yml", "--period", "2026-10"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "pulse explain: account \"NOPE\" is not in the accounts file\n")
    }
}

/// The default health components, as `pulse explain` names them.
enum HealthComponentNameList {
    static let names = ["license_utilization", "feature_breadth", "usage_trend", "support", "nps", "csat"]
}
