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
    func values(csatLoaded: Bool, npsLoaded: Bool, cesLoaded: Bool) -> [(String, String?)] {
        func rate(_ numerator: Int, _ denominator: Int) -> String? { Ratio(numerator, denominator).text }
        let wilson = WilsonInterval(successes: csatSatisfied, n: csatResponses)
        var values: [(String, String?)] = []
        values.append(("csat", csatLoaded ? rate(csatSatisfied, csatResponses) : nil))
        values.append(("csat_responses", csatLoaded ? String(csatResponses) : nil))
        values.append(("csat_ci_low", csatLoaded ? wilson.map { NumberText.shortest($0.low) } : nil))
        values.append(("csat_ci_high", csatLoaded ? wilson.map { NumberText.shortest($0.high) } : nil))
        values.append(("nps", npsLoaded && npsResponses > 0
                        ? NumberText.shortest(100 * Double(promoters - detractors) / Double(npsResponses)) : nil))
        values.append(("nps_responses", npsLoaded ? String(npsResponses) : nil))
        values.append(("nps_promoters", npsLoaded ? String(promoters) : nil))
        values.append(("nps_passives", npsLoaded ? String(passives) : nil))
        values.append(("nps_detractors", npsLoaded ? String(detractors) : nil))
        values.append(("ces", cesLoaded ? rate(cesSum, cesResponses) : nil))
        values.append(("ces_responses", cesLoaded ? String(cesResponses) : nil))
        return values
    }
}
