import Foundation
import GRDB
import Tabular

/// Stages the files of an `append` source that the warehouse has not seen, then reads back
/// everything staged for it.
///
/// A file is recognised by its fingerprint (SHA-256): loading one already staged is a no-op.
/// Each new file is staged in one transaction together with its ledger row and its quarantined
/// rows, so a run killed while loading leaves the warehouse as it was before that file.
struct AppendStaging {
    /// The warehouse.
    let warehouse: Warehouse
    /// The run's context.
    let context: IngestContext
    /// The run staging the files.
    let runID: Int64

    /// What the warehouse holds for one append source after staging.
    struct Outcome {
        /// Every file staged for the source, in load order.
        var records: [LoadRecord] = []
        /// Their ledger ids.
        var loadIDs: [Int64] = []
        /// Quarantined rows and warnings of those files.
        var log = IngestLog()
        /// Totals over those files.
        var load: SourceLoad
        /// Files this run staged.
        var filesStaged = 0
        /// Rows this run read from them.
        var rowsStaged = 0
    }

    /// Stages new files of `settings.source` and puts everything staged for it into `data`.
    func stage(_ settings: SourceConfiguration, into data: inout ExtractedData) throws(RunError) -> Outcome {
        let source = settings.source
        var outcome = Outcome(load: SourceLoad(source: source))
        var stagedNow: Set<String> = []
        for file in SourceFiles.resolve(settings.path, in: context.dataDirectory) {
            let path = context.dataDirectory.appendingPathComponent(file).path
            let fingerprint: FileFingerprint
            do { fingerprint = try FileFingerprint(path: path) } catch { throw .failed(error.description) }
            let known = try run { try warehouse.read { db in try LoadLedger.isStaged(source, fingerprint, in: db) } }
            guard !known else { continue }
            var single = settings
            single.path = file
            let rows = try stageFile(single, file: file, fingerprint: fingerprint)
            outcome.filesStaged += 1
            outcome.rowsStaged += rows
            stagedNow.insert(fingerprint.sha256)
        }
        let staged = try Self.readStaged(source, from: warehouse, into: &data)
        outcome.records = staged.records.map { record in
            var record = record
            record.readThisRun = stagedNow.contains(record.fingerprint.sha256)
            return record
        }
        outcome.loadIDs = staged.loadIDs
        outcome.log = staged.log
        outcome.load = staged.load
        return outcome
    }

    /// Everything the warehouse has staged for an append source: its records into `data`, and the
    /// ledger's loads with their counts and issues. Writes nothing (what `pulse explain` reads too).
    static func readStaged(_ source: CanonicalSource, from warehouse: Warehouse,
                           into data: inout ExtractedData) throws(RunError) -> Outcome {
        var outcome = Outcome(load: SourceLoad(source: source))
        do {
            try warehouse.read { db in
                let staged = try LoadLedger.stagedLoads(of: source, in: db)
                outcome.records = staged.records
                outcome.loadIDs = staged.ids
                outcome.log = staged.log
                switch source {
                case .tickets: data.tickets = try TicketStaging.all(in: db)
                case .csat: data.csat = try SurveyStaging.responses(of: .csat, in: db)
                case .ces: data.ces = try SurveyStaging.responses(of: .ces, in: db)
                case .nps: data.nps = try SurveyStaging.npsResponses(in: db)
                case .milestones: data.milestones = try MilestoneStaging.all(in: db)
                case .articleEvents: data.articleEvents = try ArticleEventStaging.all(in: db)
                case .usageEvents: data.usage = try UsageStaging.summary(in: db)
                case .accounts, .subscriptions, .fxRates, .healthOverrides: break
                }
            }
        } catch {
            throw .failed(error.description)
        }
        for record in outcome.records {
            outcome.load.rowsRead += record.rowsRead
            outcome.load.rowsLoaded += record.rowsLoaded
            outcome.load.rowsQuarantined += record.rowsQuarantined
            outcome.load.rowsWithWarnings += record.rowsWithWarnings
        }
        outcome.load.isMissing = outcome.records.isEmpty
        return outcome
    }

    /// Reads one new file and stages it in one transaction; returns the rows read.
    private func stageFile(_ settings: SourceConfiguration, file: String, fingerprint: FileFingerprint) throws(RunError) -> Int {
        let source = settings.source
        if source == .usageEvents { return try stageUsage(settings, file: file, fingerprint: fingerprint) }
        let result: SourceResult
        do { result = try Extractor.read(source, settings: settings, context: context) } catch { throw .pulse(.ingest(error)) }
        var records = ExtractedData()
        result.apply(&records)
        let record = Self.record(result.load, file: file, fingerprint: fingerprint)
        try run {
            try warehouse.write { db in
                let loadID = try LoadLedger.insert(record, runID: runID, issues: result.log, in: db)
                switch source {
                case .tickets: try TicketStaging.stage(records.tickets, loadID: loadID, in: db)
                case .csat: try SurveyStaging.stage(records.csat, source: .csat, loadID: loadID, in: db)
                case .ces: try SurveyStaging.stage(records.ces, source: .ces, loadID: loadID, in: db)
                case .nps: try SurveyStaging.stage(records.nps, loadID: loadID, in: db)
                case .milestones: try MilestoneStaging.stage(records.milestones, loadID: loadID, in: db)
                case .articleEvents: try ArticleEventStaging.stage(records.articleEvents, loadID: loadID, in: db)
                case .accounts, .subscriptions, .fxRates, .healthOverrides, .usageEvents: break
                }
            }
        }
        return record.rowsRead
    }

    /// Streams one usage file into the warehouse inside one transaction.
    private func stageUsage(_ settings: SourceConfiguration, file: String, fingerprint: FileFingerprint) throws(RunError) -> Int {
        var ingestError: IngestError?
        var rows = 0
        do {
            try warehouse.write { db in
                let stager = try UsageStager(db: db, timeZone: ZoneOffsets(timeZone: context.timeZone))
                if Failpoint.pauseUsageStaging.isActive { stager.afterBatch = { Failpoint.pauseUsageStaging.pause() } }
                var log = IngestLog()
                var names = UsageNames()
                let load: SourceLoad
                do throws(IngestError) {
                    load = try UsageEventsReader(settings: settings, context: context)
                        .read(into: &log, names: &names) { batch, names in stager.add(batch, names: names) }
                } catch {
                    ingestError = error
                    throw error
                }
                if let error = stager.error { throw error }
                let record = Self.record(load, file: file, fingerprint: fingerprint)
                _ = try LoadLedger.insert(record, runID: runID, issues: log, in: db)
                rows = record.rowsRead
            }
        } catch {
            if let ingestError { throw .pulse(.ingest(ingestError)) }
            throw .failed("\(error)")
        }
        return rows
    }

    /// The ledger record of one file read as `load`.
    private static func record(_ load: SourceLoad, file: String, fingerprint: FileFingerprint) -> LoadRecord {
        LoadRecord(source: load.source, mode: .append, path: file, fingerprint: fingerprint,
                   encoding: load.encodingDescription, rowsRead: load.rowsRead, rowsLoaded: load.rowsLoaded,
                   rowsQuarantined: load.rowsQuarantined, rowsWithWarnings: load.rowsWithWarnings, readThisRun: true)
    }

    /// Runs a warehouse operation, turning its error into a run failure.
    private func run<T>(_ body: () throws -> T) throws(RunError) -> T {
        do { return try body() } catch let error as IngestError {
            throw .pulse(.ingest(error))
        } catch let error as WarehouseError {
            throw .failed(error.description)
        } catch {
            throw .failed("\(error)")
        }
    }
}
