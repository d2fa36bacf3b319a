import Foundation
import Testing
@testable import PulseKit
import PulseSample

/// Reads a generated sample back with simple means and checks what it must contain.
@Suite struct SampleGeneratorTests {
    // MARK: - Determinism and shape

    @Test func sameSeedGivesSameBytesAndAnotherSeedDoesNot() throws {
        let settings = SampleSettings(accounts: 40, months: 12, seed: 7)
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        let other = try TemporaryFolder()
        defer { first.remove(); second.remove(); other.remove() }
        let summary = try SampleGenerator(settings: settings).write(to: first.url)
        _ = try SampleGenerator(settings: settings).write(to: second.url)
        var changed = settings
        changed.seed = 8
        _ = try SampleGenerator(settings: changed).write(to: other.url)

        var differing = 0
        for file in summary.files {
            let a = try Data(contentsOf: first.url.appendingPathComponent(file.path))
            let b = try Data(contentsOf: second.url.appendingPathComponent(file.path))
            let c = try Data(contentsOf: other.url.appendingPathComponent(file.path))
            #expect(a == b, "\(file.path) differs between two runs with the same seed")
            if a != c { differing += 1 }
        }
        #expect(differing >= 8, "another seed should change most files")
    }

    @Test func everyFileIsPresentWithItsCanonicalHeader() throws {
        let sample = try Self.fixture.get()
        #expect(sample.summary.files.map(\.path) == CanonicalSource.allCases.map(\.defaultPath))
        for source in CanonicalSource.allCases {
            let data = try #require(sample.raw[source.defaultPath])
            let bytes = [UInt8](data)
            let entry = try #require(sample.summary.files.first { $0.path == source.defaultPath })
            #expect(entry.bytes == bytes.count, "\(source.defaultPath) size")
            #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(source.defaultPath) has a BOM")
            #expect(bytes.last == 0x0A, "\(source.defaultPath) does not end with LF")
            #expect(String(data: data, encoding: .utf8) != nil, "\(source.defaultPath) is not UTF-8")
            if source.isJSON {
                let lines = sample.tickets
                #expect(entry.rows == lines.count)
                let text = String(decoding: bytes, as: UTF8.self)
                let firstLine = try #require(text.split(separator: "\n").first { $0.contains("\"tags\":") }.map(String.init))
                var position = firstLine.startIndex
                for column in source.columns {
                    let range = try #require(firstLine.range(of: "\"\(column)\":", range: position..<firstLine.endIndex),
                                             "field \(column) missing or out of order")
                    position = range.upperBound
                }
            } else {
                let table = try #require(sample.tables[source.defaultPath])
                #expect(table.header == source.columns, "\(source.defaultPath) header")
                #expect(entry.rows == table.rows.count, "\(source.defaultPath) rows")
                #expect(table.rows.allSatisfy { $0.count == source.columns.count }, "\(source.defaultPath) ragged")
                #expect(entry.rows > 0, "\(source.defaultPath) is empty")
            }
        }
    }

    @Test func invalidSettingsThrowInsteadOfCrashing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for settings in [SampleSettings(accounts: 0), SampleSettings(months: 0), SampleSettings(endMonth: (2026, 13)),
                         SampleSettings(accounts: -5, months: -1)] {
            #expect(throws: SampleError.self) { try SampleGenerator(settings: settings).write(to: folder.url) }
        }
    }

    @Test func tinySamplesStillWork() throws {
        for (accounts, months) in [(1, 1), (3, 2), (7, 5)] {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let summary = try SampleGenerator(settings: SampleSettings(accounts: accounts, months: months))
                .write(to: folder.url)
            #expect(summary.files.count == CanonicalSource.allCases.count)
            #expect(summary.files.first?.rows == accounts)
        }
    }

    @Test func defaultSampleStaysSmall() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let summary = try SampleGenerator(settings: SampleSettings()).write(to: folder.url)
        #expect(summary.totalBytes < 8_000_000)
        let usage = try #require(summary.files.first { $0.path == CanonicalSource.usageEvents.defaultPath })
        #expect(usage.bytes < 4_500_000)
        #expect(usage.rows > 50_000)
    }

    // MARK: - CRM

    @Test func companyNamesCarryCommasQuotesAndJapanese() throws {
        let accounts = try Self.fixture.get().table(.accounts)
        let names = accounts.column("name")
        #expect(names.contains { $0.contains(",") })
        #expect(names.contains { $0.contains("\"") })
        #expect(names.contains { $0.hasPrefix("@") })
        #expect(names.contains { $0.hasPrefix("株式会社") })
        #expect(names.contains { $0.hasSuffix("株式会社") })
        #expect(names.contains { $0.hasPrefix("合同会社") })
        #expect(Set(accounts.column("plan")) == ["enterprise", "professional", "starter", "free"])
        #expect(accounts.column("parent_account_id").contains { !$0.isEmpty })
        #expect(accounts.column("seats").contains { $0.isEmpty })
        #expect(Set(accounts.column("account_id")).count == accounts.rows.count)
    }

    @Test func subscriptionsCoverEveryMovementAndBillingPeriod() throws {
        let sample = try Self.fixture.get()
        let subscriptions = sample.subscriptions
        let periods = Set(subscriptions.map(\.billing))
        for period in ["monthly", "quarterly", "annual", "biennial", "6"] {
            #expect(periods.contains(period), "no \(period) subscription")
        }
        #expect(subscriptions.contains { $0.amount == 0 }, "no amount-0 subscription")
        #expect(subscriptions.contains { $0.currency == "USD" && $0.amountText.contains(".") })
        #expect(subscriptions.contains { $0.mrr >= 1_000_000 }, "no enterprise above ¥12M ARR")

        let byAccount = Dictionary(grouping: subscriptions, by: \.account)
        let lastDay = "2026-10-31"
        // Upgrade: a higher subscription replaces the old one back to back.
        #expect(byAccount.values.contains { rows in
            rows.contains { old in rows.contains { new in old.end == new.start && new.mrr > old.mrr && old.amount > 0 } }
        })
        // Expansion: a second subscription while the first runs.
        #expect(byAccount.values.contains { rows in
            rows.contains { a in rows.contains { b in a.id != b.id && a.amount > 0 && b.amount > 0
                && a.start < b.start && (a.end.map { b.start < $0 } ?? true) } }
        })
        // Reactivation: paid again after at least two month-ends without paid service.
        #expect(byAccount.values.contains { rows in
            let paid = rows.filter { $0.amount > 0 }
            return paid.contains { before in
                guard let end = before.end,
                      !paid.contains(where: { $0.start <= end && ($0.end.map { end < $0 } ?? true) }),
                      let next = paid.filter({ $0.start > end }).map(\.start).min() else { return false }
                return monthEnds(from: end, to: next) >= 2
            }
        }, "no reactivation after a gap of months")
        // Scheduled cancellation: notice given, end date after the last month.
        #expect(subscriptions.contains { $0.canceled != nil && $0.start <= lastDay && ($0.end ?? "") > lastDay })
        // Churn on the first of a month and in the middle of one.
        #expect(subscriptions.contains { ($0.end ?? "9999") <= lastDay && $0.end!.hasSuffix("-01") })
        #expect(subscriptions.contains { ($0.end ?? "9999") <= lastDay && !$0.end!.hasSuffix("-01") })
        // A subscription that starts and ends inside one month.
        #expect(subscriptions.contains { row in
            row.amount > 0 && row.end.map { end in end.prefix(7) == row.start.prefix(7) } == true
        })
    }

    @Test func dollarContractsHaveExchangeRates() throws {
        let sample = try Self.fixture.get()
        let rates = sample.table(.fxRates)
        let months = Set(rates.column("month"))
        #expect(rates.column("currency").allSatisfy { $0 == "USD" })
        #expect(rates.column("rate").allSatisfy { (Double($0) ?? 0) >= 130 && (Double($0) ?? 0) <= 170 })
        let dollars = sample.subscriptions.filter { $0.currency == "USD" }
        #expect(!dollars.isEmpty)
        for subscription in dollars {
            let month = String(subscription.start.prefix(7))
            #expect(months.contains { $0 <= month }, "no rate for \(subscription.id) in or before \(month)")
        }
        #expect(dollars.contains { months.contains(String($0.start.prefix(7))) })
        #expect(dollars.contains { !months.contains(String($0.start.prefix(7))) }, "no fallback to an earlier month")
        #expect(rates.column("month").count > months.count, "no month exported twice")
    }

    // MARK: - Support

    @Test func ticketsExerciseTheSupportEdgeCases() throws {
        let sample = try Self.fixture.get()
        let tickets = sample.tickets
        let accounts = Set(sample.table(.accounts).column("account_id"))
        #expect(tickets.contains { weekday(of: $0.created) >= 5 }, "no weekend ticket")
        #expect(tickets.contains { isHoliday($0.created) && weekday(of: $0.created) < 5 }, "no holiday ticket")
        #expect(tickets.contains { hour(of: $0.created) < 7 || hour(of: $0.created) >= 19 }, "no night ticket")
        #expect(tickets.contains { $0.priority == nil && $0.urgency != nil && $0.impact != nil })
        #expect(tickets.contains { $0.priority == nil && $0.urgency == nil && $0.impact == nil })
        for priority in ["urgent", "high", "normal", "low"] {
            #expect(tickets.contains { $0.priority == priority })
        }
        #expect(tickets.contains { $0.escalation == 2 })
        #expect(tickets.contains { $0.escalation == 3 })
        #expect(tickets.contains { ($0.reopens ?? 0) > 0 })
        #expect(tickets.contains { $0.status == "deleted" })
        for status in ["open", "pending", "hold"] {
            #expect(tickets.contains { $0.status == status && $0.solved == nil }, "no \(status) ticket")
        }
        #expect(tickets.contains { !accounts.contains($0.account) }, "no ticket of an unknown account")
        #expect(tickets.contains { $0.numericID })
        #expect(tickets.filter { !$0.numericID }.count > tickets.count * 9 / 10)
        #expect(tickets.allSatisfy { $0.created < "2026-11-01" && ($0.solved ?? "") < "2026-11-01" })

        // Ids exported twice: a later line with a newer updated_at, and 123 again as "123".
        var seen: [String: TicketLine] = [:]
        var newer = false
        var numberThenString = false
        for ticket in tickets {
            if let earlier = seen[ticket.id] {
                if let a = earlier.updated, let b = ticket.updated, b > a { newer = true }
                if earlier.numericID && !ticket.numericID { numberThenString = true }
            }
            seen[ticket.id] = ticket
        }
        #expect(newer)
        #expect(numberThenString)
    }

    @Test func surveysAreInRangeAndTiedToTickets() throws {
        let sample = try Self.fixture.get()
        let csat = sample.table(.csat)
        let ratings = csat.column("rating").compactMap { Int($0) }
        #expect(ratings.count == csat.rows.count)
        #expect(ratings.filter { $0 >= 4 }.count * 2 > ratings.count, "ratings should be mostly 4–5")
        #expect(ratings.filter { !(1...5).contains($0) }.count <= 1)
        let ticketIDs = Set(sample.tickets.map(\.id))
        #expect(csat.column("ticket_id").contains { ticketIDs.contains($0) })
        #expect(csat.column("ticket_id").contains { $0.isEmpty })

        let nps = sample.table(.nps)
        let scores = nps.column("score").compactMap { Int($0) }
        #expect(scores.count == nps.rows.count && scores.allSatisfy { (0...10).contains($0) })
        #expect(scores.contains { $0 <= 6 } && scores.contains { $0 >= 9 })
        let comments = nps.column("comment")
        #expect(comments.contains { $0.contains(",") })
        #expect(comments.contains { $0.contains("\"") })
        #expect(comments.contains { $0.contains("\n") })
        #expect(comments.contains { comment in comment.unicodeScalars.contains { scalar in scalar.value > 0x3000 } })
        let contacts = Dictionary(grouping: nps.rows, by: { $0[1] }).mapValues { Set($0.map { $0[2] }).count }
        #expect(contacts.values.contains { $0 >= 3 }, "no account with several contacts answering")

        let ces = sample.table(.ces).column("score").compactMap { Int($0) }
        #expect(!ces.isEmpty && ces.allSatisfy { (1...7).contains($0) })
    }

    // MARK: - Product and onboarding

    @Test func usageHasUsersFeaturesCountsAndWeekdaySeasonality() throws {
        let sample = try Self.fixture.get()
        let usage = sample.table(.usageEvents)
        let accounts = Set(sample.table(.accounts).column("account_id"))
        let events = Set(usage.column("event"))
        for event in ["login", "page.view", "search", "report.export", "workflow.create", "integration.sync",
                      "dashboard.share", "ai.assist"] {
            #expect(events.contains(event), "no \(event) event")
        }
        #expect(usage.column("account_id").allSatisfy { accounts.contains($0) })
        let userPattern = /u-\d{5}-\d{3}/
        #expect(usage.column("user_id").allSatisfy { $0.wholeMatch(of: userPattern) != nil })
        let counts = usage.column("count").compactMap { Int($0) }
        #expect(counts.count == usage.rows.count)
        #expect(counts.contains(1) && counts.contains { $0 > 1 })
        let timestamps = usage.column("timestamp")
        #expect(timestamps.allSatisfy { $0.count == 25 && $0.hasSuffix("+09:00") && $0 < "2026-11-01" })
        let weekend = timestamps.filter { weekday(of: $0) >= 5 }.count
        // Weekends are 2/7 of the days but carry far fewer events.
        #expect(weekend > 0 && weekend * 5 < timestamps.count, "weekdays should be busier")
    }

    @Test func onboardingHelpCenterAndOverrides() throws {
        let sample = try Self.fixture.get()
        let milestones = sample.table(.milestones)
        #expect(Set(milestones.column("milestone")) == ["kickoff", "setup_complete", "first_login", "first_value",
                                                         "training_complete"])
        let achieved = milestones.column("achieved_at")
        #expect(achieved.contains { $0.count == 10 } && achieved.contains { $0.count == 25 })
        let accountsWithFirstValue = Set(milestones.rows.filter { $0[1] == "first_value" }.map { $0[0] })
        #expect(accountsWithFirstValue.count < sample.table(.accounts).rows.count, "every account reached first value")

        let articles = sample.table(.articleEvents)
        #expect(articles.column("account_id").contains { $0.isEmpty })
        #expect(Set(articles.column("event")) == ["view", "helpful", "not_helpful"])

        let overrides = sample.table(.healthOverrides)
        let expiries = overrides.column("expires_on")
        #expect(expiries.contains { $0 < "2026-11-01" } && expiries.contains { $0 > "2026-11-01" })
        #expect(overrides.rows.allSatisfy { !$0[1].isEmpty || !$0[2].isEmpty })
        #expect(overrides.column("score").contains { !$0.isEmpty } && overrides.column("band").contains { !$0.isEmpty })
    }

    // MARK: - Fixture

    /// One generated sample, read back once for the property tests.
    static let fixture = Result { try Fixture(settings: SampleSettings(accounts: 80, months: 24, seed: 3)) }
}

