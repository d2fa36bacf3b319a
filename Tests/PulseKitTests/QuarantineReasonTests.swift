import Foundation
import Testing
@testable import PulseKit
import Tabular

/// One fixture per quarantine reason not pinned elsewhere, each with its exact line and column.
@Suite struct QuarantineReasonTests {
    @Test func fxRatesNeedAMonthAndAPositiveRate() throws {
        let fx = "month,currency,rate\n2024-13,USD,150\n2024-04,USD,0\n2024-04,USD,-3\n2024-04,US,150\n2024-04,USD,150\n"
        let data = try IngestFixture(["crm/fx_rates.csv": fx]).extract()
        let reasons = IngestFixture.quarantined(data, .fxRates)
        #expect(reasons.count == 4)
        #expect(reasons[0] == "2 month: expected YYYY-MM, got \"2024-13\"")
        #expect(reasons[1] == "3 rate: rate must be greater than 0")
        #expect(reasons[2].hasPrefix("4 rate: negative value"))
        #expect(reasons[3].hasPrefix("5 currency: expected a 3-letter ISO 4217 currency code"))
        #expect(data.fxRates.count == 1)
        expectRowAccounting(data)
    }

    @Test func textAfterAClosingQuoteQuarantinesTheRow() throws {
        let accounts = IngestFixture.accounts + "A3,\"Name\"junk,starter,,,,2024-01-01,,,\n"
        let data = try IngestFixture(["crm/accounts.csv": accounts]).extract()
        #expect(IngestFixture.quarantined(data, .accounts) == ["4 name: unexpected text after the closing quote of field 2"])
    }

    @Test func aBadRequiredDatetimeInATicketIsQuarantined() throws {
        let line = #"{"id": "T1", "account_id": "A1", "created_at": "yesterday", "status": "open"}"#
        let data = try IngestFixture(["helpdesk/tickets.jsonl": line + "\n"]).extract()
        let reasons = IngestFixture.quarantined(data, .tickets)
        #expect(reasons.count == 1)
        #expect(reasons[0].hasPrefix("1 created_at: "))
        #expect(reasons[0].contains("yesterday"))
    }

    @Test func aDuplicateKeyInATicketQuarantinesIt() throws {
        let line = #"{"id": "T1", "id": "T2", "account_id": "A1", "created_at": "2025-05-14T09:30:00Z", "status": "open"}"#
        let data = try IngestFixture(["helpdesk/tickets.jsonl": line + "\n"]).extract()
        let reasons = IngestFixture.quarantined(data, .tickets)
        #expect(reasons.count == 1)
        #expect(reasons[0].contains("duplicate key \"id\""))
    }

    @Test func aTicketThatIsNotAnObjectOrHasAFractionalIdIsQuarantined() throws {
        let lines = [
            #""T1""#,
            #"{"id": 12.5, "account_id": "A1", "created_at": "2025-05-14T09:30:00Z", "status": "open"}"#,
            #"{"id": 12.0, "account_id": 7, "created_at": "2025-05-14T09:30:00Z", "status": "open"}"#,
        ]
        let data = try IngestFixture(["helpdesk/tickets.jsonl": lines.joined(separator: "\n") + "\n"]).extract()
        #expect(IngestFixture.quarantined(data, .tickets) == [
            "1 : expected a JSON object for a ticket",
            "2 id: expected a string or an integer id, got 12.5",
        ])
        #expect(data.tickets.map(\.id) == ["12"])
        #expect(data.tickets.map(\.accountID) == ["7"])
    }

    @Test func aUsageRowWithoutAnEventIsQuarantined() throws {
        let usage = "timestamp,account_id,user_id,event\n2025-05-01 10:00,A1,u1,\n2025-05-01 10:00,A1,u1,login\n"
        let data = try IngestFixture(["product/usage_events.csv": usage]).extract()
        #expect(IngestFixture.quarantined(data, .usageEvents) == ["2 event: missing required value for event"])
        #expect(data.usage.rows == 1)
    }

    @Test func epochSecondsWhereThePipelineSaysSo() throws {
        let usage = "timestamp,account_id,user_id,event\n1747182600,A1,u1,login\n2025-05-14,A1,u1,login\n"
        let fixture = try IngestFixture(["product/usage_events.csv": usage])
        var settings = SourceConfiguration.default(for: .usageEvents)
        settings.epochSecondsColumns = ["timestamp"]
        let data = try fixture.extract([settings])
        #expect(data.usage.earliest == Instant(secondsSinceEpoch: 1_747_182_600))
        #expect(IngestFixture.quarantined(data, .usageEvents).count == 1)
    }

    @Test func aFileThatIsNeitherUTF8NorCP932IsAnErrorNamingTheOffset() throws {
        let bytes = Array("account_id,name,plan,signup_date\nA1,".utf8) + [0xFF, 0xFE, 0xFD] + Array(",starter,2024-01-01\n".utf8)
        let fixture = try IngestFixture(["crm/accounts.csv": bytes])
        do {
            _ = try fixture.extract()
            Issue.record("expected an error")
        } catch let error as IngestError {
            #expect(error.file == "crm/accounts.csv")
            #expect(error.message.contains("byte 0xFF at byte offset 36"), "\(error.message)")
        }
    }
}
