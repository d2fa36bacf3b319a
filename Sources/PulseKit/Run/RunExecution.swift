import Dispatch
import Foundation
import GRDB
import Logging
import Tabular
import Workbook

/// The stages of one run, after the lock is held and the run is in the ledger.
struct RunExecution {
    let options: RunOptions
    let configuration: PipelineConfiguration
    let period: ReportingPeriod
    let warehouse: Warehouse
    let runID: Int64
    let pipelineSHA256: String
    let clock: StageClock
    let progress: (@Sendable (String) -> Void)?
    let logger: Logger
    /// The stages finished so far.
    private(set) var stages: [StageTiming] = []

    init(options: RunOptions, configuration: PipelineConfiguration, period: ReportingPeriod, warehouse: Warehouse, runID: Int64,
         pipelineSHA256: String, clock: StageClock, progress: (@Sendable (String) -> Void)?, logger: Logger) {
        self.options = options
        self.configuration = configuration
        self.period = period
        self.warehouse = warehouse
        self.runID = runID
        self.pipelineSHA256 = pipelineSHA256
        self.clock = clock
        self.progress = progress
        self.logger = logger
    }

    private var context: IngestContext {
        IngestContext(dataDirectory: configuration.dataFolder, timeZone: configuration.timeZone,
                      currency: configuration.currency, jobs: options.jobs)
    }

    /// What the extract stage hands on: every snapshot source's records, usage activity, and the
    /// fingerprints of the snapshot files.
    private struct Extracted {
        var data: ExtractedData
        var activity: UsageActivity
        var fingerprints: [String: FileFingerprint]
    }

    /// What the load stage hands on: every source's records (append sources staged and read back), the
    /// ledger records of every input, and the stale sources found.
    private struct Loaded {
        var data: ExtractedData
        var activity: UsageActivity
        var inputs: [LoadRecord]
        var coverage: SourceCoverage
        var stale: [DataIssue]
    }

    /// Runs every stage and publishes `OUT/M`. Whatever fails after the staging folder exists leaves
    /// it removed and the published set as it was.
    mutating func execute(out: URL) throws(RunError) -> RunResult {
        let extracted = try extract()
        let loaded = try load(extracted)
        let transformed = transform(loaded)
        let destination = out.appendingPathComponent(period.month.description)
        var publisher = try ReportPublisher(destination: destination)
        publisher.mask = configuration.privacy.personalDataMask
        do throws(RunError) {
            let written = try report(loaded, transformed, to: publisher)
            try publish(loaded, transformed, publisher: publisher, destination: destination)
            return RunResult(runID: runID, period: period, folder: destination, files: (written + ["run.json"]).sorted(),
                             stages: stages)
        } catch {
            publisher.discard()
            throw error
        }
    }

    /// Extract: snapshot sources, read fresh, while their files are fingerprinted.
    private mutating func extract() throws(RunError) -> Extracted {
        let started = clock.now()
        // Every source's files, each refused if a link leads it out of the data folder.
        var filesOf: [CanonicalSource: [String]] = [:]
        do throws(IngestError) {
            for source in CanonicalSource.allCases {
                let files = SourceFiles.resolve(configuration.source(source).path, in: configuration.dataFolder)
                for file in files { try SourceFiles.checkInside(file, of: configuration.dataFolder, source: source) }
                filesOf[source] = files
            }
        } catch {
            throw .pulse(.ingest(error))
        }
        let snapshotSources = Set(CanonicalSource.allCases.filter { configuration.source($0).load == .snapshot })
        let snapshotFiles = snapshotSources.sorted().flatMap { source in (filesOf[source] ?? []).map { (source, $0) } }
        let fingerprints = FingerprintTask(files: snapshotFiles.map(\.1), folder: configuration.dataFolder)
        let data: ExtractedData
        var activity = UsageActivity(period: period, configuration: configuration)
        do {
            data = try Extractor(context: context, settings: configuration.sources, sources: snapshotSources)
                .run { activity.record($0, names: $1) }
        } catch {
            _ = try? fingerprints.wait()
            throw .pulse(.ingest(error))
        }
        let fingerprintOf = try fingerprints.wait()
        finish(.extract, since: started, rows: data.loads.reduce(0) { $0 + $1.rowsRead },
               detail: "\(snapshotFiles.count) snapshot files")
        return Extracted(data: data, activity: activity, fingerprints: fingerprintOf)
    }

