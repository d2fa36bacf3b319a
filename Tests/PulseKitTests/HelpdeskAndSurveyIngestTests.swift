import Foundation
import Testing
@testable import PulseKit
import Tabular

@Suite struct TicketIngestTests {
    private func tickets(_ lines: [String]) throws -> ExtractedData {
        try IngestFixture(["helpdesk/tickets.jsonl": lines.joined(separator: "\n") + "\n"]).extract()
    }

    private let good = #"{"id": "T1", "account_id": "A1", "created_at": "2025-05-14T09:30:00+09:00", "status": "open", "priority": "high"}"#

    @Test func typedTicketWithDefaults() throws {
        let data = try tickets([good])
        let t = try #require(data.tickets.first)
        #expect(t.id == "T1" && t.accountID == "A1" && t.status == .open && t.priority == .high)
        #expect(t.createdAt == Instant(secondsSinceEpoch: 1_747_182_600))
        #expect(t.escalationLevel == 1 && t.reopens == 0 && t.tags.isEmpty && t.solvedAt == nil)
    }

    @Test func solvedWithoutSolvedAtIsQuarantined() throws {
        let data = try tickets([good, #"{"id": "T2", "account_id": "A1", "created_at": "2025-05-14 10:00:00", "status": "solved"}"#])
        #expect(IngestFixture.quarantined(data, .tickets) == ["2 solved_at: status solved without solved_at"])
        expectRowAccounting(data)
    }

    @Test func invalidJSONLineIsQuarantinedAndTheRestLoads() throws {
        let data = try tickets([good, #"{"id": "T2", "account_id": "A1",}"#, #"{"id": 3, "account_id": "A2", "created_at": "2025-05-15T00:00:00Z", "status": "new"}"#])
        let reasons = IngestFixture.quarantined(data, .tickets)
        #expect(reasons.count == 1)
        #expect(reasons[0].hasPrefix("2 : not valid JSON at column"))
        #expect(data.tickets.map(\.id) == ["T1", "3"])
    }

    @Test func unknownStatusIsQuarantinedAndUnknownPriorityIsAWarning() throws {
        let data = try tickets([
            #"{"id": "T1", "account_id": "A1", "created_at": "2025-05-14T09:30:00+09:00", "status": "archived"}"#,
            #"{"id": "T2", "account_id": "A1", "created_at": "2025-05-14T09:30:00+09:00", "status": "open", "priority": "critical", "escalation_level": 7}"#,
        ])
        #expect(IngestFixture.quarantined(data, .tickets) == ["1 status: expected one of new, open, pending, hold, solved, closed, deleted, got \"archived\""])
        #expect(IngestFixture.warnings(data, .tickets) == [
            "2 priority: priority \"critical\" is not one of urgent, high, normal, low; treated as null",
            "2 escalation_level: dropped: expected an integer 1–3; using 1",
            "2 priority: no priority, urgency or impact: priority P3 used",
        ])
        #expect(data.tickets.first?.priority == nil)
    }

    @Test func duplicateIdsKeepTheStrictlyNewerUpdate() throws {
        let data = try tickets([
            #"{"id": 123, "account_id": "A1", "created_at": "2025-05-01T00:00:00Z", "updated_at": "2025-05-02T00:00:00Z", "status": "open"}"#,
            #"{"id": "123", "account_id": "A1", "created_at": "2025-05-01T00:00:00Z", "updated_at": "2025-05-03T00:00:00Z", "status": "solved", "solved_at": "2025-05-03T00:00:00Z"}"#,
            #"{"id": "123", "account_id": "A1", "created_at": "2025-05-01T00:00:00Z", "updated_at": "2025-05-03T00:00:00Z", "status": "pending"}"#,
            #"{"id": "123", "account_id": "A1", "created_at": "2025-05-01T00:00:00Z", "status": "deleted"}"#,
            #"{"id": "9", "account_id": "A1", "created_at": "2025-05-01T00:00:00Z", "status": "open"}"#,
            #"{"id": "9", "account_id": "A1", "created_at": "2025-05-01T00:00:00Z", "updated_at": "2025-05-01T01:00:00Z", "status": "deleted"}"#,
        ])
        #expect(data.tickets.map(\.id) == ["123", "9"])
        #expect(data.tickets[0].status == .solved)        // equal updated_at is not newer; missing is never newer
        #expect(data.tickets[1].status == .deleted)       // present is newer than missing
        let load = try #require(data.load(of: .tickets))
        #expect(load.rowsRead == 6 && load.rowsLoaded == 6 && load.rowsSuperseded == 4 && load.rowsDropped == 1)
    }

    @Test func tagsAreStringsWithEscapesResolved() throws {
        let data = try tickets([
            #"{"id": "T1", "account_id": "A1", "created_at": "2025-05-14T09:30:00+09:00", "status": "open", "tags": ["vip", "say \"hi\"", "\u65e5\u672c", " spaced "]}"#,
            #"{"id": "T2", "account_id": "A1", "created_at": "2025-05-14T09:30:00+09:00", "status": "open", "tags": ["ok", 3]}"#,
            #"{"id": "T3", "account_id": "A1", "created_at": "2025-05-14T09:30:00+09:00", "status": "open", "tags": "vip"}"#,
            #"{"id": "T4", "account_id": "A1", "created_at": "2025-05-14T09:30:00+09:00", "status": "open", "tags": [ ]}"#,
        ])
        #expect(data.tickets.map(\.tags) == [["vip", "say \"hi\"", "日本", " spaced "], [], [], []])
        #expect(IngestFixture.warnings(data, .tickets).filter { !$0.contains("priority P3 used") } == [
            "2 tags: dropped: expected an array of strings",
            "3 tags: dropped: expected an array of strings",
        ])
    }

