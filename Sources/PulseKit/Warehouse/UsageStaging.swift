import GRDB
import GRDBSQLite
import Tabular

/// Stages usage events of an append source, aggregated per (local day, account, user, event)
/// → Σ count, which is all the adoption metrics read.
///
/// Account ids, user ids and event names are numbered once in the warehouse (`usage_names`), so
/// a staged row is five integers. Each batch is sorted by key and upserted through one prepared
/// statement with its parameters bound directly. Rows with `count` ≤ 0 are no activity (docs/metrics.md §5.5)
/// and are not staged.
final class UsageStager {
    /// The kinds of names in `usage_names`.
    private enum Kind: Int64 { case account = 0, user = 1, event = 2 }

    private let db: Database
    private let zone: ZoneOffsets
    private var known: [[String: Int32]] = [[:], [:], [:]]
    private var next: [Int32] = [0, 0, 0]
    private var accountMap: [Int32] = []
    private var userMap: [Int32] = []
    private var eventMap: [Int32] = []
    private let upsert: Statement
    private let insertName: Statement
    private var keys: [StagedUsageKey] = []
    /// Input rows staged (count > 0).
    private(set) var rowsStaged = 0
    /// The first error; the remaining batches are skipped once it is set.
    private(set) var error: (any Error)?
    /// Called after each batch (the crash test's failpoint).
    var afterBatch: () -> Void = {}

    /// Prepares to stage into `db`, inside the caller's transaction.
    init(db: Database, timeZone: ZoneOffsets) throws {
        self.db = db
        self.zone = timeZone
        let rows = try Row.fetchCursor(db, sql: "SELECT kind, id, name FROM usage_names")
        while let row = try rows.next() {
            let kind = Int(row[0] as Int64)
            let id: Int32 = row[1]
            known[kind][row[2]] = id
            next[kind] = max(next[kind], id + 1)
        }
        upsert = try db.makeStatement(sql: """
            INSERT INTO staged_usage_daily (day, account, user, event, count) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (day, account, user, event) DO UPDATE SET count = count + excluded.count
            """)
        insertName = try db.makeStatement(sql: "INSERT INTO usage_names (kind, id, name) VALUES (?, ?, ?)")
    }

    /// Stages one batch of events numbered by `names`.
    func add(_ batch: UsageEventBatch, names: UsageNames) {
        guard error == nil else { return }
        do {
            try extend(&accountMap, to: names.accounts.count, kind: .account) { names.accounts.string($0) }
            try extend(&userMap, to: names.users.numberLimit, kind: .user) { names.users.string($0) }
            try extend(&eventMap, to: names.events.count, kind: .event) { names.events.string($0) }
            collectKeys(batch, names: names)
            try write()
            afterBatch()
        } catch {
            self.error = error
        }
    }

    /// Gives warehouse numbers to the names first seen in this batch.
    private func extend(_ map: inout [Int32], to count: Int, kind: Kind, name: (Int32) -> String) throws {
        guard map.count < count else { return }
        map.append(contentsOf: repeatElement(-1, count: count - map.count))
        if kind == .user {
            // Sharded numbers leave gaps: resolve lazily in `collectKeys`.
            return
        }
        for local in map.indices where map[local] < 0 {
            map[local] = try number(name(Int32(local)), kind: kind)
        }
    }

    /// The warehouse number of a name, giving it one when it is new.
    private func number(_ text: String, kind: Kind) throws -> Int32 {
        let k = Int(kind.rawValue)
        if let id = known[k][text] { return id }
        let id = next[k]
        next[k] += 1
        known[k][text] = id
        try insertName.execute(arguments: [kind.rawValue, id, text])
        return id
    }

