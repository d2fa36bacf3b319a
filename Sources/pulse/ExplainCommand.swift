import ArgumentParser
import Foundation
import PulseKit

/// `pulse explain ACCOUNT_ID PIPELINE`: an account's health score breakdown, its alerts and the facts
/// behind them.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain an account's health score, its alerts and the facts behind them.",
        discussion: "Reads the pipeline's current input files and computes the month; nothing is written or published."
    )

    @Argument(help: "The account id, as in the accounts file.")
    var accountID: String

    @Argument(help: "The pipeline file, e.g. pipelines/monthly-kpi.yml.")
    var pipeline: String

    @Option(name: .long, help: "The month, YYYY-MM (default: the last complete month in the pipeline's time zone).")
    var period: String?

    @Option(name: .long, help: "The instant to report at (default: the end of the month).")
    var asOf: String?

    @Option(name: .long, help: "The folder the pipeline's relative source paths start from.")
    var data: String?

    func run() throws {
        let options = RunOptions(pipeline: pipeline, period: period, asOf: asOf, data: data, jobs: 2, now: Date())
        switch AccountExplanation.explain(accountID: accountID, options: options) {
        case .success(let text):
            print(text, terminator: "")
        case .failure(let error):
            FileHandle.standardError.write(Data("pulse explain: \(error.description)\n".utf8))
            throw ExitCode(error.exitCode)
        }
    }
}
