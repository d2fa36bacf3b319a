import ArgumentParser
import Foundation
import Logging
import PulseKit

/// `pulse run PIPELINE`: the whole monthly pipeline, published atomically under `OUT/M`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the whole pipeline for one month and publish its reports.",
        discussion: """
        Extracts every source, loads the warehouse, computes the metrics and publishes the report \
        set under OUT/YYYY-MM atomically. Exit codes: 0 published; 1 the run failed (nothing was \
        published); 2 bad command line or pipeline file; 3 data-quality threshold exceeded (nothing \
        was published); 4 another run holds the warehouse's lock.
        """
    )

    @Argument(help: "The pipeline file, e.g. pipelines/monthly-kpi.yml.")
    var pipeline: String

    @Option(name: .long, help: "The reporting month, YYYY-MM (default: the last complete month in the pipeline's time zone).")
    var period: String?

    @Option(name: .customLong("as-of"), help: "The instant to report at, e.g. 2026-11-01T00:00:00+09:00 (default: the end of the period).")
    var asOf: String?

    @Option(name: .long, help: "The folder the pipeline's source paths start from (default: the pipeline's `data`).")
    var data: String?

    @Option(name: .long, help: "The folder reports go under (default: reports/).")
    var out: String?

    @Option(name: .long, help: "How many work items run at once (default: all cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Print no progress.")
    var quiet = false

    @Option(name: .customLong("log-format"), help: "text or json (one JSON object per line on standard error).")
    var logFormat: String = "text"

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        guard logFormat == "text" || logFormat == "json" else {
            throw ValidationError("--log-format must be text or json, got \"\(logFormat)\"")
        }
    }

    func run() throws {
        // Reports, the warehouse and its -wal/-shm files hold customer data: nothing the run
        // creates is readable by others (files 0640, folders 0750 at most).
        umask(0o027)
        let json = logFormat == "json"
        LoggingSystem.bootstrap { label in
            if json { return JSONLogHandler(label: label) }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let onTerminal = isatty(STDERR_FILENO) == 1
        var progress: (@Sendable (String) -> Void)?
        if !quiet && !json && onTerminal {
            progress = { line in FileHandle.standardError.write(Data("pulse run: \(line)\n".utf8)) }
        }
        let options = RunOptions(pipeline: pipeline, period: period, asOf: asOf, data: data, out: out,
                                 jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        do throws(RunError) {
            let result = try PipelineRunner(options: options, progress: progress, logger: Logger(label: "pulse.run")).run()
            if !quiet && !json {
                print("published \(result.folder.path) (\(result.files.count) files, period \(result.period.month), as of \(result.period.asOfText))")
            }
        } catch {
            if json {
                Logger(label: "pulse.run").error("run failed", metadata: ["exit_code": "\(error.exitCode)", "reason": "\(error.description)"])
            } else {
                FileHandle.standardError.write(Data("pulse run: \(error.description)\n".utf8))
            }
            throw ExitCode(error.exitCode)
        }
    }
}
