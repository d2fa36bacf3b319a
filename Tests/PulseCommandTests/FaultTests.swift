import Foundation
import Testing

/// Faults a run from cron meets: killed at any moment, the disk filling up, an output folder it may
/// not write, a missing data folder, a warehouse from a newer Pulse. Each leaves the published set as
/// it was (or, for a kill after the swap, the complete new set), and says clearly what went wrong.
@Suite(.serialized) struct FaultTests {
    /// A copy of the golden dataset with its pipeline; `variant` changes one account's name, so that
    /// two variants publish different sets.
    struct Workspace {
        let root: URL
        var data: URL { root.appendingPathComponent("data") }
        var pipeline: URL { root.appendingPathComponent("pipeline.yml") }

        init(extra: String = "") throws {
            root = try PulseProcess.temporaryFolder()
            let golden = PulseProcess.packageRoot.appendingPathComponent("Tests/Fixtures/golden")
            try FileManager.default.copyItem(at: golden.appendingPathComponent("data"), to: data)
            let yaml = try String(contentsOf: golden.appendingPathComponent("pipeline.yml"), encoding: .utf8) + extra
            try Data(yaml.utf8).write(to: pipeline)
        }

        /// Renames account A00002 in the accounts file (variant 1) or restores it (variant 0).
        func use(variant: Int) throws {
            let url = data.appendingPathComponent("crm/accounts.csv")
            var text = try String(contentsOf: url, encoding: .utf8)
            let marker = " (renamed)"
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let k = lines.firstIndex(where: { $0.hasPrefix("A00002,") }) {
                var fields = lines[k].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[1] = fields[1].replacingOccurrences(of: marker, with: "") + (variant == 1 ? marker : "")
                lines[k] = fields.joined(separator: ",")
            }
            text = lines.joined(separator: "\n")
            try Data(text.utf8).write(to: url)
        }

        func arguments(out: URL) -> [String] {
            ["run", pipeline.path, "--period", "2026-10", "--as-of", "2026-10-31", "--out", out.path, "--jobs", "2"]
        }
    }

    /// Every published file of `OUT/2026-10`, `run.json` with its stage durations masked.
    static func publishedSet(_ out: URL) throws -> [String: Data] {
        let month = out.appendingPathComponent("2026-10")
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: month, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let name = String(url.standardizedFileURL.path.dropFirst(month.standardizedFileURL.path.count + 1))
            var data = try Data(contentsOf: url)
            if name == "run.json", let text = String(data: data, encoding: .utf8) {
                data = Data(text.replacingOccurrences(of: #""duration_ms"\s*:\s*[0-9]+"#, with: "\"duration_ms\": 0",
                                                      options: .regularExpression).utf8)
            }
            files[name] = data
        }
        return files
    }

    /// `PRAGMA integrity_check` of the warehouse, through Python's sqlite3 (a reader independent of Pulse).
    static func integrity(_ warehouse: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])",
                             warehouse.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func killedAtTwentyMomentsThePublishedSetIsTheOldOrTheNewAndTheNextRunSucceeds() throws {
        // The two sets, each from a fresh folder.
        var sets: [[String: Data]] = []
        var durations: [Double] = []
        for variant in 0...1 {
            let workspace = try Workspace()
            try workspace.use(variant: variant)
            let out = workspace.root.appendingPathComponent("out")
            let started = Date()
            let outcome = try PulseProcess.run(workspace.arguments(out: out))
            durations.append(Date().timeIntervalSince(started))
            #expect(outcome.status == 0, "\(outcome.stderr)")
            sets.append(try Self.publishedSet(out))
        }
        #expect(sets[0] != sets[1])
        #expect(sets[0].keys.contains("kpi-review.xlsx"))

        let workspace = try Workspace()
        let out = workspace.root.appendingPathComponent("out")
        #expect(try PulseProcess.run(workspace.arguments(out: out)).status == 0)
        #expect(try Self.publishedSet(out) == sets[0])

        // Twenty moments spread over a whole run (fixed seed): extract, load, transform, report, publish.
        // The span follows the latest uninterrupted run, so the moments cover the run even when the
        // machine is busy.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var span = max(durations.max() ?? 1, 0.2) * 1.15
        var current = 0
        var outcomes: [String: Int] = [:]
        for kill in 0..<20 {
            let next = 1 - current
            try workspace.use(variant: next)
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let moment = span * Double(kill) / 20 + span / 20 * Double(state >> 11) / Double(1 << 53)
            let process = Process()
            process.executableURL = PulseProcess.executable
            process.arguments = workspace.arguments(out: out)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(moment * 1_000_000))
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let published = try Self.publishedSet(out)
            let which = published == sets[current] ? "old" : published == sets[next] ? "new" : "neither"
            outcomes[which, default: 0] += 1
            #expect(which != "neither", "kill \(kill) at \(moment) s left a published set that is neither the old nor the new one")
            #expect(try Self.integrity(out.appendingPathComponent("warehouse.sqlite")) == "ok", "kill \(kill)")

            let rerunStarted = Date()
            let rerun = try PulseProcess.run(workspace.arguments(out: out))
            span = max(Date().timeIntervalSince(rerunStarted), 0.2) * 1.15
            #expect(rerun.status == 0, "the run after kill \(kill): \(rerun.stderr)")
            #expect(try Self.publishedSet(out) == sets[next], "the run after kill \(kill)")
            current = next
        }
        print("[info] 20 kills, last span \(span) s: \(outcomes)")
        #expect(outcomes["old", default: 0] > 0, "no kill landed before the swap: \(outcomes)")
    }
}

