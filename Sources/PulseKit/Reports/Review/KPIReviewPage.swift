import Mustache
import SVGCharts
import Tabular

/// `kpi-review.html`: the monthly KPI review as one self-contained page (inline CSS and SVG, no
/// network fetch, no script), in the pipeline's language, printable on A4.
struct KPIReviewPage {
    let review: KPIReview

    /// The metrics of the headline tiles, in order (the health distribution follows them).
    static let tileMetrics = ["mrr_end", "arr_end", "nrr", "grr", "logo_churn_rate", "csat", "nps", "sla_first_response_compliance"]

    /// The colour class of a change: `better`, `worse`, or none when unchanged, undefined or neither
    /// good nor bad news (``MetricCatalog/Direction/neutral``). The arrow and sign say the direction;
    /// the colour only repeats whether it is good news.
    static func verdict(_ change: String?, direction: MetricCatalog.Direction) -> String {
        let rose = change?.hasPrefix("▲") == true
        let fell = change?.hasPrefix("▼") == true
        guard rose || fell, direction != .neutral else { return "" }
        return rose == (direction == .higherIsBetter) ? "better" : "worse"
    }

    /// Rendered page bytes.
    func render() -> [UInt8] {
        ReportPage.render(view(), with: Self.library)
    }

    private static let library = ReportPage.library(body: template)

    // MARK: - The view

    private struct TileView {
        var label: String
        var metric: String
        var raw: String
        var display: String
        var flag: Bool
        var previous: String
        var change: String
        var direction: String
        var target: String
        var sparkline: String
    }

    private struct BandView {
        var name: String
        var metric: String
        var raw: String
        var display: String
        var change: String
    }

    private struct HealthView {
        var label: String
        var bands: [BandView]
    }

    private struct SectionView {
        var title: String
        var tables: [ReportPage.Table]
        var link: LinkView?
    }

    private struct LinkView {
        var href: String
        var text: String
    }

    private struct StaleView {
        var label: String
        var sources: [String]
    }

    private struct InputView {
        var source: String
        var path: String
        var sha256: String
    }

    private struct View {
        var lang: String
        var title: String
        var version: String
        var css: String
        var subtitle: String
        var headlineLabel: String
        var stale: StaleView?
        var tiles: [TileView]
        var health: HealthView
        var smallSampleNote: String?
        var chartsLabel: String
        var historyNote: String
        var charts: [ReportPage.Chart]
        var sections: [SectionView]
        var footer: [String]
        var inputsLabel: String
        var inputs: [InputView]
    }

    private func view() -> View {
        let v = ReportVocabulary(review.header.language)
        let n = DisplayNumber(currency: review.header.currency, language: review.header.language)
        let header = review.header
        var flagged = false
        let tiles = Self.tileMetrics.map { metric -> TileView in
            let unit = MetricUnit.of(metric)
            let current = review.value(metric)
            let previous = review.previousValue(metric)
            let change = n.change(from: previous, to: current, unit: unit)
            let flag = review.smallSampleSize(metric) != nil
            flagged = flagged || flag
            var display = n.text(current, unit: unit)
            if let responses = ["csat": "csat_responses", "nps": "nps_responses"][metric] {
                display += " (n = \(n.text(review.value(responses), unit: .count)))"
            }
            let k = review.history.months.count
            let series = metric == "arr_end" ? review.history.series("mrr_end").map { $0.map { $0 * 12 } } : review.history.series(metric)
            return TileView(label: v.metric(metric), metric: metric, raw: review.text(metric) ?? "", display: display, flag: flag,
                            previous: v["previous"] + ": " + n.text(previous, unit: unit),
                            change: v["change"] + ": " + (change ?? DisplayNumber.undefined),
                            direction: Self.verdict(change, direction: MetricCatalog.definition(of: metric)?.direction ?? .neutral),
                            target: v["target"] + ": " + (review.targets[metric].map { n.text($0, unit: unit) } ?? v["no_target"]),
                            sparkline: k > 1 ? SparklineChart(values: series).svg() : "")
        }
        let bands = KPIReview.bands.map { band -> BandView in
            let metric = "health_\(band.rawValue)"
            return BandView(name: v[band.rawValue], metric: metric, raw: review.text(metric) ?? "",
                            display: n.text(review.value(metric), unit: .count),
                            change: n.change(from: review.previousValue(metric), to: review.value(metric), unit: .count) ?? DisplayNumber.undefined)
        }
        let footer = [
            "\(v["pipeline"]): \(header.pipeline)",
            "\(v["period"]): \(header.period)",
            "\(v["as_of"]): \(header.asOf)",
            "\(v["version"]): \(header.version)",
            "\(v["pipeline_sha256"]): \(header.pipelineSHA256)",
        ]
        return View(
            lang: header.language.rawValue,
            title: "\(v["kpi_review"]) — \(header.period)",
            version: header.version, css: ReportPage.css,
            subtitle: "\(header.pipeline) · \(v["period"]) \(header.period) · \(v["as_of"]) \(header.asOf) · \(header.currency)",
            headlineLabel: v["headline"],
            stale: review.stale.isEmpty ? nil : StaleView(label: v["stale_exports"], sources: review.stale.map { "\($0.source.name): \($0.reason)" }),
            tiles: tiles, health: HealthView(label: v["health_distribution"], bands: bands),
            smallSampleNote: flagged ? v["small_sample_note"] : nil,
            chartsLabel: v["charts"], historyNote: v["history_note"],
            charts: KPIReviewCharts(review: review).charts(),
            sections: sections(v, n), footer: footer, inputsLabel: v["inputs"],
            inputs: review.inputs.map { InputView(source: $0.source.name, path: $0.path, sha256: $0.fingerprint.sha256) })
    }