    private func collectKeys(_ batch: UsageEventBatch, names: UsageNames) {
        keys.removeAll(keepingCapacity: true)
        keys.reserveCapacity(batch.count)
        for i in 0..<batch.count {
            let count = batch.counts[i]
            guard count > 0 else { continue }
            let day = zone.localDate(at: Instant(millisecondsSinceEpoch: batch.timestamps[i])).daysSinceEpoch
            let localUser = Int(batch.users[i])
            var user = userMap[localUser]
            if user < 0 {
                user = (try? number(names.users.string(Int32(localUser)), kind: .user)) ?? -1
                userMap[localUser] = user
            }
            keys.append(StagedUsageKey(day: day, account: accountMap[Int(batch.accounts[i])], user: user,
                                       event: eventMap[Int(batch.events[i])], count: count))
        }
        keys.sort()
    }

    private func write() throws {
        let statement = upsert.sqliteStatement
        for key in keys {
            sqlite3_bind_int64(statement, 1, Int64(key.day))
            sqlite3_bind_int64(statement, 2, Int64(key.account))
            sqlite3_bind_int64(statement, 3, Int64(key.user))
            sqlite3_bind_int64(statement, 4, Int64(key.event))
            sqlite3_bind_int64(statement, 5, Int64(key.count))
            let code = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
        rowsStaged += keys.count
    }
}

/// One staged usage row before it is written, ordered as the table's key.
struct StagedUsageKey: Comparable {
    var day: Int32
    var account: Int32
    var user: Int32
    var event: Int32
    var count: Int32

    static func < (a: StagedUsageKey, b: StagedUsageKey) -> Bool {
        if a.day != b.day { return a.day < b.day }
        if a.account != b.account { return a.account < b.account }
        if a.user != b.user { return a.user < b.user }
        return a.event < b.event
    }
}

/// Reading staged usage back.
enum UsageStaging {
    /// Totals over the staged usage: rows and events loaded (from the load ledger), distinct names.
    static func summary(in db: Database) throws -> UsageEventsSummary {
        var summary = UsageEventsSummary()
        summary.rows = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(rows_loaded), 0) FROM loads WHERE mode = 'append' AND source = 'usage_events'") ?? 0
        summary.events = try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(count), 0) FROM staged_usage_daily") ?? 0
        summary.accounts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM usage_names WHERE kind = 0") ?? 0
        summary.users = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM usage_names WHERE kind = 1") ?? 0
        summary.eventNames = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM usage_names WHERE kind = 2") ?? 0
        return summary
    }
}

extension UsageStaging {
    /// Records the staged daily usage of M−2…M into `activity`: days up to the last local date before
    /// as-of (the daily aggregates keep no time of day, so with an as-of inside a day that whole day
    /// counts).
    static func record(into activity: inout UsageActivity, lastDate: LocalDate, in db: Database) throws {
        var accountNames: [Int32: String] = [:]
        var eventNames: [Int32: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kind, id, name FROM usage_names WHERE kind IN (0, 2)") {
            let kind: Int64 = row[0], id: Int64 = row[1], name: String = row[2]
            if kind == 0 { accountNames[Int32(id)] = name } else { eventNames[Int32(id)] = name }
        }
        let last = min(activity.dates.upperBound, lastDate.daysSinceEpoch)
        // Millions of rows: stepped with the SQLite API directly rather than decoded into GRDB rows.
        let select = try db.makeStatement(sql: """
            SELECT day, account, user, event FROM staged_usage_daily WHERE day BETWEEN ? AND ? AND count > 0
            """)
        let statement = select.sqliteStatement
        sqlite3_bind_int64(statement, 1, Int64(activity.dates.lowerBound))
        sqlite3_bind_int64(statement, 2, Int64(last))
        defer { sqlite3_reset(statement) }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "reading staged usage") }
            activity.record(day: Int32(truncatingIfNeeded: sqlite3_column_int64(statement, 0)),
                            account: Int32(truncatingIfNeeded: sqlite3_column_int64(statement, 1)),
                            user: Int32(truncatingIfNeeded: sqlite3_column_int64(statement, 2)),
                            event: Int32(truncatingIfNeeded: sqlite3_column_int64(statement, 3)),
                            accountName: { accountNames[$0] ?? "" }, eventName: { eventNames[$0] ?? "" })
        }
    }
}