/// A small tmpfs mounted for a test (root only), or nil where mounting is not allowed.
struct ScratchMount {
    let path: URL

    init?(at path: URL, bytes: Int) {
        self.path = path
        guard getuid() == 0,
              (try? FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)) != nil,
              Self.shell("mount -t tmpfs -o size=\(bytes) tmpfs '\(path.path)'") == 0 else { return nil }
    }

    /// Makes the mount read-only.
    func makeReadOnly() -> Bool { Self.shell("mount -o remount,ro '\(path.path)'") == 0 }

    func unmount() { _ = Self.shell("umount -l '\(path.path)'") }

    @discardableResult
    static func shell(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " 2>/dev/null"]
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

extension FaultTests {
    /// Bytes a folder's files take on a 4 KiB-page filesystem.
    static func footprint(_ folder: URL) -> Int {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey]) else { return 0 }
        var total = 0
        for case let url as URL in walker {
            let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
            total += ((size ?? 0) + 4095) / 4096 * 4096 + 4096
        }
        return total
    }

    @Test func aFullDiskWhileWritingReportsExitsOneAndKeepsThePreviousSet() throws {
        let workspace = try Workspace(extra: "warehouse: wh/warehouse.sqlite\n")
        let probe = workspace.root.appendingPathComponent("probe")
        #expect(try PulseProcess.run(workspace.arguments(out: probe)).status == 0)
        let setBytes = Self.footprint(probe.appendingPathComponent("2026-10"))
        try FileManager.default.removeItem(at: workspace.root.appendingPathComponent("wh"))

        let out = workspace.root.appendingPathComponent("out")
        // Room for one set and half of another: the second run fills the disk while staging.
        let mount = ScratchMount(at: out, bytes: setBytes * 3 / 2)
        defer { mount?.unmount() }
        var arguments = workspace.arguments(out: out)
        if mount == nil {
            // No mounting here: a file-size limit makes the report writes fail the same way.
            arguments = ["-c", "ulimit -f 96; exec '\(PulseProcess.executable.path)' " + arguments.map { "'\($0)'" }.joined(separator: " ")]
        }
        func run() throws -> PulseProcess.Outcome {
            if mount != nil { return try PulseProcess.run(arguments) }
            return try FaultTests.shellOutcome(arguments)
        }
        if mount == nil {
            // The first set is published without the limit.
            #expect(try PulseProcess.run(workspace.arguments(out: out)).status == 0)
        } else {
            #expect(try run().status == 0)
        }
        let before = try Self.publishedSet(out)
        #expect(before["kpi-review.html"] != nil)

        try workspace.use(variant: 1)
        let failed = try run()
        #expect(failed.status == 1, "\(failed.stderr)")
        #expect(failed.stderr.contains(mount != nil ? "No space left on device" : "File too large"), "\(failed.stderr)")
        #expect(failed.stderr.contains(out.path), "the message names the file: \(failed.stderr)")
        #expect(try Self.publishedSet(out) == before)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(leftovers.sorted() == ["2026-10"], "no partial output is left: \(leftovers)")
    }

    @Test func aReadOnlyOutputFolderIsAClearErrorAndNothingChanges() throws {
        let workspace = try Workspace(extra: "warehouse: wh/warehouse.sqlite\n")
        let out = workspace.root.appendingPathComponent("out")
        let mount = ScratchMount(at: out, bytes: 16 << 20)
        defer { mount?.unmount() }
        #expect(try PulseProcess.run(workspace.arguments(out: out)).status == 0)
        let before = try Self.publishedSet(out)
        if let mount {
            #expect(mount.makeReadOnly())
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: out.path)
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: out.path) }
        try workspace.use(variant: 1)
        let failed = try PulseProcess.run(workspace.arguments(out: out))
        #expect(failed.status == 1, "\(failed.stderr)")
        let said = failed.stderr.lowercased()
        #expect(said.contains("read only") || said.contains("read-only") || said.contains("permission"), "\(failed.stderr)")
        #expect(failed.stderr.contains(out.path), "\(failed.stderr)")
        #expect(try Self.publishedSet(out) == before)
    }

    @Test func aMissingDataFolderIsAClearErrorAndNothingIsWritten() throws {
        let workspace = try Workspace()
        try FileManager.default.removeItem(at: workspace.data)
        let out = workspace.root.appendingPathComponent("out")
        let failed = try PulseProcess.run(workspace.arguments(out: out))
        #expect(failed.status == 2, "\(failed.stderr)")
        #expect(failed.stderr.contains(workspace.data.path), "the message names the folder: \(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("2026-10").path))
    }

    @Test func aWarehouseFromANewerPulseIsRefusedAndLeftAlone() throws {
        let workspace = try Workspace()
        let out = workspace.root.appendingPathComponent("out")
        #expect(try PulseProcess.run(workspace.arguments(out: out)).status == 0)
        let before = try Self.publishedSet(out)
        let warehouse = out.appendingPathComponent("warehouse.sqlite")
        let script = "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO grdb_migrations VALUES ('v9: from a newer Pulse')\"); c.commit(); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.close()"
        #expect(ScratchMount.shell("python3 -c \"\(script.replacingOccurrences(of: "\"", with: "\\\""))\" '\(warehouse.path)'") == 0)
        let bytes = try Data(contentsOf: warehouse)
        try workspace.use(variant: 1)
        let failed = try PulseProcess.run(workspace.arguments(out: out))
        #expect(failed.status == 1, "\(failed.stderr)")
        #expect(failed.stderr.contains("newer version of Pulse"), "\(failed.stderr)")
        #expect(failed.stderr.contains("v9: from a newer Pulse"), "\(failed.stderr)")
        #expect(failed.stderr.contains(warehouse.path), "\(failed.stderr)")
        #expect(try Self.publishedSet(out) == before)
        #expect(try Data(contentsOf: warehouse) == bytes, "the warehouse is not written")
    }

    /// Runs `/bin/sh` with `arguments`.
    static func shellOutcome(_ arguments: [String]) throws -> PulseProcess.Outcome {
        try PulseProcess.run(arguments, program: URL(fileURLWithPath: "/bin/sh"))
    }
}
