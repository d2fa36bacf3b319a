import Tabular

/// CSAT (with its Wilson interval), NPS and CES per scope (docs/metrics.md §4). Responses count in the month
/// of `responded_at`, and only before as-of.
enum VoiceOfCustomerFamily {
    /// The family's name, for logs.
    static let name = "voice of the customer"
    /// The event sources its figures are computed from.
    static let sources: [CanonicalSource] = [.csat, .nps, .ces]

    /// The figures of `input`'s month, every scope of `context`.
    static func figures(_ input: TransformInput, context: TransformContext) -> KPITable {
        let scopes = context.scopes
        let start = input.period.start
        let end = min(input.period.end, input.period.asOf)
        var totals = [SurveyTotals](repeating: SurveyTotals(), count: scopes.names.count)
        for response in input.data.csat where response.respondedAt >= start && response.respondedAt < end {
            for s in scopes.scopes(of: response.accountID) {
                totals[s].csatResponses += 1
                if response.score >= 4 { totals[s].csatSatisfied += 1 }
            }
        }
        for response in input.data.nps where response.respondedAt >= start && response.respondedAt < end {
            for s in scopes.scopes(of: response.accountID) {
                totals[s].npsResponses += 1
                switch response.score {
                case 9...: totals[s].promoters += 1
                case 7...8: totals[s].passives += 1
                default: totals[s].detractors += 1
                }
            }
        }
        for response in input.data.ces where response.respondedAt >= start && response.respondedAt < end {
            for s in scopes.scopes(of: response.accountID) {
                totals[s].cesResponses += 1
                totals[s].cesSum += response.score
            }
        }
        let (csat, nps, ces) = (input.data.isLoaded(.csat), input.data.isLoaded(.nps), input.data.isLoaded(.ces))
        var table = KPITable()
        for (s, scope) in scopes.names.enumerated() {
            for (metric, value) in totals[s].values(csatLoaded: csat, npsLoaded: nps, cesLoaded: ces) {
                table.figures.append(KPITable.Figure(scope: scope, metric: metric, value: value))
            }
        }
        return table
    }
}
