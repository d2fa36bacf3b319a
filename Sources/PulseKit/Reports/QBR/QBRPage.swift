import Mustache
import SVGCharts
import Tabular

/// `qbr/ACCOUNT_ID.html`: one account's quarterly business review as a self-contained page (inline
/// CSS and SVG, no network fetch, no script), in the pipeline's language, printable on A4.
struct QBRPage {
    let report: QBRReport

    /// Rendered page bytes.
    func render() -> [UInt8] {
        ReportPage.render(view(), with: Self.library)
    }

    private static let library = ReportPage.library(body: template)

    private struct Section {
        var title: String
        var lines: [String]
        var charts: [ReportPage.Chart]
        var tables: [ReportPage.Table]
    }

    private struct View {
        var lang: String
        var title: String
        var version: String
        var css: String
        var subtitle: String
        var sections: [Section]
        var footer: [String]
    }

    private func view() -> View {
        let r = report
        let v = ReportVocabulary(r.header.language)
        let n = DisplayNumber(currency: r.header.currency, language: r.header.language)
        let f = r.facts
        let labels = r.months.map(\.description)
        let id = r.account.id   // SVGCharts keeps only [A-Za-z0-9_-] of a chart id
        func row(_ label: String, _ value: String) -> ReportPage.Row {
            ReportPage.Row(cells: [ReportPage.Cell(text: label, isHeader: true), .text(value)])
        }
        func series(_ values: [Double?], unit: MetricUnit) -> [ReportPage.Row] {
            labels.indices.map { k in ReportPage.Row(cells: [.text(labels[k]), .number(n.text(values[k], unit: unit))]) }
        }

        let profile = ReportPage.Table(id: "profile", caption: v["profile"], headers: [v["name"], v["value"]], rows: [
            row(v["account_id"], r.account.id), row(v["name"], r.account.name), row(v["plan"], r.account.plan), row(v["tier"], r.tier),
            row(v["csm"], r.account.csm ?? ""), row(v["seats"], r.account.seats.map { n.text(Double($0), unit: .count) } ?? DisplayNumber.undefined),
            row(v["renewal_date"], r.account.renewalDate?.description ?? DisplayNumber.undefined),
            row(v["days_to_renewal"], n.text(f.daysToRenewal.map(Double.init), unit: .days)),
        ])
        let mrr = r.mrr.map { Optional(Money.double($0)) }
        let money: @Sendable (Double) -> String = { n.compactMoney($0) }
        let percent: @Sendable (Double) -> String = { n.text($0, unit: .rate) }
        let count: @Sendable (Double) -> String = { n.text($0, unit: .count) }
        let score: @Sendable (Double) -> String = { n.text($0, unit: .score) }
        let span = "\(labels.first ?? "") – \(labels.last ?? "")"
        let mrrChart = ReportPage.Chart(
            svg: LineChart(frame: ChartFrame(id: "mrr-\(id)", title: v["mrr_history"], description: "\(v["mrr_history"]), \(span)"),
                           categories: labels, lines: [ChartSeries(name: v["mrr"], values: mrr)], format: money).svg(),
            table: ReportPage.Table(id: "mrr-history", caption: v["mrr_history"], headers: [v["month"], v["mrr"]], rows: series(mrr, unit: .money)))
        let usageChart = ReportPage.Chart(
            svg: LineChart(frame: ChartFrame(id: "usage-\(id)", title: v["usage_trend"], description: "\(v["usage_trend"]), \(span)"),
                           categories: labels, lines: [ChartSeries(name: v["license_utilization"], values: r.licenseUtilization)],
                           bars: ChartSeries(name: v["mau"], values: r.mau), format: percent, barFormat: count).svg(),
            table: ReportPage.Table(id: "usage-history", caption: v["usage_trend"], headers: [v["month"], v["mau"], v["license_utilization"]],
                                    rows: labels.indices.map { k in
                                        ReportPage.Row(cells: [.text(labels[k]), .number(n.text(r.mau[k], unit: .count)),
                                                               .number(n.text(r.licenseUtilization[k], unit: .rate))])
                                    }))
        let features = ReportPage.Table(id: "features", caption: v["feature_adoption"], headers: [v["feature"], v["status"]],
                                        rows: r.features.map { ReportPage.Row(cells: [.text($0.name), .text(v[$0.used ? "used" : "not_used"])]) })

        let ticketHeaders = [v["ticket"], v["created_at"], v["priority"], v["category"], v["first_response"], v["resolution"]]
        func ticketRows(_ list: [QBRReport.TicketRow]) -> [ReportPage.Row] {
            list.map { ReportPage.Row(cells: [.text($0.id), .text($0.createdAt), .text($0.priority), .text($0.category), .number($0.firstResponse), .number($0.resolution)]) }
        }
        let supportSummary = ReportPage.Table(id: "support-summary", caption: v["support"], headers: [v["metric"], v["value"]], rows: [
            row(v["ticket_volume"], n.text(Double(r.tickets.count), unit: .count)),
            row(v["tickets_90d"], n.text(f.tickets90d.map(Double.init), unit: .count)),
            row(v["sla_compliance_month"], n.text(r.slaCompliance, unit: .rate)),
            row(v["open_p1_p2"], n.text(Double(r.openUrgent.count), unit: .count)),
        ])
        let categories = ReportPage.Table(id: "categories", caption: v["top_categories"], headers: [v["category"], v["tickets"]],
                                          rows: r.categories.prefix(5).map { ReportPage.Row(cells: [.text($0.name), .number(n.text(Double($0.count), unit: .count))]) },
                                          note: r.categories.isEmpty ? v["none"] : nil)
        let open = ReportPage.Table(id: "open-urgent", caption: v["open_p1_p2"], headers: ticketHeaders, rows: ticketRows(r.openUrgent),
                                    note: r.openUrgent.isEmpty ? v["none"] : nil)
        let monthTickets = ReportPage.Table(id: "tickets", caption: "\(v["tickets"]) \(r.header.period)", headers: ticketHeaders,
                                            rows: ticketRows(r.tickets), note: r.tickets.isEmpty ? v["none"] : nil)

        let voice = ReportPage.Table(id: "voice", caption: v["survey"], headers: [v["metric"], v["value"]], rows: [
            row(v["csat_90d"], n.text(f.csat90d, unit: .rate)), row(v["account_nps"], n.text(f.accountNPS, unit: .score)),
        ])
        let comments = ReportPage.Table(id: "comments", caption: v["comments"], headers: [v["source"], v["responded_at"], v["score"], v["comments"]],
                                        rows: r.surveys.map { ReportPage.Row(cells: [.text($0.survey), .text($0.respondedAt), .number(String($0.score)), .text($0.comment)]) },
                                        note: r.surveys.isEmpty ? v["none"] : nil)

        var healthRows = [row(v["computed_score"], n.text(f.health?.score, unit: .score)), row(v["final_score"], n.text(f.finalScore, unit: .score)),
                          row(v["band"], v[f.finalBand.rawValue])]
        if let o = f.override {
            healthRows += [row(v["override"], o.score.map { "\($0)" } ?? o.band.map { v[$0.rawValue] } ?? ""), row(v["reason"], o.reason),
                           row(v["author"], o.author), row(v["expires_on"], o.expiresOn.description)]
        }
        let healthTable = ReportPage.Table(id: "health", caption: v["health"], headers: [v["metric"], v["value"]], rows: healthRows)
        let parts = f.health?.parts ?? []
        let components = ReportPage.Table(id: "components", caption: v["component"],
                                          headers: [v["component"], v["raw_value"], v["points"], v["weight"]],
                                          rows: r.model.components.enumerated().map { k, component in
                                              let part = k < parts.count ? parts[k] : nil
                                              return ReportPage.Row(cells: [.text(component.name.name),
                                                                            .number(n.text(part?.raw, unit: Self.unit(of: component.name))),
                                                                            .number(n.text(part?.points, unit: .score)),
                                                                            .number(NumberText.shortest(component.weight))])
                                          })
        let componentChart = BarChart(frame: ChartFrame(id: "components-\(id)", title: v["component"], description: v["component"]),
                                      labels: r.model.components.map(\.name.name),
                                      values: r.model.components.indices.map { $0 < parts.count ? parts[$0].points : nil },
                                      format: score, maximum: 100).svg()
        let healthChart = ReportPage.Chart(
            svg: LineChart(frame: ChartFrame(id: "health-\(id)", title: v["health_history"], description: "\(v["health_history"]), \(span)"),
                           categories: labels, lines: [ChartSeries(name: v["final_score"], values: r.healthScore)], format: score).svg(),
            table: ReportPage.Table(id: "health-history", caption: v["health_history"], headers: [v["month"], v["final_score"]],
                                    rows: series(r.healthScore, unit: .score)))
        let milestones = ReportPage.Table(id: "milestones", caption: v["milestones"], headers: [v["milestone"], v["due"], v["achieved"], v["status"]],
                                          rows: r.milestones.map { ReportPage.Row(cells: [.text($0.name), .text($0.due.description),
                                                                                         .text($0.achieved?.description ?? ""), .text(v[$0.status])]) })
        let alerts = ReportPage.Table(id: "alerts", caption: v["alerts"], headers: [v["rule"], v["kind"], v["status"], v["action"]],
                                      rows: r.alerts.map { ReportPage.Row(cells: [.code($0.ruleID), .code(v[$0.kind]), .code($0.status), .text($0.action)]) },
                                      note: r.alerts.isEmpty ? v["none"] : nil)
        return View(
            lang: r.header.language.rawValue,
            title: "\(v["qbr"]) — \(r.account.name)",
            version: r.header.version, css: ReportPage.css,
            subtitle: "\(v["prepared_for"]) \(r.account.name) · \(v["period"]) \(r.header.period) · \(v["as_of"]) \(r.header.asOf)",
            sections: [
                Section(title: v["profile"], lines: [], charts: [], tables: [profile]),
                Section(title: v["mrr_history"], lines: [], charts: [mrrChart], tables: []),
                Section(title: v["usage"], lines: [], charts: [usageChart], tables: [features]),
                Section(title: v["support"], lines: [], charts: [], tables: [supportSummary, categories, open, monthTickets]),
                Section(title: v["survey"], lines: [], charts: [], tables: [voice, comments]),
                Section(title: v["health"], lines: [], charts: [ReportPage.Chart(svg: componentChart, table: components), healthChart], tables: [healthTable]),
                Section(title: v["milestones"], lines: [], charts: [], tables: [milestones]),
                Section(title: v["alerts"], lines: [], charts: [], tables: [alerts]),
            ],
            footer: ["\(v["period"]): \(r.header.period)", "\(v["as_of"]): \(r.header.asOf)", "\(v["version"]): \(r.header.version)"])
    }

    private static let template = """
        <body>
        <header><h1>{{title}}</h1><p class="sub">{{subtitle}}</p></header>
        <main>
        {{#sections}}<section><h2>{{title}}</h2>
        {{#lines}}<p>{{.}}</p>{{/lines}}
        {{#charts}}<figure>{{{svg}}}{{#table}}{{> table}}{{/table}}</figure>
        {{/charts}}{{#tables}}{{> table}}{{/tables}}
        </section>
        {{/sections}}
        </main>
        <footer>{{#footer}}<p>{{.}}</p>{{/footer}}</footer>
        </body>
        </html>

        """

    /// The display unit of a health component's raw value.
    static func unit(of component: HealthComponentName) -> MetricUnit {
        switch component {
        case .licenseUtilization, .featureBreadth, .usageTrend, .csat: .rate
        case .support: .count
        case .nps: .score
        }
    }
}
