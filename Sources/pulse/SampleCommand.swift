import ArgumentParser
import Foundation
import PulseKit
import PulseSample

/// `pulse sample --out DIR`: writes a realistic synthetic data folder.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a realistic synthetic data folder of the canonical shape (same seed, same bytes)."
    )

    @Option(name: .long, help: "The folder to write (created if missing; existing sample files are replaced).")
    var out: String

    @Option(name: .long, help: "How many accounts.")
    var accounts: Int = 200

    @Option(name: .long, help: "How many months of history, ending with --end-month.")
    var months: Int = 24

    @Option(name: .long, help: "The random seed: the same seed writes the same bytes.")
    var seed: UInt64 = 1

    @Option(name: .customLong("end-month"), help: "The last month with data, YYYY-MM.")
    var endMonth: String = "2026-10"

    func validate() throws {
        guard accounts > 0 && accounts <= 10_000_000 else { throw ValidationError("--accounts must be between 1 and 10000000") }
        guard months > 0 && months <= 240 else { throw ValidationError("--months must be between 1 and 240") }
        guard YearMonth(endMonth) != nil else { throw ValidationError("--end-month must be YYYY-MM, got \(endMonth)") }
    }

    func run() throws {
        let end = YearMonth(endMonth)!
        let settings = SampleSettings(accounts: accounts, months: months, seed: seed, endMonth: (end.year, end.month))
        let summary = try SampleGenerator(settings: settings).write(to: URL(fileURLWithPath: out))
        for file in summary.files {
            print("\(file.path)\t\(file.rows) rows\t\(file.bytes) bytes")
        }
    }
}
