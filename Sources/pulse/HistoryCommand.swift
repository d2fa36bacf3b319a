import ArgumentParser
import Foundation
import PulseKit

/// `pulse history PIPELINE`: past runs from the warehouse's run ledger, newest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List past runs: period, as-of, status, input fingerprints, duration.",
        discussion: "Reads the run ledger of the pipeline's warehouse; nothing is recomputed."
    )

    @Argument(help: "The pipeline file, e.g. pipelines/monthly-kpi.yml.")
    var pipeline: String

    @Option(name: .long, help: "The folder reports go under (default: reports/); the warehouse is there unless the pipeline names one.")
    var out: String?

    @Option(name: .long, help: "Show at most this many runs.")
    var limit: Int?

    @Flag(name: .long, help: "List every input file of each run with its SHA-256.")
    var inputs = false

    func run() throws {
        do throws(RunError) {
            let runs = try RunHistory.load(pipeline: pipeline, out: out, limit: limit)
            print(RunHistory.render(runs, inputs: inputs), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("pulse history: \(error.description)\n".utf8))
            throw ExitCode(error.exitCode)
        }
    }
}