/// A generated sample held in memory.
struct Fixture: Sendable {
    let summary: SampleSummary
    let raw: [String: Data]
    let tables: [String: CSVTable]
    let tickets: [TicketLine]
    let subscriptions: [SubscriptionRow]

    init(settings: SampleSettings) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        summary = try SampleGenerator(settings: settings).write(to: folder.url)
        var raw: [String: Data] = [:]
        var tables: [String: CSVTable] = [:]
        for source in CanonicalSource.allCases {
            let data = try Data(contentsOf: folder.url.appendingPathComponent(source.defaultPath))
            raw[source.defaultPath] = data
            if !source.isJSON { tables[source.defaultPath] = CSVTable(String(decoding: data, as: UTF8.self)) }
        }
        self.raw = raw
        self.tables = tables
        let lines = String(decoding: raw[CanonicalSource.tickets.defaultPath] ?? Data(), as: UTF8.self)
            .split(separator: "\n")
        tickets = try lines.map { try TicketLine(json: Data($0.utf8)) }
        let table = tables[CanonicalSource.subscriptions.defaultPath] ?? CSVTable("")
        subscriptions = table.rows.map(SubscriptionRow.init)
    }

    func table(_ source: CanonicalSource) -> CSVTable {
        tables[source.defaultPath] ?? CSVTable("")
    }
}