    private func sections(_ v: ReportVocabulary, _ n: DisplayNumber) -> [SectionView] {
        let tables = KPIReviewTables(review: review, vocabulary: v, numbers: n)
        return [
            SectionView(title: v["by_segment"], tables: [tables.bySegment(prefix: "tier:", id: "by-tier", caption: v["by_tier"]),
                                                         tables.bySegment(prefix: "plan:", id: "by-plan", caption: v["by_plan"])], link: nil),
            SectionView(title: v["support"], tables: [tables.supportByPriority(), tables.supportByCategory()], link: nil),
            SectionView(title: v["movements"], tables: [tables.movements(review.largestChurns, id: "largest-churns", caption: v["largest_churns"]),
                                                        tables.movements(review.largestExpansions, id: "largest-expansions", caption: v["largest_expansions"])],
                        link: nil),
            SectionView(title: v["health"], tables: [tables.bandMovement()], link: nil),
            SectionView(title: v["alerts"], tables: [tables.alerts(review.risks, id: "top-risks", caption: v["top_risks"]),
                                                     tables.alerts(review.opportunities, id: "top-opportunities", caption: v["top_opportunities"])],
                        link: nil),
            SectionView(title: v["onboarding"], tables: [tables.onboardingFigures(), tables.onboardingAccounts()], link: nil),
            SectionView(title: v["data_quality"], tables: [tables.dataQuality()],
                        link: LinkView(href: "data-quality.html", text: v["data_quality_link"])),
        ]
    }

    private static let template = """
        <body>
        <header><h1>{{title}}</h1><p class="sub">{{subtitle}}</p></header>
        <main>
        <section aria-labelledby="headline"><h2 id="headline">{{headlineLabel}}</h2>
        {{#stale}}<div class="alert" role="alert"><strong>{{label}}</strong><ul>{{#sources}}<li>{{.}}</li>{{/sources}}</ul></div>{{/stale}}
        <div class="tiles">
        {{#tiles}}<div class="tile"><h3>{{label}}</h3><p class="value" data-metric="{{metric}}" data-scope="company" data-value="{{raw}}">{{display}}{{#flag}}<span class="flag" title="n &lt; 30">*</span>{{/flag}}</p>
        <p class="meta">{{previous}}</p><p class="meta"><span class="{{direction}}">{{change}}</span></p><p class="meta">{{target}}</p>{{{sparkline}}}</div>
        {{/tiles}}{{#health}}<div class="tile"><h3>{{label}}</h3><ul>{{#bands}}<li>{{name}}: <span data-metric="{{metric}}" data-scope="company" data-value="{{raw}}">{{display}}</span> <span class="meta">{{change}}</span></li>{{/bands}}</ul></div>{{/health}}
        </div>
        {{#smallSampleNote}}<p class="note">{{.}}</p>{{/smallSampleNote}}
        </section>
        <section aria-labelledby="charts"><h2 id="charts">{{chartsLabel}}</h2><p class="note">{{historyNote}}</p>
        {{#charts}}<figure>{{{svg}}}{{#table}}{{> table}}{{/table}}</figure>
        {{/charts}}</section>
        {{#sections}}<section><h2>{{title}}</h2>
        {{#tables}}{{> table}}{{/tables}}
        {{#link}}<p><a href="{{href}}">{{text}}</a></p>{{/link}}
        </section>
        {{/sections}}
        </main>
        <footer>{{#footer}}<p>{{.}}</p>{{/footer}}
        <p>{{inputsLabel}}:</p><ul>{{#inputs}}<li>{{source}}: {{path}} <code>{{sha256}}</code></li>{{/inputs}}</ul>
        </footer>
        </body>
        </html>

        """
}
