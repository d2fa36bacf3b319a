import Foundation
import Testing
@testable import PulseKit
import Tabular

@Suite struct CRMIngestTests {
    @Test func validCRMLoadsWithTypedValues() throws {
        let data = try IngestFixture([:]).extract()
        #expect(data.accounts.count == 2)
        let a2 = try #require(data.accounts.first { $0.id == "A2" })
        #expect(a2.name == "Yamada Shoji, Inc.")
        #expect(a2.signupDate == LocalDate(year: 2024, month: 6, day: 15))
        #expect(a2.seats == 10 && a2.parentAccountID == "A1" && a2.renewalDate == nil && a2.csm == nil)
        let s1 = try #require(data.subscriptions.first { $0.id == "S1" })
        #expect(s1.amount.decimal == Decimal(12_000_000))
        #expect(s1.billingMonths == 12 && s1.currency == "JPY" && s1.endDate == nil)
        #expect(data.log.quarantined.isEmpty && data.log.warnings.isEmpty)
        #expect(data.load(of: .csat)?.isMissing == true)
        expectRowAccounting(data)
    }

    @Test func missingRequiredValueIsQuarantinedWithLineAndColumn() throws {
        let accounts = IngestFixture.accounts + "A3,,starter,,,,2024-01-01,,,\n"
        let data = try IngestFixture(["crm/accounts.csv": accounts]).extract()
        #expect(IngestFixture.quarantined(data, .accounts) == ["4 name: missing required value for name"])
        #expect(data.log.quarantined.first?.raw == "A3,,starter,,,,2024-01-01,,,")
        #expect(data.log.quarantined.first?.file == "crm/accounts.csv")
        expectRowAccounting(data)
    }

    @Test func duplicateAccountIDQuarantinesTheLaterRow() throws {
        let accounts = IngestFixture.accounts + "A1,Other,starter,,,,2024-01-01,,,\n"
        let data = try IngestFixture(["crm/accounts.csv": accounts]).extract()
        #expect(IngestFixture.quarantined(data, .accounts) == ["4 account_id: duplicate account_id \"A1\" (an earlier row has it)"])
        #expect(data.accounts.first { $0.id == "A1" }?.name == "株式会社みらい")
    }

    @Test func unparsableRequiredDateIsQuarantined() throws {
        let accounts = IngestFixture.accounts + "A3,X,starter,,,,2025-02-30,,,\n"
        let data = try IngestFixture(["crm/accounts.csv": accounts]).extract()
        let reasons = IngestFixture.quarantined(data, .accounts)
        #expect(reasons.count == 1)
        #expect(reasons[0].hasPrefix("4 signup_date: "))
        #expect(reasons[0].contains("2025-02-30"))
    }

    @Test func unparsableOptionalValueIsDroppedWithAWarning() throws {
        let accounts = IngestFixture.accounts + "A3,X,starter,,,,2024-01-01,-5,,someday\n"
        let data = try IngestFixture(["crm/accounts.csv": accounts]).extract()
        #expect(data.accounts.count == 3)
        let a3 = try #require(data.accounts.first { $0.id == "A3" })
        #expect(a3.seats == nil && a3.renewalDate == nil)
        let warnings = IngestFixture.warnings(data, .accounts)
        #expect(warnings.count == 2)
        #expect(warnings[0].hasPrefix("4 seats: dropped:"))
        #expect(warnings[1].hasPrefix("4 renewal_date: dropped:"))
        #expect(data.load(of: .accounts)?.rowsWithWarnings == 1)
    }

