import ArgumentParser
import Foundation
import PulseKit

/// The `pulse` command: customer-success KPIs from CRM, helpdesk, survey and product exports.
@main
struct PulseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pulse",
        abstract: "Customer-success KPIs, health scores and reports from CRM, helpdesk, survey and product exports.",
        version: PulseKit.version,
        subcommands: [RunCommand.self, ValidateCommand.self, SampleCommand.self, ExplainCommand.self, HistoryCommand.self]
    )

    /// Parses and runs a command; a bad command line exits 2 (docs/operations.md, "Exit codes"), not
    /// ArgumentParser's 64.
    static func main() {
        // A file that outgrows `ulimit -f` (or a closed pipe) is a write error to report, not a
        // signal that kills the run without a word.
        signal(SIGXFSZ, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
