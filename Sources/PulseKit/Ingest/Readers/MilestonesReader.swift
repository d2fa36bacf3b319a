import Foundation
import Tabular

/// Reads `product/milestones.csv`; `achieved_at` is a date (local midnight) or a datetime.
struct MilestonesReader {
    let settings: SourceConfiguration
    let context: IngestContext

    func read(into log: inout IngestLog) throws(IngestError) -> ([Milestone], SourceLoad) {
        let grammars = try SourceGrammars(settings: settings, timeZone: context.timeZone)
        let reader = CSVSourceReader(settings: settings, dataDirectory: context.dataDirectory)
        return try reader.read(into: &log) { row -> Milestone? in
            let accountID = row.requiredText("account_id")
            let name = row.requiredText("milestone")
            let achievedAt = row.requiredInstant("achieved_at", grammars, allowDateOnly: true)
            guard !row.isRejected, let achievedAt else { return nil }
            return Milestone(accountID: accountID, name: name, achievedAt: achievedAt)
        }
    }
}
