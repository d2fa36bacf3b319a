import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func committedSampleDataValidates() throws {
        let outcome = try PulseProcess.run(["validate", "pipelines/monthly-kpi.yml"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for source in ["accounts", "subscriptions", "fx_rates", "tickets", "csat", "nps", "ces", "usage_events", "milestones", "article_events", "health_overrides"] {
            #expect(outcome.stdout.contains("\n\(source) "), "\(source) missing from:\n\(outcome.stdout)")
        }
        #expect(outcome.stdout.contains("ok: a run would go ahead"))
    }

    @Test func badPipelineFileExitsTwoNamingLineAndColumn() throws {
        let folder = try PulseProcess.temporaryFolder()
        let pipeline = folder.appendingPathComponent("bad.yml")
        try Data("data: .\ntimezone: Asia/Tokyo\nsla:\n  P1: { first_response: 4x }\n".utf8).write(to: pipeline)
        let outcome = try PulseProcess.run(["validate", pipeline.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bad.yml:4:"), "\(outcome.stderr)")
    }

    @Test func missingRequiredSourceExitsTwo() throws {
        let folder = try PulseProcess.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("crm"), withIntermediateDirectories: true)
        try Data("account_id,name,plan,signup_date\nA1,X,starter,2024-01-01\n".utf8).write(to: folder.appendingPathComponent("crm/accounts.csv"))
        try Data("data: .\n".utf8).write(to: folder.appendingPathComponent("p.yml"))
        let outcome = try PulseProcess.run(["validate", folder.appendingPathComponent("p.yml").path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("crm/subscriptions.csv: required source file not found"), "\(outcome.stderr)")
    }

    @Test func quarantineOverTheThresholdExitsThreeWithReasons() throws {
        let folder = try PulseProcess.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("crm"), withIntermediateDirectories: true)
        try Data("account_id,name,plan,signup_date\nA1,X,starter,2024-01-01\nA2,Y,starter,2024-13-01\n".utf8)
            .write(to: folder.appendingPathComponent("crm/accounts.csv"))
        try Data("subscription_id,account_id,start_date,billing_period,amount\nS1,A1,2024-01-01,monthly,1000\n".utf8)
            .write(to: folder.appendingPathComponent("crm/subscriptions.csv"))
        try Data("data: .\nquality: { max_quarantined_share: 0.25 }\n".utf8).write(to: folder.appendingPathComponent("p.yml"))
        let outcome = try PulseProcess.run(["validate", folder.appendingPathComponent("p.yml").path])
        #expect(outcome.status == 3)
        #expect(outcome.stdout.contains("accounts  crm/accounts.csv:3  signup_date: "), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("data-quality threshold exceeded: accounts quarantined 1 of 2 rows"))
        // --data points the same pipeline at another folder.
        let other = try PulseProcess.run(["validate", folder.appendingPathComponent("p.yml").path, "--data", "/nonexistent"])
        #expect(other.status == 2)
        #expect(other.stderr.contains("data folder not found: /nonexistent"))
    }

    @Test func aQuietRunPublishesAndPrintsNothing() throws {
        let out = try PulseProcess.temporaryFolder()
        let outcome = try PulseProcess.run(["run", "pipelines/monthly-kpi.yml", "--period", "2026-10", "--quiet", "--out", out.path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.isEmpty && outcome.stderr.isEmpty, "\(outcome.stdout)\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("2026-10/run.json").path))
    }

    @Test func helpListsTheCommands() throws {
        let outcome = try PulseProcess.run(["--help"])
        #expect(outcome.status == 0)
        for command in ["run", "validate", "sample", "history"] { #expect(outcome.stdout.contains("  \(command) ")) }
    }
}

@Suite struct SampleCommandTests {
    @Test func sameSeedWritesSameBytes() throws {
        let a = try PulseProcess.temporaryFolder(), b = try PulseProcess.temporaryFolder(), c = try PulseProcess.temporaryFolder()
        for (folder, seed) in [(a, "7"), (b, "7"), (c, "8")] {
            let outcome = try PulseProcess.run(["sample", "--out", folder.path, "--accounts", "30", "--months", "6", "--seed", seed])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let files = ["crm/accounts.csv", "crm/subscriptions.csv", "helpdesk/tickets.jsonl", "product/usage_events.csv"]
        for file in files {
            let x = try Data(contentsOf: a.appendingPathComponent(file)), y = try Data(contentsOf: b.appendingPathComponent(file))
            #expect(x == y, "\(file) differs for the same seed")
        }
        #expect(try Data(contentsOf: a.appendingPathComponent("product/usage_events.csv")) != Data(contentsOf: c.appendingPathComponent("product/usage_events.csv")))
        // What sample writes, validate reads cleanly.
        try Data("data: .\n".utf8).write(to: a.appendingPathComponent("p.yml"))
        let validated = try PulseProcess.run(["validate", a.appendingPathComponent("p.yml").path])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
    }
}