/// A CSV file split per RFC 4180 (quoted fields may hold commas, doubled quotes and line breaks).
struct CSVTable: Sendable {
    let header: [String]
    let rows: [[String]]

    init(_ text: String) {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\n" {
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        header = records.first ?? []
        rows = Array(records.dropFirst())
    }

    func column(_ name: String) -> [String] {
        guard let index = header.firstIndex(of: name) else { return [] }
        return rows.map { index < $0.count ? $0[index] : "" }
    }
}

/// The fields of a ticket line the tests look at.
struct TicketLine: Sendable {
    let id: String
    let numericID: Bool
    let account: String
    let created: String
    let updated: String?
    let solved: String?
    let status: String
    let priority: String?
    let urgency: String?
    let impact: String?
    let escalation: Int?
    let reopens: Int?

    init(json: Data) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        if let text = object["id"] as? String {
            id = text
            numericID = false
        } else {
            id = String(try #require(object["id"] as? Int))
            numericID = true
        }
        account = try #require(object["account_id"] as? String)
        created = try #require(object["created_at"] as? String)
        updated = object["updated_at"] as? String
        solved = object["solved_at"] as? String
        status = try #require(object["status"] as? String)
        priority = object["priority"] as? String
        urgency = object["urgency"] as? String
        impact = object["impact"] as? String
        escalation = object["escalation_level"] as? Int
        reopens = object["reopens"] as? Int
    }
}

