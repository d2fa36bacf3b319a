import ArgumentParser
import Foundation
import PulseKit

/// `pulse run PIPELINE`: the whole monthly pipeline. Today it extracts and stops: the load,
/// transform and report stages arrive with their issues, and nothing is ever published with
/// numbers that were not computed.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the whole pipeline for one month and publish its reports.",
        discussion: "Today only the extract stage exists: the run reads and checks every input, then stops without publishing (exit 1)."
    )

    @Argument(help: "The pipeline file, e.g. pipelines/monthly-kpi.yml.")
    var pipeline: String

    @Option(name: .long, help: "The reporting month, YYYY-MM (default: the last complete month).")
    var period: String?

    @Option(name: .customLong("as-of"), help: "The instant to report at (default: the end of the period).")
    var asOf: String?

    @Option(name: .long, help: "The folder the pipeline's source paths start from (default: the pipeline's `data`).")
    var data: String?

    @Option(name: .long, help: "The folder reports go under (default: reports/).")
    var out: String?

    @Option(name: .long, help: "How many work items run at once (default: all cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Print no progress.")
    var quiet = false

    @Option(name: .customLong("log-format"), help: "text or json.")
    var logFormat: String = "text"

    func run() throws {
        let outcome = PipelineValidation.validate(pipeline: pipeline, data: data, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        switch outcome {
        case .failure(let error):
            FileHandle.standardError.write(Data("pulse run: \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        case .success(let report):
            if !quiet { FileHandle.standardError.write(Data(report.rendered().utf8)) }
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
            FileHandle.standardError.write(Data("""
                pulse run: extract finished; the load, transform and report stages are not built yet, \
                so nothing was published (use `pulse validate` to check inputs).

                """.utf8))
            throw ExitCode(1)
        }
    }
}
