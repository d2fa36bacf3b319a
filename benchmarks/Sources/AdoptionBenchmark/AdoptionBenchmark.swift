import Foundation
import PulseKit
import Tabular

/// Times adoption facts from raw usage events, parse included: reading `product/usage_events.csv` of a
/// data folder with `--jobs` threads while every event of M−2…M is aggregated per account and user, then
/// every account's usage. Run it under `/usr/bin/time -v` for peak memory.
///
///     swift run -c release adoption-benchmark DATA_FOLDER [--period YYYY-MM] [--jobs N]
@main
struct AdoptionBenchmark {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard !arguments.isEmpty else {
            print("usage: adoption-benchmark DATA_FOLDER [--period YYYY-MM] [--jobs N]")
            return
        }
        let folder = URL(fileURLWithPath: arguments.removeFirst())
        var period = "2026-10"
        var jobs = 2
        while arguments.count >= 2 {
            let option = arguments.removeFirst(), value = arguments.removeFirst()
            if option == "--period" { period = value }
            if option == "--jobs" { jobs = Int(value) ?? jobs }
        }
        let configuration = try PipelineConfiguration.parse(yaml: "name: bench\n", file: "bench.yml", directory: folder)
        let month = try ReportingPeriod.resolve(period: period, asOf: nil, timeZone: configuration.timeZone, now: Date())
        let context = IngestContext(dataDirectory: folder, timeZone: configuration.timeZone, currency: configuration.currency, jobs: jobs)
        let started = ContinuousClock.now
        var activity = UsageActivity(period: month, configuration: configuration)
        let data = try Extractor(context: context, settings: configuration.sources, sources: [.usageEvents])
            .run { activity.record($0, names: $1) }
        let parsed = started.duration(to: .now)
        let accounts = activity.accounts()
        let total = started.duration(to: .now)
        let mau = accounts.values.reduce(0) { $0 + $1.mau[0] }
        print("usage rows \(data.usage.rows), events \(data.usage.events), jobs \(jobs)")
        print("parse + aggregate \(parsed), with per-account usage \(total); \(accounts.count) active accounts in \(period), Σ MAU \(mau)")
    }
}