    /// Load: stage new files of append sources, record every file in the ledger, then check the data's
    /// quality (the quarantine threshold, stale sources).
    private mutating func load(_ extracted: Extracted) throws(RunError) -> Loaded {
        let started = clock.now()
        var data = extracted.data
        var activity = extracted.activity
        var inputs: [LoadRecord] = []
        var loads: [CanonicalSource: SourceLoad] = [:]
        for load in data.loads { loads[load.source] = load }
        var log = data.log
        var appendLoadIDs: [Int64] = []
        var rowsStaged = 0
        var filesStaged = 0
        let staging = AppendStaging(warehouse: warehouse, context: context, runID: runID)
        for source in CanonicalSource.allCases where configuration.source(source).load != .snapshot {
            let outcome = try staging.stage(configuration.source(source), into: &data)
            loads[source] = outcome.load
            log.merge(outcome.log)
            inputs += outcome.records
            appendLoadIDs += outcome.loadIDs
            rowsStaged += outcome.rowsStaged
            filesStaged += outcome.filesStaged
        }
        let snapshotRecords = Self.snapshotRecords(data.loads, log: data.log, fingerprints: extracted.fingerprints)
        inputs = (snapshotRecords + inputs).sorted { $0.source < $1.source }
        log.sort()
        data.loads = CanonicalSource.allCases.compactMap { loads[$0] }
        data.log = log
        do {
            try warehouse.write { db in
                var ids = appendLoadIDs
                for record in snapshotRecords {
                    ids.append(try LoadLedger.insert(record, runID: runID, issues: data.log, in: db))
                }
                try RunLedger.link(runID: runID, loadIDs: ids, in: db)
            }
        } catch {
            throw .failed(error.description)
        }
        if configuration.source(.usageEvents).load == .append {
            let lastDate = period.lastDateBeforeAsOf
            do {
                try warehouse.read { db in try UsageStaging.record(into: &activity, lastDate: lastDate, in: db) }
            } catch {
                throw .failed(error.description)
            }
        }
        finish(.load, since: started, rows: rowsStaged, detail: "\(filesStaged) append files staged")
        try checkQuarantineThreshold(data)
        // Stale exports: event sources with records before M and none in M.
        let coverage = SourceCoverage(data, usage: activity, period: period, timeZone: configuration.timeZone)
        let stale = coverage.staleWarnings(period: period, timeZone: configuration.timeZone)
        if configuration.quality.requireFresh, !stale.isEmpty {
            let list = stale.map { "\($0.source.name): \($0.reason)" }.joined(separator: "; ")
            throw .dataQuality("stale exports (quality.require_fresh): \(list); nothing was published")
        }
        for issue in stale { data.log.warn(issue) }
        data.log.sort()
        return Loaded(data: data, activity: activity, inputs: inputs, coverage: coverage, stale: stale)
    }

    /// Refuses the run (exit 3) when a source quarantined more than the pipeline allows, naming each
    /// such source's first quarantined row.
    private func checkQuarantineThreshold(_ data: ExtractedData) throws(RunError) {
        let quality = ValidationReport(pipeline: options.pipeline, dataDirectory: configuration.dataFolder.path,
                                       maxQuarantinedShare: configuration.quality.maxQuarantinedShare, data: data)
        let over = quality.sourcesOverThreshold
        guard !over.isEmpty else { return }
        let list = over.map { load in
            var text = "\(load.source.name) \(load.rowsQuarantined) of \(load.rowsRead) rows quarantined"
            if let first = data.log.quarantined.first(where: { $0.source == load.source }) {
                text += " (first: \(first.location)\(first.column.isEmpty ? "" : " \(first.column)"): \(first.reason))"
            }
            return text
        }.joined(separator: "; ")
        throw .dataQuality("data-quality threshold exceeded (max_quarantined_share \(configuration.quality.maxQuarantinedShare)): \(list); nothing was published (see `pulse validate` for every row)")
    }