/// A subscription row with its MRR in yen (dollar rows at ¥150, enough for these checks).
struct SubscriptionRow: Sendable {
    let id: String
    let account: String
    let start: String
    let end: String?
    let billing: String
    let amountText: String
    let amount: Double
    let currency: String
    let canceled: String?

    init(_ row: [String]) {
        id = row[0]
        account = row[1]
        start = row[3]
        end = row[4].isEmpty ? nil : row[4]
        billing = row[5]
        amountText = row[6]
        amount = Double(row[6]) ?? -1
        currency = row[7]
        canceled = row[8].isEmpty ? nil : row[8]
    }

    var mrr: Double {
        let named: [String: Double] = ["monthly": 1, "quarterly": 3, "annual": 12, "biennial": 24, "triennial": 36]
        let months = named[billing] ?? Double(billing) ?? 1
        return amount * (currency == "USD" ? 150 : 1) / months
    }
}

/// A folder under the system's temporary directory, removed by `remove()`.
struct TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pulse-sample-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The weekday of an ISO date or datetime: 0 Monday … 6 Sunday.
func weekday(of text: String) -> Int {
    let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return -1 }
    var (y, m, d) = (parts[0], parts[1], parts[2])
    let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3 { y -= 1 }
    m = (y + y / 4 - y / 100 + y / 400 + offsets[parts[1] - 1] + d) % 7  // 0 Sunday
    return (m + 6) % 7
}

/// Whether an ISO date or datetime falls on one of a few fixed Japanese national holidays.
func isHoliday(_ text: String) -> Bool {
    ["01-01", "02-11", "02-23", "04-29", "05-03", "05-04", "05-05", "08-11", "11-03", "11-23"]
        .contains(String(text.dropFirst(5).prefix(5)))
}

/// The hour of an ISO datetime.
func hour(of text: String) -> Int {
    Int(text.dropFirst(11).prefix(2)) ?? -1
}

/// The number of month ends (last days of months) in the half-open date range [from, to): one
/// for each first of a month in (from, to].
func monthEnds(from: String, to: String) -> Int {
    func index(_ date: String) -> Int { (Int(date.prefix(4)) ?? 0) * 12 + (Int(date.dropFirst(5).prefix(2)) ?? 0) }
    return index(to) - index(from)
}
