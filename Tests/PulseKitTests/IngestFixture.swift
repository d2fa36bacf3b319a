import Foundation
import Testing
@testable import PulseKit
import Tabular

/// A temporary data folder built from file contents, read through the extract stage.
struct IngestFixture {
    let directory: URL

    /// The smallest valid CRM: two accounts and one subscription.
    static let accounts = """
        account_id,name,plan,industry,region,csm,signup_date,seats,parent_account_id,renewal_date
        A1,株式会社みらい,enterprise,SaaS,東京都,山田 花子,2024-04-01,50,,2025-04-01
        A2,"Yamada Shoji, Inc.",starter,Retail,大阪府,,2024-06-15,10,A1,

        """
    static let subscriptions = """
        subscription_id,account_id,plan,start_date,end_date,billing_period,amount,currency,canceled_at
        S1,A1,enterprise,2024-04-01,,annual,"¥12,000,000",,
        S2,A2,starter,2024-06-15,2025-06-15,monthly,30000,JPY,

        """

    init(_ files: [String: Any]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-ingest-\(UUID().uuidString)")
        var all: [String: Any] = ["crm/accounts.csv": Self.accounts, "crm/subscriptions.csv": Self.subscriptions]
        for (path, content) in files { all[path] = content }
        for (path, content) in all {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch content {
            case let text as String: try Data(text.utf8).write(to: url)
            case let bytes as [UInt8]: try Data(bytes).write(to: url)
            default: break
            }
        }
    }

    func extract(_ settings: [SourceConfiguration] = [], jobs: Int = 2) throws -> ExtractedData {
        let context = IngestContext(dataDirectory: directory, timeZone: TimeZone(identifier: "Asia/Tokyo")!, currency: "JPY", jobs: jobs)
        var map: [CanonicalSource: SourceConfiguration] = [:]
        for s in settings { map[s.source] = s }
        return try Extractor(context: context, settings: map).run()
    }

    /// The reasons quarantined for `source`, as "line column: reason".
    static func quarantined(_ data: ExtractedData, _ source: CanonicalSource) -> [String] {
        data.log.quarantined.filter { $0.source == source }.map { "\($0.line) \($0.column): \($0.reason)" }
    }

    static func warnings(_ data: ExtractedData, _ source: CanonicalSource) -> [String] {
        data.log.warnings.filter { $0.source == source }.map { "\($0.line) \($0.column): \($0.reason)" }
    }
}

/// `rowsRead == rowsLoaded + rowsQuarantined` for every source.
func expectRowAccounting(_ data: ExtractedData, sourceLocation: SourceLocation = #_sourceLocation) {
    for load in data.loads {
        #expect(load.rowsRead == load.rowsLoaded + load.rowsQuarantined, "\(load.source)", sourceLocation: sourceLocation)
        let quarantined = data.log.quarantined.filter { $0.source == load.source }.count
        #expect(quarantined == load.rowsQuarantined, "\(load.source)", sourceLocation: sourceLocation)
    }
}