    @Test func missingPriorityAndEventsBeforeCreationAreWarnings() throws {
        let data = try tickets([
            #"{"id": "T1", "account_id": "A1", "created_at": "2025-05-14T09:30:00+09:00", "status": "open", "urgency": "high"}"#,
            #"{"id": "T2", "account_id": "A1", "created_at": "2025-05-14T09:30:00+09:00", "status": "solved", "priority": "low", "first_response_at": "2025-05-14T09:00:00+09:00", "solved_at": "2025-05-14T09:10:00+09:00"}"#,
            #"{"id": "T3", "account_id": "A1", "created_at": "2025-05-14T09:30:00+09:00", "status": "open", "urgency": "high", "impact": "low"}"#,
        ])
        #expect(IngestFixture.warnings(data, .tickets) == [
            "1 priority: only urgency: priority P3 used",
            "2 first_response_at: first_response_at is earlier than created_at: its duration is left out",
            "2 solved_at: solved_at is earlier than created_at: its duration is left out",
        ])
        #expect(data.tickets.count == 3)
    }

    @Test func jsonArrayPositionsAreElementNumbers() throws {
        let array = "[\n" + good + ",\n" + #"{"id": "T2", "account_id": "A1", "status": "open"}"# + "\n]\n"
        let data = try IngestFixture(["helpdesk/tickets.jsonl": array]).extract()
        #expect(IngestFixture.quarantined(data, .tickets) == ["2 created_at: missing required value for created_at"])
    }

    @Test func realZendeskRecordsFileQuarantinesEveryNonTicketLineWithItsLine() throws {
        // Airbyte's expected_records.jsonl holds stream envelopes, not tickets, and line 35 is
        // broken JSON: every line is accounted for, line 35 with the JSON error.
        let bytes = try Array(Data(contentsOf: SharedDataFile.directory.appendingPathComponent("zendesk/expected_records.jsonl")))
        let data = try IngestFixture(["helpdesk/tickets.jsonl": bytes]).extract()
        let load = try #require(data.load(of: .tickets))
        #expect(load.rowsRead == 71 && load.rowsLoaded == 0 && load.rowsQuarantined == 71)
        let line35 = try #require(data.log.quarantined.first { $0.source == .tickets && $0.line == 35 })
        #expect(line35.reason.hasPrefix("not valid JSON at column"))
        #expect(data.log.quarantined.first { $0.line == 1 }?.reason == "missing required value for id")
    }
}

@Suite struct SurveyIngestTests {
    @Test func outOfRangeScoresAreQuarantined() throws {
        let csat = "response_id,ticket_id,account_id,rating,responded_at\nR1,T1,A1,5,2025-05-14 10:00\nR2,,A1,6,2025-05-14 10:00\nR3,,A1,0,2025-05-14 10:00\n"
        let nps = "response_id,account_id,contact_id,score,responded_at,comment\nN1,A1,C1,10,2025-05-14T10:00:00+09:00,\"Great, really\"\nN2,A1,C2,11,2025-05-14T10:00:00+09:00,\n"
        let ces = "response_id,ticket_id,account_id,score,responded_at\nE1,,A1,7,2025-05-14\nE2,,A1,8,2025-05-14 10:00\n"
        let data = try IngestFixture(["surveys/csat.csv": csat, "surveys/nps.csv": nps, "surveys/ces.csv": ces]).extract()
        #expect(data.csat.map(\.score) == [5])
        #expect(data.csat.first?.respondedAt == Instant(secondsSinceEpoch: 1_747_184_400))   // 10:00 JST
        #expect(IngestFixture.quarantined(data, .csat).count == 2)
        #expect(IngestFixture.quarantined(data, .csat)[0].hasPrefix("3 rating: 6 is outside 1–5"))
        #expect(data.nps.first?.comment == "Great, really")
        #expect(IngestFixture.quarantined(data, .nps).count == 1)
        // A bare date is not a datetime for responded_at; 8 is out of 1–7.
        #expect(IngestFixture.quarantined(data, .ces).count == 2)
        expectRowAccounting(data)
    }

