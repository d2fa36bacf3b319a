import Foundation
import Tabular

/// Reads `helpcenter/article_events.csv`; an empty `account_id` is an anonymous reader.
struct ArticleEventsReader {
    let settings: SourceConfiguration
    let context: IngestContext

    func read(into log: inout IngestLog) throws(IngestError) -> ([ArticleEvent], SourceLoad) {
        let grammars = try SourceGrammars(settings: settings, timeZone: context.timeZone)
        let reader = CSVSourceReader(settings: settings, dataDirectory: context.dataDirectory)
        return try reader.read(into: &log) { row -> ArticleEvent? in
            let timestamp = row.requiredInstant("timestamp", grammars)
            let articleID = row.requiredText("article_id")
            let kind = row.required("event") { (bytes) throws(ValueError) in
                let text = String(decoding: bytes, as: UTF8.self)
                guard let kind = ArticleEvent.Kind(rawValue: text.lowercased()) else {
                    throw ValueError("expected view, helpful or not_helpful, got \"\(text.prefix(60))\"")
                }
                return kind
            }
            guard !row.isRejected, let timestamp, let kind else { return nil }
            return ArticleEvent(timestamp: timestamp, accountID: row.text("account_id"), articleID: articleID, kind: kind)
        }
    }
}
