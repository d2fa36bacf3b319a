import Foundation
import Testing
@testable import PulseKit
import Tabular

/// Append sources: files staged once by fingerprint, rows added or updated by key.
@Suite struct AppendStagingTests {
    static let ticketsDay1 = """
        {"id": 1, "account_id": "A1", "created_at": "2026-10-01T10:00:00+09:00", "updated_at": "2026-10-01T11:00:00+09:00", "status": "open", "priority": "high"}
        {"id": "2", "account_id": "A2", "created_at": "2026-10-01T12:00:00+09:00", "status": "new"}

        """
    static let ticketsDay2 = """
        {"id": "1", "account_id": "A1", "created_at": "2026-10-01T10:00:00+09:00", "updated_at": "2026-10-02T09:00:00+09:00", "solved_at": "2026-10-02T09:00:00+09:00", "status": "solved", "priority": "high"}
        {"id": 3, "account_id": "A1", "created_at": "2026-10-02T15:00:00+09:00", "updated_at": "2026-10-02T15:00:00+09:00", "status": "open", "tags": ["api", "sso"]}

        """
    static let ticketsDay3 = """
        {"id": 1, "account_id": "A1", "created_at": "2026-10-01T10:00:00+09:00", "updated_at": "2026-10-01T12:00:00+09:00", "status": "open"}
        {"id": 2, "account_id": "A2", "created_at": "2026-10-01T12:00:00+09:00", "updated_at": "2026-10-03T08:00:00+09:00", "status": "pending", "priority": "low"}
        {"id": 4, "account_id": "A2", "created_at": "not a date", "status": "open"}

        """
    static let usageHeader = "timestamp,account_id,user_id,event,count\n"
    static let usageDay1 = usageHeader + """
        2026-10-01T09:00:00+09:00,A1,u1,login,
        2026-10-01T23:30:00Z,A1,u1,login,2
        2026-10-01T10:00:00+09:00,A2,u9,report.export,3

        """
    static let usageDay2 = usageHeader + """
        2026-10-02T10:00:00+09:00,A1,u1,login,1
        2026-10-02T11:00:00+09:00,A1,u2,login,0
        2026-10-02T12:00:00+09:00,A1,u2,workflow.create,1

        """
    static let usageDay3 = usageHeader + """
        2026-10-03T00:00:00+09:00,A2,u9,login,1
        not-a-time,A2,u9,login,1

        """
    static let csatHeader = "response_id,ticket_id,account_id,rating,responded_at\n"

    static let appendSources = """
          tickets: { path: helpdesk/tickets-*.jsonl, load: append }
          usage_events: { path: product/usage-*.csv, load: append }
          csat: { path: surveys/csat-*.csv, load: append }

        """

    private func deltas() throws -> RunFixture {
        try RunFixture(files: [
            "helpdesk/tickets-1.jsonl": Self.ticketsDay1, "helpdesk/tickets-2.jsonl": Self.ticketsDay2,
            "helpdesk/tickets-3.jsonl": Self.ticketsDay3,
            "product/usage-1.csv": Self.usageDay1, "product/usage-2.csv": Self.usageDay2, "product/usage-3.csv": Self.usageDay3,
            "surveys/csat-1.csv": Self.csatHeader + "R1,1,A1,4,2026-10-02T10:00:00+09:00\n",
            "surveys/csat-2.csv": Self.csatHeader + "R2,3,A1,5,2026-10-03T10:00:00+09:00\nR1,1,A1,2,2026-10-02T10:00:00+09:00\n",
            "surveys/csat-3.csv": Self.csatHeader + "R3,,A2,9,2026-10-03T11:00:00+09:00\n",
        ], sources: Self.appendSources)
    }

    private func union() throws -> RunFixture {
        try RunFixture(files: [
            "helpdesk/tickets-all.jsonl": Self.ticketsDay1 + Self.ticketsDay2 + Self.ticketsDay3,
            "product/usage-all.csv": Self.usageDay1 + Self.usageDay2.dropFirst(Self.usageHeader.count) + Self.usageDay3.dropFirst(Self.usageHeader.count),
            "surveys/csat-all.csv": Self.csatHeader + "R1,1,A1,4,2026-10-02T10:00:00+09:00\nR2,3,A1,5,2026-10-03T10:00:00+09:00\nR1,1,A1,2,2026-10-02T10:00:00+09:00\nR3,,A2,9,2026-10-03T11:00:00+09:00\n",
        ], sources: Self.appendSources)
    }

    /// The staged usage as (local date, account, user, event, count) text, in key order.
    private func usage(_ fixture: RunFixture) throws -> [[String]] {
        try fixture.rows("""
            SELECT date(u.day * 86400, 'unixepoch'), a.name, us.name, e.name, u.count FROM staged_usage_daily u
            JOIN usage_names a ON a.kind = 0 AND a.id = u.account
            JOIN usage_names us ON us.kind = 1 AND us.id = u.user
            JOIN usage_names e ON e.kind = 2 AND e.id = u.event
            ORDER BY 1, 2, 3, 4
            """)
    }

    @Test func ticketsKeepTheNewestVersionInTheirFirstPlace() throws {
        let fixture = try deltas()
        try fixture.run()
        let tickets = try fixture.warehouse().read { db in try TicketStaging.all(in: db) }
        #expect(tickets.map(\.id) == ["1", "2", "3"])
        // Day 2's solve is newer than day 1; day 3's older update of ticket 1 does not replace it.
        #expect(tickets[0].status == .solved)
        #expect(tickets[0].updatedAt == Instant(secondsSinceEpoch: 1_790_899_200))
        // Ticket 2 had no updated_at: any dated version replaces it.
        #expect(tickets[1].status == .pending)
        #expect(tickets[1].priority == .low)
        #expect(tickets[2].tags == ["api", "sso"])
        // The bad row of day 3 is quarantined with its file and line.
        let quarantine = try fixture.published("quarantine.csv")
        #expect(quarantine.contains("tickets,helpdesk/tickets-3.jsonl,3,created_at,"))
    }