    @Test func milestonesTakeDatesAndDatetimes() throws {
        let milestones = "account_id,milestone,achieved_at\nA1,kickoff,2024-04-03\nA1,first_value,2024-05-20T15:00:00+09:00\nA1,setup_complete,\n"
        let data = try IngestFixture(["product/milestones.csv": milestones]).extract()
        #expect(data.milestones.map(\.achievedAt) == [Instant(secondsSinceEpoch: 1_712_070_000), Instant(secondsSinceEpoch: 1_716_184_800)])
        #expect(IngestFixture.quarantined(data, .milestones) == ["4 achieved_at: missing required value for achieved_at"])
    }

    @Test func articleEventsAndOverrides() throws {
        let events = "timestamp,account_id,article_id,event\n2025-05-01 09:00,,KB1,view\n2025-05-01 09:00,A1,KB1,HELPFUL\n2025-05-01 09:00,A1,KB1,share\n"
        let overrides = """
            account_id,score,band,reason,author,expires_on
            A1,72.5,,Exec sponsor left; recovering,佐藤,2025-12-31
            A2,,red,Billing dispute,Sato,2025-06-30
            A1,120,,Typo,Sato,2025-12-31
            A2,,purple,Typo,Sato,2025-12-31
            A2,,,No value,Sato,2025-12-31

            """
        let data = try IngestFixture(["helpcenter/article_events.csv": events, "overrides/health_overrides.csv": overrides]).extract()
        #expect(data.articleEvents.map(\.kind) == [.view, .helpful])
        #expect(data.articleEvents.first?.accountID == nil)
        #expect(IngestFixture.quarantined(data, .articleEvents) == ["4 event: expected view, helpful or not_helpful, got \"share\""])
        #expect(data.healthOverrides.map(\.band) == [nil, .red])
        #expect(data.healthOverrides.first?.score == Decimal(sign: .plus, exponent: -1, significand: 725))
        #expect(IngestFixture.quarantined(data, .healthOverrides) == [
            "4 score: score 120 is outside 0–100",
            "5 band: expected green, yellow or red, got \"purple\"",
            "6 score: one of score or band is required",
        ])
    }
}

@Suite struct UsageIngestTests {
    @Test func usageEventsAreInternedAndBadRowsQuarantined() throws {
        var usage = "timestamp,account_id,user_id,event,count\n"
        usage += "2025-05-01T09:00:00+09:00,A1,u1,login,1\n"
        usage += "2025-05-01 10:00:00,A1,u2,report.export,3\n"
        usage += "not-a-time,A1,u2,login,1\n"
        usage += "2025-05-02 10:00:00,A2,,login,1\n"
        usage += "2025-05-02 10:00:00,A2,u1,login,x\n"
        usage += "2025-05-03 10:00:00,A9,u9,login,\n"
        let data = try IngestFixture(["product/usage_events.csv": usage]).extract()
        #expect(data.usage.rows == 4)
        #expect(data.usage.events == 6)
        #expect(data.usage.accounts == 3 && data.usage.users == 3 && data.usage.eventNames == 2)
        #expect(data.usageNames.accounts.string(2) == "A9")
        let reasons = IngestFixture.quarantined(data, .usageEvents)
        #expect(reasons.count == 2)
        #expect(reasons[0].hasPrefix("4 timestamp: "))
        #expect(reasons[1] == "5 user_id: missing required value for user_id")
        #expect(IngestFixture.warnings(data, .usageEvents).count == 1)
        #expect(IngestFixture.warnings(data, .usageEvents)[0].hasPrefix("6 count: dropped:"))
        expectRowAccounting(data)
    }