    /// Transform: every metric family of M and of its months of history, concurrently.
    private mutating func transform(_ loaded: Loaded) -> TransformResult {
        let started = clock.now()
        let input = TransformInput(data: loaded.data, period: period, configuration: configuration, usage: loaded.activity)
        let transformed = TransformStage.run(MetricFamilies.all, input: input, coverage: loaded.coverage, jobs: options.jobs)
        let scoring = transformed.healthAndAlerts.components
        finish(.transform, since: started, rows: transformed.figures.figures.count,
               detail: "\(MetricFamilies.all.count) metric families, \(transformed.history.count + 1) months; health and alerts "
                   + "\(Int(scoring.attoseconds / 1_000_000_000_000_000 + scoring.seconds * 1000)) ms")
        return transformed
    }

    /// Report: every file of the set, concurrently, into the staging folder; returns their names.
    private mutating func report(_ loaded: Loaded, _ transformed: TransformResult, to publisher: ReportPublisher) throws(RunError) -> [String] {
        // Report: every file of the set, concurrently, into the staging folder.
        let started = clock.now()
        let data = loaded.data
        let inputs = loaded.inputs
        let stale = loaded.stale
        let table = transformed.figures
        let missing = data.loads.filter(\.isMissing).map(\.source)
        let month = period.month.description
        let asOf = period.asOfText
        let pipelineName = configuration.name
        let maxShare = configuration.quality.maxQuarantinedShare
        let currency = configuration.currency
        // Expired health overrides are listed with the warnings, never dropped silently.
        var reportLog = data.log
        let overridesFile = data.load(of: .healthOverrides)?.files.first?.path ?? configuration.source(.healthOverrides).path
        for expired in transformed.expiredOverrides {
            reportLog.warn(DataIssue(source: .healthOverrides, file: overridesFile, line: expired.line, column: "expires_on",
                                     reason: "override for \(expired.accountID) expired on \(expired.expiresOn): not applied", raw: ""))
        }
        reportLog.sort()
        let finalLog = reportLog
        let finalInputs = inputs
        let accounts = data.accounts
        let revenue = transformed.revenue
        let support = transformed.support
        let facts = transformed.facts
        let alerts = transformed.alerts
        let healthModel = configuration.health
        let alertRules = configuration.alerts
        let timeZone = configuration.timeZone
        var jobs: [ReportJob] = [
            .file("kpis.csv", { KPIFiles.csv(table, period: month) }),
            .file("kpis.json", { KPIFiles.json(table, period: month, asOf: asOf, currency: currency) }),
            .file("accounts.csv", { AccountsFile.csv(accounts: accounts, revenue: revenue, facts: facts, model: healthModel) }),
            .file("alerts.csv", { AlertsFile.csv(alerts, accounts: accounts, rules: alertRules) }),
            .file("movements.csv", { MovementsFile.csv(accounts: accounts, revenue: revenue) }),
            .file("tickets.csv", { TicketsFile.csv(support, timeZone: timeZone) }),
            .file("quarantine.csv", mode: 0o600, { IssueFiles.csv(finalLog.quarantined) }),
            .file("warnings.csv", { IssueFiles.csv(finalLog.warnings) }),
            .file("data-quality.html", {
                DataQualityPage(pipeline: pipelineName, period: month, asOf: asOf, inputs: finalInputs, missingSources: missing,
                                maxQuarantinedShare: maxShare, quarantined: finalLog.quarantined, warnings: finalLog.warnings,
                                stale: stale).render()
            }),
        ]
        // The KPI review and the QBRs, over this run's results and the warehouse's history.
        let header = KPIReview.Header(pipeline: pipelineName, period: period.month, asOf: asOf, pipelineSHA256: pipelineSHA256,
                                      currency: currency, language: configuration.language)
        let historyPeriods = (1...12).map { period.month.adding(months: -$0).description }
        let recorded: [(period: String, metric: String, value: String?)]
        do { recorded = try warehouse.read { db in try ResultStore.companyFigures(periods: historyPeriods, in: db) } } catch {
            throw .failed(error.description)
        }
        var gathered = KPIReview(header: header, transformed: transformed, data: data, inputs: inputs, recorded: recorded,
                                 targets: configuration.targets, rules: alertRules)
        gathered.stale = stale
        let review = gathered
        let settings = configuration.reports
        if settings.kpiReview.html { jobs.append(.file("kpi-review.html") { KPIReviewPage(review: review).render() }) }
        let asOfInstant = period.asOf
        if settings.kpiReview.xlsx {
            let workbook = KPIReviewWorkbook(review: review, accounts: AccountsFile(accounts: accounts, revenue: revenue, facts: facts, model: healthModel),
                                             movements: MovementsFile(accounts: accounts, revenue: revenue),
                                             alerts: AlertsFile(alerts: alerts, accounts: accounts, rules: alertRules),
                                             tickets: TicketsFile(support, timeZone: timeZone), asOf: asOfInstant,
                                             mask: configuration.privacy.personalDataMask)
            jobs.append(.workbook("kpi-review.xlsx") { path throws(WorkbookError) in try workbook.write(to: path) })
        }
        if settings.qbr.html || settings.qbr.xlsx {
            let selected = QBRSources.selection(configuration.reports.qbr.selection, facts: transformed.facts)
            let ids = selected.map { accounts[$0].id }
            // Account snapshots only for the trend months this run could not compute for adoption or health.
            let computed = Set(transformed.history.filter {
                !$0.uncovered.contains(AdoptionFamily.name) && !$0.uncovered.contains(HealthFamily.name)
            }.map(\.month))
            let snapshotPeriods = (1...11).map { period.month.adding(months: -$0) }.filter { !computed.contains($0) }.map(\.description)
            let snapshots: [String: [String: String]]
            do { snapshots = try warehouse.read { db in try ResultStore.snapshots(accountIDs: ids, periods: snapshotPeriods, in: db) } } catch {
                throw .failed(error.description)
            }
            let qbr = QBRSources(selected: selected, header: header, configuration: configuration, period: period, data: data,
                                 transformed: transformed, snapshots: snapshots)
            var used = Set<String>()
            let mask = configuration.privacy.personalDataMask
            for (k, id) in ids.enumerated() {
                // Two ids that differ only in unsafe characters (or in masked personal data) get
                // distinct names, never one file.
                let base = QBRFileName.of(mask.apply(id))
                var stem = base
                var n = 2
                while !used.insert(stem).inserted {
                    stem = "\(base)_\(n)"
                    n += 1
                }
                let (html, xlsx) = (settings.qbr.html ? "qbr/\(stem).html" : nil, settings.qbr.xlsx ? "qbr/\(stem).xlsx" : nil)
                // One job per account: its report is built once for the page and the workbook.
                jobs.append(ReportJob(names: [html, xlsx].compactMap { $0 }) { publisher throws(RunError) in
                    let report = qbr.report(k)
                    if let html { try publisher.write(html, QBRPage(report: report).render()) }
                    if let xlsx {
                        try ReportJob.writeWorkbook(xlsx, to: publisher) { path throws(WorkbookError) in
                            try QBRWorkbook(report: report, asOf: asOfInstant, mask: mask).write(to: path)
                        }
                    }
                })
            }
        }
        jobs.sort { $0.names[0] < $1.names[0] }
        try Self.writeAll(jobs, to: publisher, jobs: options.jobs)
        let written = jobs.flatMap(\.names).sorted()
        finish(.report, since: started, rows: nil, detail: "\(written.count + 1) files")
        let manifest = RunManifest(pipeline: pipelineName, pipelineSHA256: pipelineSHA256, period: month, asOf: asOf,
                                   currency: currency, timeZone: configuration.timeZone.identifier, inputs: inputs,
                                   missingSources: missing, files: written, stages: stages)
        try publisher.write("run.json", manifest.render())
        if Failpoint.beforePublish.isActive {
            throw .failed("injected failure before publishing (PULSE_FAILPOINT=before-publish); nothing was published")
        }
        return written

    }

