import Foundation
import Testing
@testable import PulseKit
import Tabular

/// The pieces of a run: period defaults, the lock, the publisher and the report files.
@Suite struct RunPartsTests {
    let tokyo = TimeZone(identifier: "Asia/Tokyo")!

    @Test func thePeriodDefaultsToTheLastCompleteMonthInThePipelinesTimeZone() throws {
        // 2026-11-30T16:00Z is already 2026-12-01 01:00 in Tokyo: November is complete there.
        let late = Date(timeIntervalSince1970: 1_796_054_400)
        let period = try ReportingPeriod.resolve(period: nil, asOf: nil, timeZone: tokyo, now: late)
        #expect(period.month.description == "2026-11")
        #expect(period.asOfText == "2026-12-01T00:00:00+09:00")
        #expect(period.asOfDate == LocalDate(year: 2026, month: 12, day: 1))
        #expect(period.start.description == "2026-10-31T15:00:00Z")
        // The same instant in UTC is still November: the last complete month is October.
        let utc = try ReportingPeriod.resolve(period: nil, asOf: nil, timeZone: TimeZone(identifier: "UTC")!, now: late)
        #expect(utc.month.description == "2026-10")
        #expect(utc.asOfText == "2026-11-01T00:00:00+00:00")
    }

    @Test func asOfIsReadInThePipelinesTimeZone() throws {
        let period = try ReportingPeriod.resolve(period: "2026-05", asOf: "2026-05-20 12:00", timeZone: tokyo, now: Date())
        #expect(period.asOf.description == "2026-05-20T03:00:00Z")
        #expect(period.asOfText == "2026-05-20T12:00:00+09:00")
        let dateOnly = try ReportingPeriod.resolve(period: "2026-05", asOf: "2026-06-01", timeZone: tokyo, now: Date())
        #expect(dateOnly.asOf == dateOnly.end)
        #expect(throws: PeriodError.self) { try ReportingPeriod.resolve(period: "2026-5", asOf: nil, timeZone: tokyo, now: Date()) }
        #expect(throws: PeriodError.self) { try ReportingPeriod.resolve(period: "2026-05", asOf: "2026-04-30", timeZone: tokyo, now: Date()) }
    }

    @Test func aSecondLockOnTheSameWarehouseNamesTheHolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let warehouse = folder.appendingPathComponent("warehouse.sqlite")
        let first = try RunLock(warehouse: warehouse, startedAt: "2026-11-02T03:00:00Z")
        do {
            _ = try RunLock(warehouse: warehouse, startedAt: "2026-11-02T03:05:00Z")
            Issue.record("the second lock was granted")
        } catch {
            #expect(error.exitCode == 4)
            #expect(error.description.contains("pid \(getpid()), started 2026-11-02T03:00:00Z"), "\(error)")
        }
        first.release()
        let again = try RunLock(warehouse: warehouse, startedAt: "2026-11-02T03:10:00Z")
        again.release()
    }

    @Test func publishingSwapsTheWholeSetAndLeavesNoStagingFolder() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-pub-\(UUID().uuidString)")
        let month = out.appendingPathComponent("2026-10")
        let first = try ReportPublisher(destination: month)
        try first.write("a.csv", Array("old a\n".utf8))
        try first.write("qbr/A1.html", Array("old qbr\n".utf8))
        try first.publish()
        let second = try ReportPublisher(destination: month)
        try second.write("a.csv", Array("new a\n".utf8))
        // Until the swap, the published set is the old one.
        #expect(try String(contentsOf: month.appendingPathComponent("a.csv"), encoding: .utf8) == "old a\n")
        try second.publish()
        #expect(try String(contentsOf: month.appendingPathComponent("a.csv"), encoding: .utf8) == "new a\n")
        #expect(!FileManager.default.fileExists(atPath: month.appendingPathComponent("qbr").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["2026-10"])
        let mode = try FileManager.default.attributesOfItem(atPath: month.appendingPathComponent("a.csv").path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func customerTextIsEscapedInTheDataQualityPageAndGuardedInCSV() throws {
        let issue = DataIssue(source: .accounts, file: "crm/accounts.csv", line: 7, column: "name",
                              reason: "duplicate account_id \"A1\"", raw: "=HYPERLINK(\"x\"),<script>alert(1)</script>")
        let page = String(decoding: DataQualityPage(pipeline: "p<1>", period: "2026-10", asOf: "2026-11-01T00:00:00+09:00",
                                                    inputs: [], missingSources: [.nps], maxQuarantinedShare: 0.05,
                                                    quarantined: [issue], warnings: []).render(), as: UTF8.self)
        #expect(!page.contains("<script>"))
        #expect(page.contains("=HYPERLINK(&quot;x&quot;),&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("p&lt;1&gt;"))
        #expect(page.contains("<li>nps"))
        #expect(!page.contains("http"))
        let csv = String(decoding: IssueFiles.csv([issue]), as: UTF8.self)
        #expect(csv == "source,file,line,column,reason,raw\naccounts,crm/accounts.csv,7,name,\"duplicate account_id \"\"A1\"\"\",\"'=HYPERLINK(\"\"x\"\"),<script>alert(1)</script>\"\n")
    }

    @Test func kpiFilesWriteUndefinedAsEmptyAndNull() throws {
        var table = KPITable()
        table.figures = [.init(scope: "company", metric: "nrr", value: .number(1.0213)), .init(scope: "company", metric: "grr", value: nil),
                         .init(scope: "tier.high_touch", metric: "nrr", value: .ratio(Ratio(49, 50)))]
        #expect(String(decoding: KPIFiles.csv(table, period: "2026-10"), as: UTF8.self)
                == "period,scope,metric,value\n2026-10,company,nrr,1.0213\n2026-10,company,grr,\n2026-10,tier.high_touch,nrr,0.98\n")
        #expect(String(decoding: KPIFiles.json(table, period: "2026-10", asOf: "2026-11-01T00:00:00+09:00", currency: "JPY"), as: UTF8.self) == """
            {
              "period": "2026-10",
              "as_of": "2026-11-01T00:00:00+09:00",
              "currency": "JPY",
              "scopes": {
                "company": {
                  "nrr": 1.0213,
                  "grr": null
                },
                "tier.high_touch": {
                  "nrr": 0.98
                }
              }
            }

            """)
    }
}