    @Test func raggedRowIsQuarantined() throws {
        let accounts = IngestFixture.accounts + "A3,X,starter\nA4,Y,starter,,,,2024-01-01,,,,extra\n"
        let data = try IngestFixture(["crm/accounts.csv": accounts]).extract()
        #expect(IngestFixture.quarantined(data, .accounts) == [
            "4 industry: row has 3 fields, the header has 10",
            "5 #11: row has 11 fields, the header has 10",
        ])
    }

    @Test func subscriptionRules() throws {
        let subscriptions = IngestFixture.subscriptions + """
            S3,A9,starter,2024-01-01,,monthly,1000,,
            S4,A1,starter,2024-05-01,2024-05-01,monthly,1000,,
            S5,A1,starter,2024-05-01,,monthly,-1000,,
            S6,A1,starter,2024-05-01,,fortnightly,1000,,
            S1,A1,starter,2024-05-01,,monthly,1000,,
            S7,A1,starter,2024-05-01,,monthly,1000,USD,
            S8,A1,starter,2024-05-01,,quarterly,"$1,200.50",EUR,
            S9,A1,starter,2024-05-01,,monthly,1000,US$,

            """
        let fx = "month,currency,rate\n2024-04,EUR,160.5\n"
        let data = try IngestFixture(["crm/subscriptions.csv": subscriptions, "crm/fx_rates.csv": fx]).extract()
        let reasons = IngestFixture.quarantined(data, .subscriptions)
        #expect(reasons.count == 7)
        #expect(reasons[0] == "4 account_id: unknown account_id \"A9\" (not in accounts)")
        #expect(reasons[1] == "5 end_date: end_date 2024-05-01 is not after start_date 2024-05-01")
        #expect(reasons[2].hasPrefix("6 amount: negative value"))
        #expect(reasons[3].hasPrefix("7 billing_period: expected monthly, quarterly"))
        #expect(reasons[4] == "8 subscription_id: duplicate subscription_id \"S1\" (an earlier row has it)")
        #expect(reasons[5] == "9 currency: no exchange rate for USD in 2024-05 or any earlier month")
        #expect(reasons[6].hasPrefix("11 currency: expected a 3-letter ISO 4217 currency code"))
        let s8 = try #require(data.subscriptions.first { $0.id == "S8" })
        #expect(s8.amount.decimal == Decimal(sign: .plus, exponent: -1, significand: 12005))
        #expect(s8.billingMonths == 3 && s8.currency == "EUR")
        expectRowAccounting(data)
    }

    @Test func repeatedFxRateKeepsTheLaterRowWithAWarning() throws {
        let fx = "month,currency,rate\n2024-04,USD,150\n2024-05,USD,151\n2024-04,USD,152.25\n"
        let data = try IngestFixture(["crm/fx_rates.csv": fx]).extract()
        #expect(data.fxRates.map(\.rate.decimal) == [Decimal(151), Decimal(sign: .plus, exponent: -2, significand: 15225)])
        #expect(IngestFixture.warnings(data, .fxRates) == ["2 rate: fx rate for 2024-04 USD replaced by a later row (line 4)"])
    }

    @Test func japaneseHeadersInCP932ThroughAColumnMapping() throws {
        // 取引先ID,取引先名,プラン,契約開始日 / A1,株式会社みらい,enterprise,2024年4月1日 — encoded in CP932.
        let text = "取引先ID,取引先名,プラン,契約開始日\r\nA1,株式会社みらい,enterprise,2024年4月1日\r\nA2,\"ヤマダ商事, 株式会社\",starter,令和6年6月15日\r\n"
        let path = try SharedDataFile.encodeCP932(text)
        let data = try IngestFixture(["crm/accounts.csv": path]).extract([
            SourceConfiguration(source: .accounts, path: "crm/accounts.csv",
                               columns: ["account_id": "取引先ID", "name": "取引先名", "plan": "プラン", "signup_date": "契約開始日"]),
        ])
        #expect(data.load(of: .accounts)?.encodingDescription == "cp932")
        #expect(data.accounts.map(\.name) == ["株式会社みらい", "ヤマダ商事, 株式会社"])
        #expect(data.accounts.map(\.signupDate) == [LocalDate(year: 2024, month: 4, day: 1)!, LocalDate(year: 2024, month: 6, day: 15)!])
        #expect(data.subscriptions.count == 2)
    }

    @Test func missingRequiredColumnIsAFileError() throws {
        let fixture = try IngestFixture(["crm/accounts.csv": "account_id,name,signup_date\nA1,X,2024-01-01\n"])
        #expect(throws: IngestError.self) { _ = try fixture.extract() }
        do { _ = try fixture.extract() } catch let error as IngestError {
            #expect(error.file == "crm/accounts.csv" && error.line == 1)
            #expect(error.message.hasPrefix("missing required column \"plan\""))
        }
    }

    @Test func duplicateHeadersAreAFileError() throws {
        let fixture = try IngestFixture(["crm/accounts.csv": "account_id,name,plan,name,signup_date\n"])
        do {
            _ = try fixture.extract()
            Issue.record("expected an error")
        } catch let error as IngestError {
            #expect(error.description == "crm/accounts.csv:1:4: duplicate header \"name\" in columns 2 and 4 [accounts]")
        }
    }

    @Test func unterminatedQuoteAtEndOfFileIsATruncatedExport() throws {
        let fixture = try IngestFixture(["crm/accounts.csv": IngestFixture.accounts + "A3,\"Trunc"])
        do {
            _ = try fixture.extract()
            Issue.record("expected an error")
        } catch let error as IngestError {
            #expect(error.line == 4)
            #expect(error.message.contains("truncated"))
        }
    }

    @Test func missingRequiredSourceIsAnError() throws {
        let fixture = try IngestFixture([:])
        try FileManager.default.removeItem(at: fixture.directory.appendingPathComponent("crm/subscriptions.csv"))
        do {
            _ = try fixture.extract()
            Issue.record("expected an error")
        } catch let error as IngestError {
            #expect(error.source == .subscriptions)
            #expect(PulseError.ingest(error).exitCode == 2)
        }
    }

    @Test func ravenStackAccountsAndSubscriptionsThroughAMapping() throws {
        let folder = SharedDataFile.directory.appendingPathComponent("ravenstack")
        let context = IngestContext(dataDirectory: folder, timeZone: TimeZone(identifier: "Asia/Tokyo")!, currency: "USD", jobs: 2)
        let settings: [CanonicalSource: SourceConfiguration] = [
            .accounts: SourceConfiguration(source: .accounts, path: "ravenstack_accounts.csv",
                                          columns: ["name": "account_name", "plan": "plan_tier", "region": "country"]),
            .subscriptions: SourceConfiguration(source: .subscriptions, path: "ravenstack_subscriptions.csv",
                                               columns: ["plan": "plan_tier", "amount": "mrr_amount", "billing_period": "billing_frequency"]),
            .tickets: SourceConfiguration(source: .tickets, path: "none.jsonl"),
            .usageEvents: SourceConfiguration(source: .usageEvents, path: "none.csv"),
        ]
        let data = try Extractor(context: context, settings: settings).run()
        #expect(data.load(of: .accounts)?.rowsRead == 500)
        #expect(data.accounts.count == 500)
        #expect(data.accounts[0].id == "A-2e4581" && data.accounts[0].plan == "Basic" && data.accounts[0].seats == 9)
        #expect(data.load(of: .subscriptions)?.rowsRead == 5000)
        let first = try #require(data.subscriptions.first)
        #expect(first.id == "S-8cec59" && first.amount.decimal == Decimal(2786) && first.endDate == LocalDate(year: 2024, month: 4, day: 12))
        #expect(data.subscriptions.filter { $0.endDate == nil }.count == 4514)
        expectRowAccounting(data)
    }
}

/// Real shared data and encoded fixture files for PulseKit tests.
enum SharedDataFile {
    static var directory: URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let beside = root.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: beside.path) ? beside : URL(fileURLWithPath: "/work/shared/data")
    }

    /// `text` encoded as CP932 (through iconv, the opposite direction of what Pulse reads).
    static func encodeCP932(_ text: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "CP932"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(bytes)
    }
}
