import Foundation
import Tabular

/// Reads `surveys/csat.csv` (rating 1–5) and `surveys/ces.csv` (score 1–7); an out-of-range
/// value quarantines the row.
struct SurveyResponsesReader {
    let settings: SourceConfiguration
    let context: IngestContext

    /// The scored column and its range for this source.
    private var scale: (column: String, range: ClosedRange<Int64>) {
        settings.source == .csat ? ("rating", 1...5) : ("score", 1...7)
    }

    func read(into log: inout IngestLog) throws(IngestError) -> ([SurveyResponse], SourceLoad) {
        let grammars = try SourceGrammars(settings: settings, timeZone: context.timeZone)
        let scale = self.scale
        let reader = CSVSourceReader(settings: settings, dataDirectory: context.dataDirectory)
        return try reader.read(into: &log) { row -> SurveyResponse? in
            let id = row.requiredText("response_id")
            let accountID = row.requiredText("account_id")
            let score = row.integer(scale.column, in: scale.range, required: true)
            let respondedAt = row.requiredInstant("responded_at", grammars)
            guard !row.isRejected, let score, let respondedAt else { return nil }
            return SurveyResponse(id: id, ticketID: row.text("ticket_id"), accountID: accountID, score: score, respondedAt: respondedAt)
        }
    }
}

/// Reads `surveys/nps.csv` (score 0–10); an out-of-range score quarantines the row.
struct NPSResponsesReader {
    let settings: SourceConfiguration
    let context: IngestContext

    func read(into log: inout IngestLog) throws(IngestError) -> ([NPSResponse], SourceLoad) {
        let grammars = try SourceGrammars(settings: settings, timeZone: context.timeZone)
        let reader = CSVSourceReader(settings: settings, dataDirectory: context.dataDirectory)
        return try reader.read(into: &log) { row -> NPSResponse? in
            let id = row.requiredText("response_id")
            let accountID = row.requiredText("account_id")
            let score = row.integer("score", in: 0...10, required: true)
            let respondedAt = row.requiredInstant("responded_at", grammars)
            guard !row.isRejected, let score, let respondedAt else { return nil }
            return NPSResponse(id: id, accountID: accountID, contactID: row.text("contact_id"), score: score,
                               respondedAt: respondedAt, comment: row.text("comment"))
        }
    }
}
