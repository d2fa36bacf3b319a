import SVGCharts

/// The KPI review's charts of the last twelve months, each with a table of the numbers it draws.
struct KPIReviewCharts {
    let review: KPIReview

    /// The charts in page order.
    func charts() -> [ReportPage.Chart] {
        let v = ReportVocabulary(review.header.language)
        let n = DisplayNumber(currency: review.header.currency, language: review.header.language)
        let history = review.history
        let labels = history.labels
        let money: @Sendable (Double) -> String = { n.compactMoney($0) }
        let percent: @Sendable (Double) -> String = { n.text($0, unit: .rate) }
        let count: @Sendable (Double) -> String = { n.text($0, unit: .count) }
        let score: @Sendable (Double) -> String = { n.text($0, unit: .score) }
        let span = "\(labels.first ?? "") – \(labels.last ?? "")"
        var charts: [ReportPage.Chart] = []

        // The MRR bridge of M.
        let bridge: [(String, String, Double, WaterfallStep.Kind)] = [
            ("start", "mrr_start", 1, .total), ("new", "new_mrr", 1, .change), ("reactivation", "reactivation_mrr", 1, .change),
            ("expansion", "expansion_mrr", 1, .change), ("contraction", "contraction_mrr", -1, .change),
            ("churn", "churned_mrr", -1, .change), ("end", "mrr_end", 1, .total),
        ]
        let steps = bridge.map { WaterfallStep(label: v[$0.0], value: (review.value($0.1) ?? 0) * $0.2, kind: $0.3) }
        charts.append(ReportPage.Chart(
            svg: WaterfallChart(frame: ChartFrame(id: "mrr-bridge", title: "\(v["mrr_bridge"]) \(review.header.period)",
                                                  description: bridge.map { "\(v[$0.0]) \(n.text(review.value($0.1), unit: .money))" }.joined(separator: ", ")),
                                steps: steps, format: money,
                                legendNames: .init(total: v["total"], increase: v["increase"], decrease: v["decrease"])).svg(),
            table: ReportPage.Table(id: "mrr-bridge-data", caption: v["mrr_bridge"], headers: [v["movement"], v["amount"]],
                                    rows: bridge.map { step in
                                        ReportPage.Row(cells: [.text(v[step.0]), figureCell(step.1, n)])
                                    })))

        func historyChart(_ id: String, _ title: String, lines: [String], bars: [String] = [], stacked: [(String, Double)] = [],
                          colors: [String: String] = [:], format: @escaping @Sendable (Double) -> String,
                          barFormat: (@Sendable (Double) -> String)? = nil, target: String? = nil) -> ReportPage.Chart {
            let frame = ChartFrame(id: id, title: title, description: "\(title), \(span)")
            let svg: String
            if !stacked.isEmpty {
                svg = StackedBarChart(frame: frame, categories: labels,
                                      series: stacked.map { entry in
                                          ChartSeries(name: v.metric(entry.0), values: history.series(entry.0).map { $0.map { $0 * entry.1 } },
                                                      color: colors[entry.0])
                                      },
                                      format: format).svg()
            } else {
                let reference = target.flatMap { metric in review.targets[metric].map { (label: v["target"], value: $0) } }
                svg = LineChart(frame: frame, categories: labels,
                                lines: lines.map { ChartSeries(name: v.metric($0), values: history.series($0)) },
                                bars: bars.first.map { ChartSeries(name: v.metric($0), values: history.series($0)) },
                                format: format, barFormat: barFormat, referenceLine: reference).svg()
            }
            let metrics = stacked.isEmpty ? bars + lines : stacked.map(\.0)
            let rows = history.months.indices.map { k in
                ReportPage.Row(cells: [.text(labels[k])] + metrics.map { metric in
                    ReportPage.Cell.number(n.text(history.value(metric, month: k), unit: MetricUnit.of(metric)))
                })
            }
            return ReportPage.Chart(svg: svg, table: ReportPage.Table(id: "\(id)-data", caption: title,
                                                                       headers: [v["month"]] + metrics.map { v.metric($0) }, rows: rows))
        }
        charts.append(historyChart("mrr-movements", v["mrr_movements"], lines: [],
                                   stacked: [("new_mrr", 1), ("reactivation_mrr", 1), ("expansion_mrr", 1), ("contraction_mrr", -1), ("churned_mrr", -1)],
                                   format: money))
        charts.append(historyChart("retention", v["retention"], lines: ["nrr", "grr", "nrr_ttm", "grr_ttm"], format: percent, target: "nrr"))
        charts.append(historyChart("csat", v["csat_trend"], lines: ["csat"], bars: ["csat_responses"], format: percent, barFormat: count, target: "csat"))
        charts.append(historyChart("nps", v["nps_trend"], lines: ["nps"], bars: ["nps_responses"], format: score, barFormat: count, target: "nps"))
        charts.append(historyChart("support", v["support_trend"], lines: ["sla_first_response_compliance", "sla_resolution_compliance"],
                                   bars: ["tickets_created"], format: percent, barFormat: count, target: "sla_first_response_compliance"))
        charts.append(historyChart("usage", v["usage_trend"], lines: ["license_utilization"], bars: ["mau_total"], format: percent, barFormat: count,
                                   target: "license_utilization"))
        charts.append(historyChart("health", v["health_trend"], lines: [],
                                   stacked: [("health_green", 1), ("health_yellow", 1), ("health_red", 1), ("health_unknown", 1)],
                                   colors: Self.bandColors, format: count))
        return charts
    }

    /// Health bands in their own colours (Okabe–Ito bluish green, orange, vermillion, grey), so that a
    /// band never takes another band's colour; the legend names them too.
    static let bandColors = ["health_green": "#009E73", "health_yellow": "#E69F00", "health_red": "#D55E00", "health_unknown": "#A0A0A0"]

    /// A cell showing M's company value of `metric`, carrying the written value.
    private func figureCell(_ metric: String, _ n: DisplayNumber) -> ReportPage.Cell {
        ReportPage.Cell(text: n.text(review.value(metric), unit: MetricUnit.of(metric)), numeric: true, metric: metric,
                        scope: "company", raw: review.text(metric) ?? "")
    }
}
