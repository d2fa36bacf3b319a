import Foundation
import Testing
@testable import PulseKit

/// `pulse explain` opens the pipeline the way `pulse run` does and reads what the run read: append
/// sources as the warehouse staged them, not as the files now are.
@Suite struct ExplainOpeningTests {
    static let tickets = """
        {"id": 1, "account_id": "A1", "created_at": "2026-10-05T10:00:00+09:00", "status": "open", "priority": "urgent"}
        {"id": 2, "account_id": "A1", "created_at": "2026-10-06T10:00:00+09:00", "status": "open", "priority": "normal"}

        """

    static func factValue(_ text: String, _ name: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.map {
            $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func explainReadsTheStagedRowsOfAnAppendSource() throws {
        let fixture = try RunFixture(files: ["helpdesk/tickets-1.jsonl": Self.tickets],
                                     sources: "  tickets:\n    path: helpdesk/tickets-*.jsonl\n    load: append\n")
        try fixture.run()
        // The export that was staged is gone from the data folder; the run's warehouse still holds it.
        try fixture.remove("helpdesk/tickets-1.jsonl")
        let options = RunOptions(pipeline: fixture.pipeline.path, period: "2026-10", out: fixture.out.path, jobs: 2)
        let text = try AccountExplanation.explanation(accountID: "A1", options: options)
        #expect(Self.factValue(text, "tickets_90d") == "2")
        #expect(Self.factValue(text, "sla_breaches_90d") == "2")
        // The run's accounts.csv says the same.
        let accounts = try fixture.published("accounts.csv")
        #expect(accounts.split(separator: "\n")[1].contains(",2,2,"))
    }

    @Test func withoutAWarehouseExplainReadsTheFiles() throws {
        let fixture = try RunFixture(files: ["helpdesk/tickets-1.jsonl": Self.tickets],
                                     sources: "  tickets:\n    path: helpdesk/tickets-*.jsonl\n    load: append\n")
        let options = RunOptions(pipeline: fixture.pipeline.path, period: "2026-10", out: fixture.out.path, jobs: 2)
        let text = try AccountExplanation.explanation(accountID: "A1", options: options)
        #expect(Self.factValue(text, "tickets_90d") == "2")
        #expect(!FileManager.default.fileExists(atPath: fixture.out.appendingPathComponent("warehouse.sqlite").path))
    }

    @Test func aMissingDataFolderIsTheSameErrorForEveryCommand() throws {
        let fixture = try RunFixture()
        let options = RunOptions(pipeline: fixture.pipeline.path, period: "2026-10", data: "/nonexistent/folder",
                                 out: fixture.out.path, jobs: 1)
        var messages: [String] = []
        do { _ = try PipelineRunner(options: options).run() } catch { messages.append(error.description) }
        do { _ = try AccountExplanation.explanation(accountID: "A1", options: options) } catch { messages.append(error.description) }
        if case let .failure(error) = PipelineValidation.validate(pipeline: options.pipeline, data: options.data, jobs: 1) {
            messages.append(error.description)
        }
        #expect(messages.count == 3)
        #expect(Set(messages).count == 1, "\(messages)")
    }
}
