import Tabular

/// The company health metrics of docs/metrics.md §7 per scope, over the accounts paying in M:
/// `health_avg` (mean final score over accounts with a score) and the counts by final band.
enum HealthFamily {
    /// The metric names, in written order.
    /// The family's name, for logs.
    static let name = "health"
    /// The event sources its components read (a month before all of them is not covered).
    static let sources: [CanonicalSource] = [.usageEvents, .tickets, .nps, .csat]

    static let names = ["health_avg", "health_green", "health_yellow", "health_red", "health_unknown"]

    /// The figures of every scope.
    static func figures(_ facts: [AccountFacts], scopes: ScopeMembership) -> KPITable {
        var sums = [(scores: [ExactNumber], bands: [Int])](repeating: ([], [0, 0, 0, 0]), count: scopes.names.count)
        let order: [HealthBand] = [.green, .yellow, .red, .unknown]
        for (a, account) in facts.enumerated() where account.isPaying {
            for s in scopes.scopes(ofPosition: a) {
                if let score = account.finalExactScore { sums[s].scores.append(score) }
                sums[s].bands[order.firstIndex(of: account.finalBand)!] += 1
            }
        }
        var table = KPITable()
        for (s, scope) in scopes.names.enumerated() {
            // The mean of the exact final scores, rounded once (docs/metrics.md §7.3).
            let average = ExactNumber.mean(of: sums[s].scores).map(FigureValue.number)
            table.figures.append(KPITable.Figure(scope: scope, metric: "health_avg", value: average))
            for (k, band) in order.enumerated() {
                table.figures.append(KPITable.Figure(scope: scope, metric: "health_\(band.rawValue)", value: .count(sums[s].bands[k])))
            }
        }
        return table
    }
}
