import Foundation
import Testing
@testable import PulseKit

/// A real `pulse run` killed with SIGKILL in the middle of staging a large append source, and a
/// second run blocked by the first one's lock.
@Suite struct CrashRecoveryTests {
    /// The `pulse` executable built beside the tests.
    static var executable: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/pulse")
    }

    /// About 24 MB of usage events over October 2026: several 8 MiB chunks, so the run is killed
    /// with part of the file staged inside its open transaction.
    static func largeUsageFile() -> String {
        var text = "timestamp,account_id,user_id,event,count\n"
        text.reserveCapacity(25 << 20)
        let events = ["login", "report.export", "workflow.create", "dashboard.share"]
        for i in 0..<400_000 {
            let day = 1 + i % 31
            let hour = i % 24
            let account = i % 2 == 0 ? "A1" : "A2"
            text += "2026-10-\(day < 10 ? "0" : "")\(day)T\(hour < 10 ? "0" : "")\(hour):15:00+09:00,\(account),user-\(i % 5_000),\(events[i % 4]),\(1 + i % 3)\n"
        }
        return text
    }

    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        return (process, err)
    }

    @Test func killedWhileStagingLeavesASoundWarehouseAndTheNextRunEqualsAnUninterruptedOne() throws {
        let usage = Self.largeUsageFile()
        let sources = "  usage_events: { path: product/usage-*.csv, load: append }\n"
        let crashed = try RunFixture(files: ["product/usage-1.csv": usage], sources: sources)
        let reference = try RunFixture(files: ["product/usage-1.csv": usage], sources: sources)
        try reference.run()

        let marker = crashed.root.appendingPathComponent("paused")
        let arguments = ["run", crashed.pipeline.path, "--period", "2026-10", "--out", crashed.out.path, "--jobs", "2"]
        let (child, _) = try Self.start(arguments, environment: ["PULSE_FAILPOINT": "pause-usage-staging",
                                                                 "PULSE_FAILPOINT_MARKER": marker.path])
        defer { if child.isRunning { kill(child.processIdentifier, SIGKILL) } }
        var waited = 0
        while !FileManager.default.fileExists(atPath: marker.path) && waited < 1_200 && child.isRunning {
            usleep(50_000)
            waited += 1
        }
        #expect(FileManager.default.fileExists(atPath: marker.path), "the child never reached the failpoint")

        // While it holds the lock, a second real run exits 4 naming the holder.
        let (second, secondErr) = try Self.start(arguments)
        second.waitUntilExit()
        let message = String(decoding: secondErr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(second.terminationStatus == 4)
        #expect(message.contains("pid \(child.processIdentifier)"), "\(message)")

        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)

        // The interrupted load left nothing behind, and the file is sound.
        #expect(try crashed.warehouse().integrityCheck() == "ok")
        #expect(try crashed.rows("SELECT COUNT(*) FROM staged_usage_daily") == [["0"]])
        #expect(try crashed.rows("SELECT COUNT(*) FROM loads") == [["0"]])
        #expect(!FileManager.default.fileExists(atPath: crashed.out.appendingPathComponent("2026-10").path))

        // The next run (the stale lock does not block it) equals the uninterrupted run.
        let (rerun, rerunErr) = try Self.start(arguments)
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0, "\(String(decoding: rerunErr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        let staged = "SELECT day, a.name, u.name, e.name, count FROM staged_usage_daily JOIN usage_names a ON a.kind = 0 AND a.id = account JOIN usage_names u ON u.kind = 1 AND u.id = user JOIN usage_names e ON e.kind = 2 AND e.id = event ORDER BY 1, 2, 3, 4"
        let expected = try reference.rows(staged)
        #expect(expected.count > 100_000)
        #expect(try crashed.rows(staged) == expected)
        for name in ["kpis.csv", "kpis.json", "quarantine.csv", "warnings.csv", "data-quality.html"] {
            #expect(try crashed.published(name) == reference.published(name), "\(name)")
        }
        #expect(try crashed.rows("SELECT id, status FROM runs ORDER BY id") == [["1", "interrupted"], ["2", "published"]])
        #expect(try crashed.warehouse().integrityCheck() == "ok")
    }
}
