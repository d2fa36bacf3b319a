import Foundation
import GRDB

/// The embedded SQLite warehouse: the memory of a pipeline between runs.
///
/// It holds every input file loaded (the load ledger, with quarantined rows), the staged rows of
/// `append` sources, the run ledger and the results of every published run. Each load and each
/// result write is one transaction, so a run killed at any moment leaves it as it was before or
/// after that write.
package final class Warehouse: Sendable {
    /// The database file.
    package let url: URL
    /// The connection (one writer; the warehouse belongs to one run at a time, see ``RunLock``).
    let queue: DatabaseQueue

    /// Opens (creating if needed) the warehouse at `url` and brings its schema up to date.
    package init(url: URL) throws(WarehouseError) {
        self.url = url
        var configuration = Configuration()
        configuration.label = "warehouse"
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            // FULL: a committed load or result also survives a power loss, not only a killed process.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA cache_size = -262144")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o750])
            queue = try DatabaseQueue(path: url.path, configuration: configuration)
        } catch {
            throw WarehouseError(path: url.path, underlying: error)
        }
        try WarehouseSchema.checkNotNewer(queue, path: url.path)
        do {
            try WarehouseSchema.migrator.migrate(queue)
        } catch {
            throw WarehouseError(path: url.path, underlying: error)
        }
        try checkpoint()
        chmod(url.path, 0o640)
    }

    /// Opens an existing warehouse read-only (for `pulse history` while a run may be writing).
    package init(readingAt url: URL) throws(WarehouseError) {
        self.url = url
        var configuration = Configuration()
        configuration.label = "warehouse (read-only)"
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            queue = try DatabaseQueue(path: url.path, configuration: configuration)
        } catch {
            throw WarehouseError(path: url.path, underlying: error)
        }
    }

    /// Runs `body` in one transaction: everything it writes is committed together or not at all.
    func write<T>(_ body: (Database) throws -> T) throws(WarehouseError) -> T {
        do {
            return try queue.write { db in try body(db) }
        } catch {
            throw WarehouseError(path: url.path, underlying: error)
        }
    }

    /// Reads with `body`.
    func read<T>(_ body: (Database) throws -> T) throws(WarehouseError) -> T {
        do {
            return try queue.read { db in try body(db) }
        } catch {
            throw WarehouseError(path: url.path, underlying: error)
        }
    }

    /// `PRAGMA integrity_check`: `ok` when the file is sound.
    package func integrityCheck() throws(WarehouseError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }

    /// Folds the write-ahead log back into the database file (after a run, so a backup of the
    /// file alone is complete).
    package func checkpoint() throws(WarehouseError) {
        do {
            try queue.inDatabase { db in _ = try db.checkpoint(.truncate) }
        } catch {
            throw WarehouseError(path: url.path, underlying: error)
        }
    }
}
