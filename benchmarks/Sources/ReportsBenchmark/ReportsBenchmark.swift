import Foundation
import PulseKit

/// Times the KPI review's Accounts sheet: `rows` rows taken from a real `accounts.csv` (repeated when
/// it has fewer) written into a new constant-memory workbook, closed, with the run's own code.
///
///     swift run -c release reports-benchmark OUT/2026-10/accounts.csv [rows] [repeats]
@main
struct ReportsBenchmark {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let csv = arguments.first else {
            print("usage: reports-benchmark ACCOUNTS_CSV [rows] [repeats]")
            exit(2)
        }
        let count = arguments.count > 1 ? Int(arguments[1]) ?? 50_000 : 50_000
        let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
        let rows = try ReportBenchmarks.accountRows(csv: csv, count: count)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reports-benchmark-\(getpid()).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var best = Duration.seconds(1_000)
        for k in 1...repeats {
            let elapsed = try ContinuousClock().measure { try ReportBenchmarks.writeAccountsSheet(rows, currency: "JPY", to: path) }
            best = min(best, elapsed)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            print("run \(k): Accounts sheet \(rows.rows.count) rows × \(rows.columns.count) columns in \(elapsed) (\(size) bytes)")
        }
        print("best: \(best)")
    }
}
