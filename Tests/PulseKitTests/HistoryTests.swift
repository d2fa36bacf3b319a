import Foundation
import GRDB
import Logging
import Testing
@testable import PulseKit
import PulseSample
import Tabular

/// Twelve months of history from the inputs (docs/metrics.md §11): a run of M records, for each
/// month before it, exactly the figures a separate run of that month publishes, every family and scope;
/// the review's trends are full on a first run; a month before a source's first record keeps what
/// earlier runs recorded.
@Suite struct HistoryTests {
    /// Runs `pipeline` for `period` into `out`.
    static func run(_ pipeline: URL, period: String, out: URL) throws {
        _ = try PipelineRunner(options: RunOptions(pipeline: pipeline.path, period: period, out: out.path, jobs: 2),
                               logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }).run()
    }

    /// (scope, metric) → value of one period as the warehouse at `out` holds it from its latest run.
    static func stored(_ out: URL, period: String) throws -> [String: String?] {
        let warehouse = try Warehouse(url: out.appendingPathComponent("warehouse.sqlite"))
        return try warehouse.read { db in
            var values: [String: String?] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT scope, metric, value FROM kpi_values WHERE period = ? AND run_id = (SELECT MAX(id) FROM runs)
                """, arguments: [period]) {
                values["\(row["scope"] as String) \(row["metric"] as String)"] = .some(row["value"])
            }
            return values
        }
    }

    /// (scope, metric) → value as `kpis.csv` of a published month holds it.
    static func published(_ out: URL, period: String) throws -> [String: String?] {
        let text = try String(contentsOf: out.appendingPathComponent(period).appendingPathComponent("kpis.csv"), encoding: .utf8)
        var values: [String: String?] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            values["\(cells[1]) \(cells[2])"] = .some(cells[3].isEmpty ? nil : cells[3])
        }
        return values
    }

    /// A run of M's stored history equals a separate run of each of the twelve months before it.
    static func checkHistoryEqualsSeparateRuns(pipeline: URL, month: YearMonth, months: [Int]) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("m")
        try run(pipeline, period: month.description, out: out)
        for k in months {
            let past = month.adding(months: -k).description
            let separate = root.appendingPathComponent("k\(k)")
            try run(pipeline, period: past, out: separate)
            let history = try stored(out, period: past)
            let own = try published(separate, period: past)
            #expect(history.count == own.count, "\(past): \(history.count) stored figures, \(own.count) published")
            let differing = own.keys.sorted().filter { history[$0] != own[$0] }
            #expect(differing.isEmpty, "\(past): \(differing.prefix(5).map { "\($0): \(String(describing: history[$0])) vs \(String(describing: own[$0]))" })")
        }
    }

    @Test func onTheGoldenDataEveryMonthEqualsItsOwnRun() throws {
        let fixture = GoldenFilesTests.fixture
        try Self.checkHistoryEqualsSeparateRuns(pipeline: fixture.appendingPathComponent("pipeline.yml"),
                                                month: YearMonth(year: 2026, month: 10)!, months: Array(1...12))
    }

    @Test(arguments: [(UInt64(11), 5), (UInt64(23), 9)])
    func onGeneratedDataEveryMonthEqualsItsOwnRun(seed: UInt64, endMonth: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-history-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try SampleGenerator(settings: SampleSettings(accounts: 45, months: 16, seed: seed, endMonth: (2026, endMonth)))
            .write(to: root.appendingPathComponent("data"))
        let pipeline = root.appendingPathComponent("pipeline.yml")
        try Data("name: generated\ndata: data\n".utf8).write(to: pipeline)
        try Self.checkHistoryEqualsSeparateRuns(pipeline: pipeline, month: YearMonth(year: 2026, month: endMonth)!,
                                                months: [1, 2, 3, 6, 11, 12])
    }

    @Test func aFirstRunShowsTwelveMonthsOfEveryFamily() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-history-first-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try Self.run(GoldenFilesTests.fixture.appendingPathComponent("pipeline.yml"), period: "2026-10", out: out)
        let workbookRows = try String(contentsOf: out.appendingPathComponent("2026-10/kpi-review.html"), encoding: .utf8)
        #expect(!workbookRows.isEmpty)
        // The warehouse holds every family for each of the twelve months, from this one run.
        for k in 1...12 {
            let period = YearMonth(year: 2026, month: 10)!.adding(months: -k).description
            let values = try Self.stored(out, period: period)
            for metric in ["mrr_end", "tickets_created", "sla_first_response_compliance", "csat_responses", "nps_responses",
                           "mau_total", "health_avg", "onboarding_behind_accounts"] {
                #expect(values["company \(metric)"] != nil, "\(period) \(metric)")
            }
            #expect((values["company tickets_created"] ?? nil) != nil, "\(period): tickets computed, not n/a")
        }
    }

    @Test func aMonthBeforeASourcesFirstRecordKeepsWhatEarlierRunsRecorded() throws {
        // Tickets only from September 2026: months before it are not covered by the support family.
        let tickets = """
            {"id": 1, "account_id": "A1", "created_at": "2026-09-10T10:00:00+09:00", "status": "open", "priority": "high"}
            {"id": 2, "account_id": "A1", "created_at": "2026-10-02T10:00:00+09:00", "status": "open"}

            """
        let fixture = try RunFixture(files: ["helpdesk/tickets.jsonl": tickets])
        try fixture.run()
        let august = try Self.stored(fixture.out, period: "2026-08")
        #expect(august["company tickets_created"] == nil)     // not computed: the export starts later
        #expect(august["company mrr_end"] != nil)             // revenue is covered by the contracts
        let september = try Self.stored(fixture.out, period: "2026-09")
        #expect(september["company tickets_created"] == .some("1"))
        #expect(september["company backlog_end"] == .some("1"))
    }
}
