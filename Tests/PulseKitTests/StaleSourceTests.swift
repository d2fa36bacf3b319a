import Foundation
import Testing
@testable import PulseKit
import Tabular

/// Stale exports (docs/metrics.md §11.4): an event source with records before M and none in
/// M gets one warning row, the review and the data-quality page say so, and `quality.require_fresh`
/// refuses the run.
@Suite struct StaleSourceTests {
    static let tickets = """
        {"id": 1, "account_id": "A1", "created_at": "2026-09-10T10:00:00+09:00", "status": "open", "priority": "high"}
        {"id": 2, "account_id": "A1", "created_at": "2026-09-30T23:30:00+09:00", "status": "open"}

        """
    static let csat = """
        response_id,account_id,rating,responded_at
        R1,A1,5,2026-09-12T10:00:00+09:00
        R2,A1,4,2026-10-12T10:00:00+09:00

        """
    static let usage = """
        timestamp,account_id,user_id,event,count
        2026-08-05T10:00:00+09:00,A1,u1,report.export,1
        2026-09-05T10:00:00+09:00,A1,u1,report.export,1
        2026-10-31T23:00:00+09:00,A1,u1,login,0
        2026-11-02T10:00:00+09:00,A1,u1,login,1

        """
    static let milestones = """
        account_id,milestone,achieved_at
        A1,kickoff,2026-11-03

        """

    static func fixture(requireFresh: Bool = false) throws -> RunFixture {
        let fixture = try RunFixture(files: ["helpdesk/tickets.jsonl": tickets, "surveys/csat.csv": csat,
                                             "product/usage_events.csv": usage, "product/milestones.csv": milestones])
        if requireFresh {
            let yaml = try String(contentsOf: fixture.pipeline, encoding: .utf8)
                .replacingOccurrences(of: "quality: { max_quarantined_share: 0.5 }", with: "quality: { max_quarantined_share: 0.5, require_fresh: true }")
            try Data(yaml.utf8).write(to: fixture.pipeline)
        }
        return fixture
    }

    @Test func aSourceThatStoppedBeforeTheMonthGetsOneWarningRow() throws {
        let fixture = try Self.fixture()
        try fixture.run()
        let rows = try fixture.published("warnings.csv").split(separator: "\n").filter { $0.contains("no records in") }
        // tickets stopped in September (the newest is the 30th, Tokyo time); csat has an October answer;
        // usage's only October row has count 0 (no activity) and its November row is after as-of;
        // milestones has no record before October (nothing to be stale against).
        #expect(rows == [
            "tickets,,,,no records in 2026-10; the newest is 2026-09-30,",
            "usage_events,,,,no records in 2026-10; the newest is 2026-09-05,",
        ])
        #expect(try fixture.published("data-quality.html").contains("<li><strong>tickets</strong>: no records in 2026-10; the newest is 2026-09-30</li>"))
        let review = try fixture.published("kpi-review.html")
        #expect(review.contains("<div class=\"alert\" role=\"alert\">"))
        #expect(review.contains("<li>usage_events: no records in 2026-10; the newest is 2026-09-05</li>"))
    }

    @Test func aFreshRunHasNoStaleWarning() throws {
        let fixture = try Self.fixture()
        try fixture.run(period: "2026-09")
        #expect(!(try fixture.published("warnings.csv", period: "2026-09")).contains("no records in"))
        #expect(!(try fixture.published("kpi-review.html", period: "2026-09")).contains("role=\"alert\""))
    }

    @Test func requireFreshExitsThreeAndPublishesNothing() throws {
        let fixture = try Self.fixture(requireFresh: true)
        #expect(throws: RunError.self) { try fixture.run() }
        do {
            try fixture.run()
        } catch let error as RunError {
            #expect(error.exitCode == 3)
            #expect(error.description.contains("tickets: no records in 2026-10; the newest is 2026-09-30"))
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.out.appendingPathComponent("2026-10").path))
        // A month the exports cover still publishes.
        try fixture.run(period: "2026-09")
    }

    @Test func theCommittedSampleCoversTheMonthMonthlyShPublishes() throws {
        let script = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scripts/monthly.sh").standardized, encoding: .utf8)
        let month = try #require(script.firstMatch(of: /SAMPLE_MONTH=(\d{4}-\d{2})/)).1
        let tickets = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../sample-data/helpdesk/tickets.jsonl").standardized, encoding: .utf8)
        let newest = tickets.matches(of: /"created_at": ?"(\d{4}-\d{2})/).map { String($0.1) }.max()
        #expect(newest == String(month))
    }

    /// Regression: a usage export that ended more than thirteen months before M was not reported stale.
    @Test func aUsageExportThatEndedLongBeforeTheMonthIsStale() throws {
        let usage = """
            timestamp,account_id,user_id,event,count
            2025-01-05T10:00:00+09:00,A1,u1,report.export,1
            2025-02-06T10:00:00+09:00,A1,u1,login,1

            """
        let fixture = try RunFixture(files: ["product/usage_events.csv": usage])
        try fixture.run()
        let rows = try fixture.published("warnings.csv").split(separator: "\n").filter { $0.contains("no records in") }
        #expect(rows == ["usage_events,,,,no records in 2026-10; the newest is 2025-02-06,"])
    }
}