    /// Publish: record the results in the warehouse, then swap the new set in.
    private mutating func publish(_ loaded: Loaded, _ transformed: TransformResult, publisher: ReportPublisher,
                                  destination: URL) throws(RunError) {
        // Publish: record the results, then swap the new set in.
        let started = clock.now()
        let accounts = loaded.data.accounts
        let month = period.month.description
        let alertRules = configuration.alerts
        do {
            let snapshots = AccountsFile.snapshots(accounts: accounts, revenue: transformed.revenue, facts: transformed.facts)
            try warehouse.write { db in
                for past in transformed.history {
                    try ResultStore.record(past.figures, period: past.month.description, runID: runID, in: db)
                }
                try ResultStore.record(transformed.figures, period: month, runID: runID, in: db)
                try ResultStore.record(snapshots: snapshots, period: month, runID: runID, in: db)
                try ResultStore.record(alerts: transformed.alerts, accounts: accounts, rules: alertRules, period: month, runID: runID, in: db)
            }
        } catch {
            throw .failed(error.description)
        }
        try publisher.publish()
        finish(.publish, since: started, rows: nil, detail: destination.path)
    }

    /// Records a finished stage and reports it.
    private mutating func finish(_ stage: RunStage, since start: UInt64, rows: Int?, detail: String) {
        let nanoseconds = clock.now() - start
        let timing = StageTiming(stage: stage, milliseconds: Int(nanoseconds / 1_000_000), rows: rows)
        stages.append(timing)
        let seconds = Double(nanoseconds) / 1e9
        var line = "\(stage.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(String(format: "%7.2f s", seconds))  \(detail)"
        if let rows, rows > 0 {
            line += ", \(rows) rows"
            if seconds > 0.001, stage == .extract || stage == .load {
                line += String(format: " (%.0f rows/s)", Double(rows) / seconds)
            }
        }
        progress?(line)
        var metadata: Logger.Metadata = ["stage": "\(stage.rawValue)", "duration_ms": "\(timing.milliseconds)", "detail": "\(detail)"]
        if let rows { metadata["rows"] = "\(rows)" }
        logger.info("stage finished", metadata: metadata)
    }