    @Test func anInvalidByteDeepInALargeFileIsAnErrorWithItsOffset() throws {
        var text = "timestamp,account_id,user_id,event\n"
        for i in 0..<2000 { text += "2025-05-01 10:00,A\(i % 7),u\(i),ログイン\n" }
        var bytes = Array(text.utf8)
        let offset = bytes.count - 10
        bytes[offset] = 0xFF
        let fixture = try IngestFixture(["product/usage_events.csv": bytes])
        let context = IngestContext(dataDirectory: fixture.directory, timeZone: TimeZone(identifier: "Asia/Tokyo")!, currency: "JPY", jobs: 2)
        var reader = UsageEventsReader(settings: .default(for: .usageEvents), context: context)
        reader.chunkSize = 4096
        var log = IngestLog(), names = UsageNames()
        do {
            _ = try reader.read(into: &log, names: &names) { _, _ in }
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "product/usage_events.csv")
            #expect(error.message.contains("byte 0xFF is not valid UTF-8 at byte offset \(offset)"), "\(error.message)")
        }
    }

    @Test func chunkedParallelReadEqualsASingleChunk() throws {
        var usage = "account_id,timestamp,user_id,event\n"   // reordered columns, no count
        for i in 0..<5000 {
            usage += (i % 500 == 7 ? "\"A\"\"Q\"" : "A\(i % 37)") + ",2025-05-\(String(format: "%02d", i % 28 + 1))T\(String(format: "%02d", i % 24)):00:00+09:00,u\(i % 101),\(i % 13 == 0 ? "\"report.export\"" : "login")\n"
            if i == 4000 { usage += "A1,bad,u1,login\n" }
        }
        let fixture = try IngestFixture(["product/usage_events.csv": usage])
        let context = IngestContext(dataDirectory: fixture.directory, timeZone: TimeZone(identifier: "Asia/Tokyo")!, currency: "JPY", jobs: 2)
        func read(chunkSize: Int) throws -> ([UsageEventBatch], IngestLog, SourceLoad) {
            var log = IngestLog(), names = UsageNames(), batches: [UsageEventBatch] = []
            var reader = UsageEventsReader(settings: SourceConfiguration.default(for: .usageEvents), context: context)
            reader.chunkSize = chunkSize
            let load = try reader.read(into: &log, names: &names) { batch, _ in batches.append(batch) }
            return (batches, log, load)
        }
        let (whole, wholeLog, wholeLoad) = try read(chunkSize: 8 << 20)
        let (parts, partsLog, partsLoad) = try read(chunkSize: 1000)
        #expect(parts.count > 10)
        #expect(whole.flatMap(\.timestamps) == parts.flatMap(\.timestamps))
        #expect(whole.flatMap(\.accounts) == parts.flatMap(\.accounts))
        #expect(whole.flatMap(\.users) == parts.flatMap(\.users))
        #expect(whole.flatMap(\.events) == parts.flatMap(\.events))
        #expect(wholeLog.quarantined == partsLog.quarantined)
        #expect(partsLog.quarantined.map(\.line) == [4003])
        // An account written with doubled quotes is unescaped, and never mistaken for another.
        let quoted = whole.flatMap(\.accounts).enumerated().filter { $0.offset % 500 == 7 }.map(\.element)
        #expect(Set(quoted).count == 1)
        #expect(whole.flatMap(\.accounts).filter { $0 == quoted[0] }.count == 10)
        #expect(wholeLoad.rowsRead == 5001 && partsLoad.rowsRead == 5001 && partsLoad.rowsLoaded == 5000)
    }
}

@Suite struct TicketParallelReadTests {
    /// Reading a large JSON Lines file in parallel runs gives the same tickets, quarantine
    /// entries and line numbers as reading it in one piece.
    @Test func parallelRunsEqualOnePiece() throws {
        var lines: [String] = []
        for i in 0..<6000 {
            if i % 997 == 0 { lines.append(#"{"id": "broken", "#); continue }
            let status = i % 13 == 0 ? "closed" : "open"
            lines.append(#"{"id": "T\#(i % 5000)", "account_id": "A\#(i % 40)", "created_at": "2025-05-14T09:30:00+09:00", "updated_at": "2025-05-\#(10 + i % 9)T00:00:00Z", "status": "\#(status)", "priority": "high", "category": "how_to", "channel": "email", "tags": ["a", "b"], "note": "padding padding padding padding padding padding padding padding padding padding padding padding padding padding"}"#)
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > 1 << 20)
        let fixture = try IngestFixture(["helpdesk/tickets.jsonl": text])
        let serial = try fixture.extract(jobs: 1)
        let parallel = try fixture.extract(jobs: 2)
        #expect(serial.tickets == parallel.tickets)
        #expect(serial.log.quarantined == parallel.log.quarantined)
        #expect(serial.load(of: .tickets) == parallel.load(of: .tickets))
        #expect(serial.log.quarantined.filter { $0.reason.hasPrefix("not valid JSON") }.map(\.line) == [1, 998, 1995, 2992, 3989, 4986, 5983])
        #expect(serial.log.quarantined.filter { $0.reason == "status closed without solved_at" }.count == (0..<6000).filter { $0 % 13 == 0 && $0 % 997 != 0 }.count)
    }
}
