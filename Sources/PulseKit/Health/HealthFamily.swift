import Tabular

/// The company health metrics of docs/metrics.md §7 per scope, over the accounts paying in M:
/// `health_avg` (mean final score over accounts with a score) and the counts by final band.
enum HealthFamily {
    /// The metric names, in written order.
    static let names = ["health_avg", "health_green", "health_yellow", "health_red", "health_unknown"]

    /// The figures of every scope.
    static func figures(_ facts: [AccountFacts], scopes: ScopeMembership) -> KPITable {
        var sums = [(total: Double, scored: Int, bands: [Int])](repeating: (0, 0, [0, 0, 0, 0]), count: scopes.names.count)
        let order: [HealthBand] = [.green, .yellow, .red, .unknown]
        for (a, account) in facts.enumerated() where account.isPaying {
            for s in scopes.scopes(ofPosition: a) {
                if let score = account.finalScore {
                    sums[s].total += score
                    sums[s].scored += 1
                }
                sums[s].bands[order.firstIndex(of: account.finalBand)!] += 1
            }
        }
        var table = KPITable()
        for (s, scope) in scopes.names.enumerated() {
            let average = sums[s].scored > 0 ? NumberText.shortest(sums[s].total / Double(sums[s].scored)) : nil
            table.figures.append(KPITable.Figure(scope: scope, metric: "health_avg", value: average))
            for (k, band) in order.enumerated() {
                table.figures.append(KPITable.Figure(scope: scope, metric: "health_\(band.rawValue)", value: String(sums[s].bands[k])))
            }
        }
        return table
    }
}
