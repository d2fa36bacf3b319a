import Dispatch
import Foundation
import GRDB
import Logging
import Tabular

/// `pulse run`: extract → load → transform → report → publish, with the warehouse as the run's
/// memory and the lock making it the only run on that warehouse.
///
/// Nothing under `OUT/M` changes until every report file is written and synced; a failure at any
/// stage leaves the previous report set byte-identical and the run ledger saying why.
public struct PipelineRunner: Sendable {
    /// What was asked.
    public var options: RunOptions
    /// Where stage-by-stage progress lines go (`nil`: nowhere).
    public var progress: (@Sendable (String) -> Void)?
    /// The run's log.
    public var logger: Logger

    /// Creates a runner.
    public init(options: RunOptions, progress: (@Sendable (String) -> Void)? = nil,
                logger: Logger = Logger(label: "pulse.run")) {
        self.options = options
        self.progress = progress
        self.logger = logger
    }

    /// Runs the pipeline and publishes its reports.
    ///
    /// - Throws: ``RunError``, whose exit code is the documented one (docs/operations.md): 1 failed, 2 bad
    ///   pipeline or option, 3 data quality, 4 locked. Nothing was published.
    public func run() throws(RunError) -> RunResult {
        let opening = try CommandOpening.open(options)
        let mask = opening.configuration.privacy.personalDataMask
        do {
            return try run(opening, mask: mask)
        } catch {
            throw error.masked(by: mask)
        }
    }

    /// Runs a loaded pipeline; every log line, progress line and ledger message masked by `mask`.
    private func run(_ opening: CommandOpening, mask: PersonalDataMask) throws(RunError) -> RunResult {
        let configuration = opening.configuration
        var logger = self.logger
        var progress = self.progress
        if !mask.isEmpty {
            logger.handler = MaskingLogHandler(wrapped: logger.handler, mask: mask)
            if let line = progress {
                progress = { @Sendable text in line(mask.apply(text)) }
            }
        }
        do { try opening.checkDataFolder() } catch { throw .pulse(error) }
        let period = try opening.period(options)
        let out = options.outFolder
        let warehouseURL = opening.warehouseURL(options)
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            try FileManager.default.createDirectory(at: warehouseURL.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o750])
        } catch {
            throw .failed("cannot create the output folder \(out.path): \(error.localizedDescription)")
        }
        let startedAt = ISO8601DateFormatter().string(from: options.now)
        let lock = try RunLock(warehouse: warehouseURL, startedAt: startedAt)
        defer { lock.release() }
        let warehouse: Warehouse
        do { warehouse = try Warehouse(url: warehouseURL) } catch { throw .failed(error.description) }
        let pipelineSHA256 = FileFingerprint.sha256(of: Array(configuration.sourceText.utf8))
        let runID: Int64
        do {
            runID = try warehouse.write { db in
                try RunLedger.markInterrupted(in: db)
                return try RunLedger.start(pipeline: options.pipeline, pipelineSHA256: pipelineSHA256,
                                           period: period.month.description, asOf: period.asOfText, startedAt: startedAt, in: db)
            }
        } catch {
            throw .failed(error.description)
        }
        let clock = StageClock()
        var execution = RunExecution(options: options, configuration: configuration, period: period, warehouse: warehouse,
                                     runID: runID, pipelineSHA256: pipelineSHA256, clock: clock, progress: progress, logger: logger)
        do {
            let result = try execution.execute(out: out)
            try? warehouse.write { db in
                try RunLedger.finish(runID: runID, status: "published", exitCode: 0, message: nil,
                                     durationMilliseconds: clock.totalMilliseconds, stages: execution.stages, in: db)
            }
            try? warehouse.checkpoint()
            return result
        } catch {
            try? warehouse.write { db in
                try RunLedger.finish(runID: runID, status: error.ledgerStatus, exitCode: error.exitCode, message: mask.apply(error.description),
                                     durationMilliseconds: clock.totalMilliseconds, stages: execution.stages, in: db)
            }
            throw error
        }
    }
}

/// Monotonic time for stage durations (never written outside `run.json` and the ledger).
final class StageClock: Sendable {
    private let start = DispatchTime.now().uptimeNanoseconds

    /// Milliseconds since the run started.
    var totalMilliseconds: Int { Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000) }

    /// Now, in nanoseconds.
    func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}
