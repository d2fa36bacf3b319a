import Tabular

/// The company adoption metrics of docs/metrics.md §5 per scope, over the accounts paying in M:
/// `active_account_rate`, `mau_total`, `license_utilization`, `stickiness`, `feature_adoption.<feature>`.
enum AdoptionFamily {
    /// The family's name, for logs.
    static let name = "adoption"
    /// The event sources its figures are computed from.
    static let sources: [CanonicalSource] = [.usageEvents]

    /// The figures of every scope; all undefined without a usage source (docs/metrics.md §5.9).
    static func figures(adoption: [AccountAdoption?], accounts: [Account], keyFeatures: [String], usageLoaded: Bool,
                        scopes: ScopeMembership) -> KPITable {
        struct Totals {
            var paying = 0, active = 0, mau = 0, mauWithSeats = 0, seats = 0
            var dauAverage = 0.0
            var featureAccounts: [Int]
        }
        var totals = [Totals](repeating: Totals(featureAccounts: [Int](repeating: 0, count: keyFeatures.count)),
                              count: scopes.names.count)
        for (a, facts) in adoption.enumerated() {
            guard let facts else { continue }   // not paying in M
            for s in scopes.scopes(ofPosition: a) {
                totals[s].paying += 1
                if facts.mau > 0 { totals[s].active += 1 }
                totals[s].mau += facts.mau
                totals[s].dauAverage += facts.dauAverage
                if let seats = accounts[a].seats, seats > 0 {
                    totals[s].seats += seats
                    totals[s].mauWithSeats += facts.mau
                }
                for k in keyFeatures.indices where facts.features & (1 << UInt64(k)) != 0 { totals[s].featureAccounts[k] += 1 }
            }
        }
        func ratio(_ a: Double, _ b: Double) -> FigureValue? { usageLoaded && b > 0 ? .number(a / b) : nil }
        var table = KPITable()
        for (s, scope) in scopes.names.enumerated() {
            let t = totals[s]
            var values: [(String, FigureValue?)] = [
                ("active_account_rate", ratio(Double(t.active), Double(t.paying))),
                ("mau_total", usageLoaded ? .count(t.mau) : nil),
                ("license_utilization", ratio(Double(t.mauWithSeats), Double(t.seats))),
                ("stickiness", ratio(t.dauAverage, Double(t.mau))),
            ]
            for (k, feature) in keyFeatures.enumerated() {
                values.append(("feature_adoption.\(feature)", ratio(Double(t.featureAccounts[k]), Double(t.paying))))
            }
            for (metric, value) in values { table.figures.append(KPITable.Figure(scope: scope, metric: metric, value: value)) }
        }
        return table
    }
}