    /// The ledger records of the snapshot files read this run.
    private static func snapshotRecords(_ loads: [SourceLoad], log: IngestLog, fingerprints: [String: FileFingerprint]) -> [LoadRecord] {
        var quarantinedLines: [String: Set<Int>] = [:]
        var warnedLines: [String: Set<Int>] = [:]
        for issue in log.quarantined { quarantinedLines["\(issue.source.name)/\(issue.file)", default: []].insert(issue.line) }
        for issue in log.warnings { warnedLines["\(issue.source.name)/\(issue.file)", default: []].insert(issue.line) }
        return loads.flatMap { load in
            load.files.map { file in
                let key = "\(load.source.name)/\(file.path)"
                let quarantined = quarantinedLines[key]?.count ?? 0
                return LoadRecord(source: load.source, mode: .snapshot, path: file.path,
                                  fingerprint: fingerprints[file.path] ?? FileFingerprint(bytes: file.bytes, sha256: ""),
                                  encoding: file.encoding.description, rowsRead: file.rowsRead,
                                  rowsLoaded: file.rowsRead - quarantined, rowsQuarantined: quarantined,
                                  rowsWithWarnings: warnedLines[key]?.count ?? 0, readThisRun: true)
            }
        }
    }

    /// Runs the report jobs, at most `jobs` at once; the first failure in job order is thrown.
    private static func writeAll(_ reports: [ReportJob], to publisher: ReportPublisher, jobs: Int) throws(RunError) {
        let errors = ErrorSlot()
        ParallelLoop.run(reports.count, jobs: jobs) { k in
            do throws(RunError) { try reports[k].write(publisher) } catch { errors.set(k, error) }
        }
        if let error = errors.first { throw error }
    }
}

/// The first failure among concurrent writes (by file order, so the message does not depend on timing).
private final class ErrorSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Int: RunError] = [:]

    func set(_ index: Int, _ error: RunError) { lock.withLock { errors[index] = error } }

    var first: RunError? { lock.withLock { errors.keys.min().map { errors[$0]! } } }
}