    @Test func usageIsStagedPerLocalDayAndSummed() throws {
        let fixture = try deltas()
        try fixture.run()
        // 2026-10-01T23:30Z is 2026-10-02 08:30 in Tokyo; count 0 is no activity; empty count is 1.
        #expect(try usage(fixture) == [
            ["2026-10-01", "A1", "u1", "login", "1"],
            ["2026-10-01", "A2", "u9", "report.export", "3"],
            ["2026-10-02", "A1", "u1", "login", "3"],
            ["2026-10-02", "A1", "u2", "workflow.create", "1"],
            ["2026-10-03", "A2", "u9", "login", "1"],
        ])
    }

    @Test func aGlobOfThreeDeltaFilesEqualsOneFileHoldingTheirUnion() throws {
        let split = try deltas(), whole = try union()
        try split.run()
        try whole.run()
        let splitTickets = try split.warehouse().read { db in try TicketStaging.all(in: db) }
        let wholeTickets = try whole.warehouse().read { db in try TicketStaging.all(in: db) }
        #expect(splitTickets == wholeTickets)
        #expect(try usage(split) == usage(whole))
        let splitCSAT = try split.warehouse().read { db in try SurveyStaging.responses(of: .csat, in: db) }
        let wholeCSAT = try whole.warehouse().read { db in try SurveyStaging.responses(of: .csat, in: db) }
        #expect(splitCSAT == wholeCSAT)
        // R1 sent again replaces the first answer; R3's rating 9 is quarantined.
        #expect(splitCSAT.map(\.id) == ["R2", "R1"])
        #expect(splitCSAT.map(\.score) == [5, 2])
        let counts = { (f: RunFixture) in try f.rows("SELECT source, SUM(rows_read), SUM(rows_loaded), SUM(rows_quarantined) FROM loads GROUP BY source ORDER BY source") }
        #expect(try counts(split) == counts(whole))
    }

    @Test func reloadingTheSameFilesIsANoOp() throws {
        let fixture = try deltas()
        try fixture.run()
        let before = try usage(fixture)
        let ticketsBefore = try fixture.rows("SELECT * FROM staged_tickets ORDER BY id")
        let quarantineBefore = try fixture.published("quarantine.csv")
        try fixture.run()
        try fixture.run()
        #expect(try usage(fixture) == before)
        #expect(try fixture.rows("SELECT * FROM staged_tickets ORDER BY id") == ticketsBefore)
        #expect(try fixture.rows("SELECT COUNT(*) FROM loads WHERE mode = 'append'") == [["9"]])
        // Staged files' quarantined rows stay in every later run's quarantine file.
        #expect(try fixture.published("quarantine.csv") == quarantineBefore)
        // Each run used all nine staged files.
        #expect(try fixture.rows("SELECT run_inputs.run_id, COUNT(*) FROM run_inputs JOIN loads ON loads.id = load_id WHERE mode = 'append' GROUP BY run_inputs.run_id")
                == [["1", "9"], ["2", "9"], ["3", "9"]])
    }

    @Test func deletedDeltaFilesStayStagedAndNewOnesAreAdded() throws {
        let fixture = try deltas()
        try fixture.run()
        try fixture.remove("product/usage-1.csv")
        try fixture.write("product/usage-4.csv", Self.usageHeader + "2026-10-04T10:00:00+09:00,A1,u1,login,5\n")
        try fixture.run()
        let rows = try usage(fixture)
        #expect(rows.first == ["2026-10-01", "A1", "u1", "login", "1"])
        #expect(rows.last == ["2026-10-04", "A1", "u1", "login", "5"])
        #expect(try fixture.rows("SELECT COUNT(*) FROM loads WHERE mode = 'append' AND source = 'usage_events'") == [["4"]])
    }

    @Test func snapshotSourcesAreReadFreshEveryRun() throws {
        let fixture = try RunFixture(files: ["helpdesk/tickets.jsonl": Self.ticketsDay1])
        try fixture.run()
        try fixture.write("helpdesk/tickets.jsonl", Self.ticketsDay2)
        try fixture.run()
        // Every run records its snapshot files; nothing is staged.
        #expect(try fixture.rows("SELECT run_id, source, mode FROM loads WHERE source = 'tickets' ORDER BY id")
                == [["1", "tickets", "snapshot"], ["2", "tickets", "snapshot"]])
        #expect(try fixture.rows("SELECT COUNT(*) FROM staged_tickets") == [["0"]])
        let manifest = try fixture.published("run.json")
        #expect(manifest.contains(FileFingerprint.sha256(of: Array(Self.ticketsDay2.utf8))))
        #expect(!manifest.contains(FileFingerprint.sha256(of: Array(Self.ticketsDay1.utf8))))
    }

    @Test func appendIsRejectedForWholeStateSources() throws {
        let fixture = try RunFixture(sources: "  accounts: { path: crm/accounts.csv, load: append }\n")
        #expect {
            try PipelineConfiguration.load(from: fixture.pipeline)
        } throws: { error in
            let text = "\(error)"
            return text.contains("pipeline.yml:7:") && text.contains("cannot be loaded with append")
        }
    }
}
