import Tabular

/// The counts behind the voice-of-the-customer metrics of one scope and month (docs/metrics.md §4).
struct SurveyTotals: Equatable {
    /// CSAT responses.
    var csatResponses = 0
    /// CSAT responses rating 4 or 5.
    var csatSatisfied = 0
    /// NPS responses.
    var npsResponses = 0
    /// NPS scores 9–10.
    var promoters = 0
    /// NPS scores 7–8.
    var passives = 0
    /// NPS scores 0–6.
    var detractors = 0
    /// CES responses.
    var cesResponses = 0
    /// Σ CES scores.
    var cesSum = 0

    /// The metric names, in the order they are written.
    static let names = [
        "csat", "csat_responses", "csat_ci_low", "csat_ci_high", "nps", "nps_responses", "nps_promoters",
        "nps_passives", "nps_detractors", "ces", "ces_responses",
    ]

    /// Every metric as written; the metrics of a missing source are undefined, counts included
    /// (docs/metrics.md §0.14).
    func values(csatLoaded: Bool, npsLoaded: Bool, cesLoaded: Bool) -> [(String, FigureValue?)] {
        func count(_ n: Int, _ loaded: Bool) -> FigureValue? { loaded ? .count(n) : nil }
        let wilson = WilsonInterval(successes: csatSatisfied, n: csatResponses)
        var values: [(String, FigureValue?)] = []
        values.append(("csat", csatLoaded ? .defined(csatSatisfied, over: csatResponses) : nil))
        values.append(("csat_responses", count(csatResponses, csatLoaded)))
        values.append(("csat_ci_low", csatLoaded ? wilson.map { .number($0.low) } : nil))
        values.append(("csat_ci_high", csatLoaded ? wilson.map { .number($0.high) } : nil))
        values.append(("nps", npsLoaded && npsResponses > 0
                        ? .number(100 * Double(promoters - detractors) / Double(npsResponses)) : nil))
        values.append(("nps_responses", count(npsResponses, npsLoaded)))
        values.append(("nps_promoters", count(promoters, npsLoaded)))
        values.append(("nps_passives", count(passives, npsLoaded)))
        values.append(("nps_detractors", count(detractors, npsLoaded)))
        values.append(("ces", cesLoaded ? .defined(cesSum, over: cesResponses) : nil))
        values.append(("ces_responses", count(cesResponses, cesLoaded)))
        return values
    }
}
