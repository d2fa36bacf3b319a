import Foundation
import Tabular
import Workbook

/// `kpi-review.xlsx`: the KPI review as a real workbook (libxlsxwriter, constant-memory mode):
/// Summary (the tiles and native MRR and NRR/GRR charts), KPIs (company metrics × 12 months), By
/// segment, Movements, Accounts (every `accounts.csv` column, health bands highlighted, autofilter,
/// frozen header and id column), Alerts, Tickets (the SLA audit) and Data quality. Customer text is
/// always a string cell; the document's creation time is the as-of, so the bytes repeat run to run.
struct KPIReviewWorkbook {
    let review: KPIReview
    let accounts: AccountsFile
    let movements: MovementsFile
    let alerts: AlertsFile
    let tickets: TicketsFile
    /// The as-of instant, the workbook's fixed creation time.
    let asOf: Instant
    /// Masks personal data in every text cell (the pipeline's `privacy.mask`).
    var mask: PersonalDataMask = .none

    /// Writes the workbook to `path`.
    func write(to path: String) throws(WorkbookError) {
        let v = ReportVocabulary(review.header.language)
        let book = try Workbook(path: path, constantMemory: true, temporaryDirectory: (path as NSString).deletingLastPathComponent)
        if !mask.isEmpty { book.textFilter = { [mask] in mask.apply($0) } }
        try book.setProperties(DocumentProperties(title: "\(v["kpi_review"]) \(review.header.period)", subject: review.header.pipeline,
                                                  author: "Pulse \(review.header.version)", company: "", comments: "",
                                                  created: asOf.millisecondsSinceEpoch / 1000))
        let out = ReportWorkbook(currency: review.header.currency)
        let history = review.history
        let kpisName = v["kpis_sheet"]

        // Summary: the tiles.
        let summary = try ReportWorkbook.addSheet(book, v["summary"])
        summary.write("\(v["kpi_review"]) — \(review.header.period)", row: 0, column: 0, style: ReportWorkbook.title)
        summary.write("\(v["pipeline"]): \(review.header.pipeline) · \(v["as_of"]): \(review.header.asOf)", row: 1, column: 0)
        let headers = [v["metric"], v["current"], v["previous"], v["change"], v["target"]]
        for (c, h) in headers.enumerated() { summary.write(h, row: 3, column: c, style: ReportWorkbook.header) }
        let tileMetrics = KPIReviewPage.tileMetrics + KPIReview.bands.map { "health_\($0.rawValue)" }
        let numbers = DisplayNumber(currency: review.header.currency, language: review.header.language)
        for (k, metric) in tileMetrics.enumerated() {
            let row = 4 + k
            let unit = MetricUnit.of(metric)
            var label = v.metric(metric)
            if let n = review.smallSampleSize(metric) { label += " * (n = \(n))" }
            summary.write(label, row: row, column: 0)
            out.write(review.value(metric), unit: unit, to: summary, row: row, column: 1)
            out.write(review.previousValue(metric), unit: unit, to: summary, row: row, column: 2)
            summary.write(numbers.change(from: review.previousValue(metric), to: review.value(metric), unit: unit) ?? DisplayNumber.undefined,
                          row: row, column: 3)
            out.write(review.targets[metric], unit: unit, to: summary, row: row, column: 4)
        }
        summary.setColumn(0, width: 36)
        summary.setColumns(1, 4, width: 18)
        // Native charts over the KPIs sheet: MRR, and NRR/GRR.
        let kpiRows = Dictionary(history.metrics.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        let months = history.months.count
        func range(_ metric: String) -> CellRange? {
            kpiRows[metric].map { CellRange(sheet: kpisName, firstRow: $0, firstColumn: 2, lastRow: $0, lastColumn: 1 + months) }
        }
        let categories = CellRange(sheet: kpisName, firstRow: 0, firstColumn: 2, lastRow: 0, lastColumn: 1 + months)
        if let mrr = range("mrr_end") {
            let chart = book.addChart(.column)
            chart.setTitle(v.metric("mrr_end"))
            chart.addSeries(name: v.metric("mrr_end"), categories: categories, values: mrr, color: 0x0072B2)
            chart.setYAxisNumberFormat(out.moneyFormat)
            chart.setLegendAtBottom()
            summary.insertChart(chart, row: 4 + tileMetrics.count + 2, column: 0)
        }
        let retention = ["nrr", "grr", "nrr_ttm", "grr_ttm"].compactMap { m in range(m).map { (m, $0) } }
        if !retention.isEmpty {
            let chart = book.addChart(.line)
            chart.setTitle(v["retention"])
            for (metric, values) in retention { chart.addSeries(name: v.metric(metric), categories: categories, values: values) }
            chart.setYAxisNumberFormat("0%")
            chart.setLegendAtBottom()
            summary.insertChart(chart, row: 4 + tileMetrics.count + 2, column: 3)
        }

        // KPIs: company metrics × 12 months; By segment: every scope of M.
        Self.writeGrid(try ReportWorkbook.addSheet(book, kpisName), metrics: history.metrics, columns: history.labels, width: 14, vocabulary: v,
                       out: out) { metric, k in history.value(metric, month: k) }
        Self.writeGrid(try ReportWorkbook.addSheet(book, v["by_segment"]), metrics: review.metrics, columns: review.scopes, width: 18,
                       vocabulary: v, out: out) { metric, c in
            review.figures[review.scopes[c]]?[metric] == nil ? nil : review.value(metric, scope: review.scopes[c])
        }

        out.write(movements, to: try ReportWorkbook.addSheet(book, v["movements"]))
        Self.writeAccounts(accounts, to: try ReportWorkbook.addSheet(book, v["accounts"]), out: out)
        out.write(alerts, to: try ReportWorkbook.addSheet(book, v["alerts_sheet"]))
        out.write(tickets, to: try ReportWorkbook.addSheet(book, v["ticket_audit"]), unit: { $0.hasSuffix("_minutes") ? .minutes : nil })

        let quality = try ReportWorkbook.addSheet(book, v["data_quality"])
        for (c, h) in [v["source"], v["rows_read"], v["rows_loaded"], v["rows_quarantined"]].enumerated() {
            quality.write(h, row: 0, column: c, style: ReportWorkbook.header)
        }
        for (r, row) in review.quality.enumerated() {
            quality.write(row.source, row: r + 1, column: 0)
            if row.isMissing {
                quality.write(v["missing_source"], row: r + 1, column: 1)
            } else {
                for (c, n) in [row.rowsRead, row.rowsLoaded, row.rowsQuarantined].enumerated() {
                    quality.write(Double(n), row: r + 1, column: 1 + c, style: out.style(.count))
                }
            }
        }
        quality.write(v["data_quality_link"], row: review.quality.count + 2, column: 0)
        quality.setColumn(0, width: 24)
        quality.setColumns(1, 3, width: 16)
        try book.close()
    }

    /// A metrics × columns sheet: the metric's reader's name and id, then `value(metric, column)` in
    /// the metric's number format (blank when undefined or absent); header row and names frozen.
    static func writeGrid(_ sheet: Worksheet, metrics: [String], columns: [String], width: Double, vocabulary v: ReportVocabulary,
                          out: ReportWorkbook, value: (String, Int) -> Double?) {
        for (c, title) in ([v["metric"], "metric"] + columns).enumerated() {
            sheet.write(title, row: 0, column: c, style: ReportWorkbook.header)
        }
        for (r, metric) in metrics.enumerated() {
            sheet.write(v.metric(metric), row: r + 1, column: 0)
            sheet.write(metric, row: r + 1, column: 1)
            for c in columns.indices { out.write(value(metric, c), unit: MetricUnit.of(metric), to: sheet, row: r + 1, column: 2 + c) }
        }
        sheet.setColumn(0, width: 40)
        sheet.setColumn(1, width: 44)
        sheet.setColumns(2, 1 + columns.count, width: width)
        sheet.freezePanes(row: 1, column: 2)
    }

    /// The Accounts sheet: every `accounts.csv` column in its number format, health bands highlighted,
    /// header row and id column frozen, autofilter.
    static func writeAccounts(_ accounts: some ReportTable, to sheet: Worksheet, out: ReportWorkbook) {
        let rows = out.write(accounts, to: sheet, unit: Self.accountsUnit)
        sheet.freezePanes(row: 1, column: 1)
        for band in ["health_band", "health_band_final"] {
            guard let c = accounts.columns.firstIndex(of: band), rows > 0 else { continue }
            for (value, fill) in [("green", 0xC6EFCE), ("yellow", 0xFFEB9C), ("red", 0xFFC7CE), ("unknown", 0xE7E6E6)] as [(String, UInt32)] {
                sheet.highlightCells(firstRow: 1, firstColumn: c, lastRow: rows, lastColumn: c, equalTo: value,
                                     style: CellStyle(background: fill))
            }
        }
    }

    /// Number formats of the Accounts sheet's numeric columns.
    static func accountsUnit(_ column: String) -> MetricUnit? {
        switch column {
        case "license_utilization", "feature_breadth", "mau_change", "csat_90d": .rate
        case "mau", "sla_breaches_90d", "tickets_90d", "days_to_renewal": .count
        case "ttfv_days": .days
        case "health_score", "health_score_final", "health_delta", "account_nps": .score
        default: column.hasPrefix("component.") ? .score : nil
        }
    }
}
