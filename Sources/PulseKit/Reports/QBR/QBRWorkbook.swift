import Foundation
import Tabular
import Workbook

/// `qbr/ACCOUNT_ID.xlsx`: one account's QBR as a workbook: Profile (with health, components and
/// alerts), History (MRR, MAU, license utilization and health over twelve months, with a native MRR
/// chart), Support, Surveys and Onboarding. Only this account's data; customer text is always a
/// string cell; the creation time is the as-of, so the bytes repeat run to run.
struct QBRWorkbook {
    let report: QBRReport
    /// The as-of instant, the workbook's fixed creation time.
    let asOf: Instant
    /// Masks personal data in every text cell (the pipeline's `privacy.mask`).
    var mask: PersonalDataMask = .none

    /// Writes the workbook to `path`.
    func write(to path: String) throws(WorkbookError) {
        let r = report
        let v = ReportVocabulary(r.header.language)
        let out = ReportWorkbook(currency: r.header.currency)
        let book = try Workbook(path: path, temporaryDirectory: (path as NSString).deletingLastPathComponent)
        if !mask.isEmpty { book.textFilter = { [mask] in mask.apply($0) } }
        try book.setProperties(DocumentProperties(title: "\(v["qbr"]) \(r.account.id) \(r.header.period)", subject: r.header.pipeline,
                                                  author: "Pulse \(r.header.version)", company: "", comments: "",
                                                  created: asOf.millisecondsSinceEpoch / 1000))
        let f = r.facts
        var row = 0
        func pair(_ sheet: Worksheet, _ label: String, _ write: (Int) -> Void) {
            sheet.write(label, row: row, column: 0, style: CellStyle(bold: true))
            write(row)
            row += 1
        }
        func heading(_ sheet: Worksheet, _ titles: [String]) {
            for (c, t) in titles.enumerated() { sheet.write(t, row: row, column: c, style: ReportWorkbook.header) }
            row += 1
        }

        let profile = try ReportWorkbook.addSheet(book, v["profile"])
        profile.write("\(v["qbr"]) — \(r.account.name)", row: 0, column: 0, style: ReportWorkbook.title)
        row = 2
        for (label, text) in [(v["account_id"], r.account.id), (v["name"], r.account.name), (v["plan"], r.account.plan), (v["tier"], r.tier),
                              (v["csm"], r.account.csm ?? ""), (v["renewal_date"], r.account.renewalDate?.description ?? "")] {
            pair(profile, label) { profile.write(text, row: $0, column: 1) }
        }
        pair(profile, v["seats"]) { out.write(r.account.seats.map(Double.init), unit: .count, to: profile, row: $0, column: 1) }
        pair(profile, v["days_to_renewal"]) { out.write(f.daysToRenewal.map(Double.init), unit: .count, to: profile, row: $0, column: 1) }
        pair(profile, v["computed_score"]) { out.write(f.health?.score, unit: .score, to: profile, row: $0, column: 1) }
        pair(profile, v["final_score"]) { out.write(f.finalScore, unit: .score, to: profile, row: $0, column: 1) }
        pair(profile, v["band"]) { profile.write(f.finalBand.rawValue, row: $0, column: 1) }
        if let o = f.override {
            pair(profile, v["reason"]) { profile.write(o.reason, row: $0, column: 1) }
            pair(profile, v["author"]) { profile.write(o.author, row: $0, column: 1) }
            pair(profile, v["expires_on"]) { profile.write(o.expiresOn.description, row: $0, column: 1) }
        }
        row += 1
        heading(profile, [v["component"], v["raw_value"], v["points"], v["weight"]])
        let parts = f.health?.parts ?? []
        for (k, component) in r.model.components.enumerated() {
            profile.write(component.name.name, row: row, column: 0)
            out.write(k < parts.count ? parts[k].raw : nil, unit: QBRPage.unit(of: component.name), to: profile, row: row, column: 1)
            out.write(k < parts.count ? parts[k].points : nil, unit: .score, to: profile, row: row, column: 2)
            profile.write(component.weight, row: row, column: 3)
            row += 1
        }
        row += 1
        heading(profile, [v["rule"], v["kind"], v["status"], v["action"]])
        for alert in r.alerts {
            for (c, text) in [alert.ruleID, alert.kind, alert.status, alert.action].enumerated() { profile.write(text, row: row, column: c) }
            row += 1
        }
        profile.setColumn(0, width: 28)
        profile.setColumn(1, width: Double(min(60, max(24, DisplayWidth.of(r.account.name) + 2))))
        profile.setColumns(2, 3, width: 14)

        let historyName = v["mrr_history"]
        let history = try ReportWorkbook.addSheet(book, historyName)
        row = 0
        heading(history, [v["month"], v["mrr"], v["mau"], v["license_utilization"], v["final_score"]])
        for k in r.months.indices {
            history.write(r.months[k].description, row: row, column: 0)
            out.write(Money.double(r.mrr[k]), unit: .money, to: history, row: row, column: 1)
            out.write(r.mau[k], unit: .count, to: history, row: row, column: 2)
            out.write(r.licenseUtilization[k], unit: .rate, to: history, row: row, column: 3)
            out.write(r.healthScore[k], unit: .score, to: history, row: row, column: 4)
            row += 1
        }
        history.setColumns(0, 4, width: 16)
        let chart = book.addChart(.column)
        chart.setTitle(v["mrr_history"])
        chart.addSeries(name: v["mrr"], categories: CellRange(sheet: historyName, firstRow: 1, firstColumn: 0, lastRow: r.months.count, lastColumn: 0),
                        values: CellRange(sheet: historyName, firstRow: 1, firstColumn: 1, lastRow: r.months.count, lastColumn: 1), color: 0x0072B2)
        chart.setYAxisNumberFormat(out.moneyFormat)
        chart.setLegendAtBottom()
        history.insertChart(chart, row: 1, column: 6)

        let support = try ReportWorkbook.addSheet(book, v["support"])
        row = 0
        pair(support, v["ticket_volume"]) { out.write(Double(r.tickets.count), unit: .count, to: support, row: $0, column: 1) }
        pair(support, v["tickets_90d"]) { out.write(f.tickets90d.map(Double.init), unit: .count, to: support, row: $0, column: 1) }
        pair(support, v["sla_compliance_month"]) { out.write(r.slaCompliance, unit: .rate, to: support, row: $0, column: 1) }
        pair(support, v["open_p1_p2"]) { out.write(Double(r.openUrgent.count), unit: .count, to: support, row: $0, column: 1) }
        row += 1
        heading(support, [v["category"], v["tickets"]])
        for category in r.categories.prefix(5) {
            support.write(category.name, row: row, column: 0)
            support.write(Double(category.count), row: row, column: 1)
            row += 1
        }
        row += 1
        heading(support, [v["tickets"], v["created_at"], v["priority"], v["category"], v.metric("first_response_minutes_median"),
                          v.metric("resolution_minutes_median")])
        for ticket in r.openUrgent + r.tickets {
            for (c, text) in [ticket.id, ticket.createdAt, ticket.priority, ticket.category ?? "", ticket.firstResponse, ticket.resolution].enumerated() {
                support.write(text, row: row, column: c)
            }
            row += 1
        }
        support.setColumn(0, width: 28)
        support.setColumns(1, 5, width: 22)

        let surveys = try ReportWorkbook.addSheet(book, v["survey"])
        row = 0
        pair(surveys, v["csat_90d"]) { out.write(f.csat90d, unit: .rate, to: surveys, row: $0, column: 1) }
        pair(surveys, v["account_nps"]) { out.write(f.accountNPS, unit: .score, to: surveys, row: $0, column: 1) }
        row += 1
        heading(surveys, [v["source"], v["responded_at"], v["score"], v["comments"]])
        for answer in r.surveys {
            surveys.write(answer.survey, row: row, column: 0)
            surveys.write(answer.respondedAt, row: row, column: 1)
            surveys.write(Double(answer.score), row: row, column: 2)
            if let comment = answer.comment { surveys.write(comment, row: row, column: 3, style: CellStyle(wrap: true)) }
            row += 1
        }
        surveys.setColumn(0, width: 18)
        surveys.setColumn(1, width: 28)
        surveys.setColumn(3, width: 70)

        let onboarding = try ReportWorkbook.addSheet(book, v["onboarding"])
        row = 0
        heading(onboarding, [v["milestone"], v["due"], v["achieved"], v["status"]])
        for milestone in r.milestones {
            onboarding.write(milestone.name, row: row, column: 0)
            onboarding.writeDate(year: milestone.due.year, month: milestone.due.month, day: milestone.due.day, row: row, column: 1)
            if let achieved = milestone.achieved {
                onboarding.writeDate(year: achieved.year, month: achieved.month, day: achieved.day, row: row, column: 2)
            }
            onboarding.write(milestone.status, row: row, column: 3)
            row += 1
        }
        onboarding.setColumns(0, 3, width: 18)
        try book.close()
    }
}
