import ArgumentParser
import PulseKit

/// The `pulse` command: customer-success KPIs from CRM, helpdesk, survey and product exports.
@main
struct PulseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pulse",
        abstract: "Customer-success KPIs, health scores and reports from CRM, helpdesk, survey and product exports.",
        version: PulseKit.version,
        subcommands: [RunCommand.self, ValidateCommand.self, SampleCommand.self, HistoryCommand.self]
    )
}
