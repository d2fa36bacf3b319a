import Foundation
import Tabular

/// Reads `overrides/health_overrides.csv`: one of score (0–100) or band is required; a score
/// outside 0–100 or an unknown band quarantines the row.
struct HealthOverridesReader {
    let settings: SourceConfiguration
    let context: IngestContext

    func read(into log: inout IngestLog) throws(IngestError) -> ([HealthOverride], SourceLoad) {
        let grammars = try SourceGrammars(settings: settings, timeZone: context.timeZone)
        let reader = CSVSourceReader(settings: settings, dataDirectory: context.dataDirectory)
        return try reader.read(into: &log) { row -> HealthOverride? in
            let accountID = row.requiredText("account_id")
            let reason = row.requiredText("reason")
            let author = row.requiredText("author")
            let expires = row.requiredDate("expires_on", grammars)
            var score: Decimal?
            if row.text("score") != nil {
                score = row.required("score") { (bytes) throws(ValueError) in
                    let value = try DecimalGrammar.parse(bytes)
                    guard value >= 0 && value <= 100 else { throw ValueError("score \(value) is outside 0–100") }
                    return value
                }
            }
            var band: HealthBand?
            if let text = row.text("band") {
                if let known = HealthBand(rawValue: text.lowercased()), known != .unknown { band = known } else {
                    row.reject("band", "expected green, yellow or red, got \"\(text.prefix(60))\"")
                }
            }
            guard !row.isRejected, let expires else { return nil }
            guard score != nil || band != nil else {
                row.reject("score", "one of score or band is required")
                return nil
            }
            return HealthOverride(accountID: accountID, score: score, band: band, reason: reason, author: author,
                                  expiresOn: expires, line: row.line)
        }
    }
}
