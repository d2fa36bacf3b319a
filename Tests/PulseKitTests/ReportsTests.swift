import Foundation
import Testing
@testable import PulseKit

/// The KPI review and the QBRs on the sample data: well-formed self-contained pages whose figures
/// equal `kpis.csv`, workbooks whose cells (read back by openpyxl) equal `kpis.csv` and
/// `accounts.csv`, byte-identical reruns, Japanese labels, and hostile customer text.
@Suite(.serialized) struct ReportsTests {
    /// `kpis.csv` as (scope, metric) → value.
    static func kpis(_ folder: URL) throws -> [String: String] {
        var values: [String: String] = [:]
        for line in try String(contentsOf: folder.appendingPathComponent("kpis.csv"), encoding: .utf8).split(separator: "\n").dropFirst() {
            let parts = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            values["\(parts[1])|\(parts[2])"] = parts[3]
        }
        return values
    }

    /// The records of an RFC 4180 CSV text (quoted fields with commas, quotes and line breaks).
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { fields.append(field); field = "" }
            else if c == "\n" { fields.append(field); records.append(fields); fields = []; field = "" }
            else { field.append(c) }
        }
        return records
    }

    /// Equal to the 16 significant digits libxlsxwriter writes a number with (Excel shows 15).
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-15 * max(1, abs(b))
    }

    @Test func pagesAreWellFormedSelfContainedAndTheirFiguresEqualKPIsCSV() throws {
        let fixture = try ReportFixture()
        let folder = try fixture.run()
        let kpis = try Self.kpis(folder)
        let html = try String(contentsOf: folder.appendingPathComponent("kpi-review.html"), encoding: .utf8)
        let checker = PageChecker()
        #expect(checker.parse(html), "kpi-review.html is not well-formed: \(String(describing: checker.error))")
        #expect(checker.figures.count > 300)
        for figure in checker.figures {
            #expect(kpis["\(figure.scope)|\(figure.metric)"] == figure.value, "\(figure.scope) \(figure.metric)")
        }
        // Headline figures as people read them, with previous month, change and target.
        #expect(html.contains(#"data-metric="nrr" data-scope="company" data-value="1.0060224977911827">100.6%"#))
        #expect(html.contains(#"data-metric="mrr_end" data-scope="company" data-value="39548630.3989">¥39,548,630"#))
        #expect(html.contains("Target: 100.0%"))
        #expect(html.contains("CSAT") && html.contains("(n = 28)"))   // 28 responses: flagged as a small sample
        #expect(html.contains(#"<span class="flag""#))
        #expect(checker.elements.isSuperset(of: ["svg", "title", "desc", "table", "footer"]))
        #expect(!checker.elements.contains("script") && !checker.elements.contains("img") && !checker.elements.contains("link"))
        #expect(checker.links == ["data-quality.html"])
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.contains("@media print") && html.contains("break-inside:avoid") && html.contains("table-header-group"))
        #expect(html.contains(#"role="img""#))
        // The footer names the run's fingerprints.
        let manifest = try String(contentsOf: folder.appendingPathComponent("run.json"), encoding: .utf8)
        let sha = try #require(manifest.firstMatch(of: /"sha256": "([0-9a-f]{64})"/)?.1)
        #expect(html.contains(String(sha)))

        // QBRs: one per high-touch account paying in M, each well-formed with only its own account.
        let accounts = Self.records(try String(contentsOf: folder.appendingPathComponent("accounts.csv"), encoding: .utf8)).dropFirst()
        let highTouch = accounts.filter { $0[3] == "high_touch" && $0[6] != "0.0000" }.map { $0[0] }
        let qbrs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("qbr").path).sorted()
        #expect(qbrs == highTouch.flatMap { ["\($0).html", "\($0).xlsx"] }.sorted())
        let otherIDs = accounts.map { $0[0] }
        for id in highTouch.prefix(5) {
            let page = try String(contentsOf: folder.appendingPathComponent("qbr/\(id).html"), encoding: .utf8)
            let qbr = PageChecker()
            #expect(qbr.parse(page), "qbr/\(id).html: \(String(describing: qbr.error))")
            #expect(qbr.links.isEmpty && !qbr.elements.contains("script"))
            for other in otherIDs where other != id { #expect(!page.contains(">\(other)<")) }
        }
    }

    @Test func workbooksReadBackEqualTheCSVFiles() throws {
        let fixture = try ReportFixture()
        let folder = try fixture.run()
        let book = try WorkbookReader.read(folder.appendingPathComponent("kpi-review.xlsx").path)
        #expect(Set(book.keys) == ["Summary", "KPIs", "By segment", "Movements", "Accounts", "Alerts", "Tickets", "Data quality"])
        // Accounts: every accounts.csv cell, numbers as numbers, text as strings, empty as empty.
        let csv = Self.records(try String(contentsOf: folder.appendingPathComponent("accounts.csv"), encoding: .utf8))
        let sheet = try #require(book["Accounts"])
        #expect(sheet.count == csv.count)
        for (r, row) in csv.enumerated() {
            for (c, text) in row.enumerated() {
                let cell = c < sheet[r].count ? sheet[r][c] : WorkbookReader.Cell(type: nil)
                if text.isEmpty {
                    #expect(cell.type == nil, "row \(r) column \(c)")
                } else if r > 0, let number = Double(text), !["account_id", "name", "csm"].contains(csv[0][c]) {
                    #expect(Self.same(cell.number, number), "row \(r) column \(csv[0][c])")
                } else {
                    // CSV guards a formula-like text with a leading quote; the workbook keeps the text as a string cell.
                    let guarded = text.hasPrefix("'") && ["=", "+", "-", "@", "\t", "\r"].contains(text.dropFirst().first.map(String.init) ?? "")
                    let text = guarded ? String(text.dropFirst()) : text
                    #expect(cell.type == "s" && cell.text == text, "row \(r) column \(c): \(String(describing: cell.text)) vs \(text)")
                }
            }
        }
        // KPIs: the last month's column equals kpis.csv's company figures.
        let kpis = try Self.kpis(folder)
        let kpiSheet = try #require(book["KPIs"])
        #expect(kpiSheet[0].last?.text == "2026-10")
        var compared = 0
        for row in kpiSheet.dropFirst() {
            guard let metric = row[1].text, let value = kpis["company|\(metric)"] else { continue }
            if value.isEmpty { #expect(row.last?.type == nil, "\(metric)") } else { #expect(Self.same(row.last?.number, Double(value)), "\(metric)") }
            compared += 1
        }
        #expect(compared == kpis.keys.filter { $0.hasPrefix("company|") }.count)
        // No formula anywhere.
        for (name, rows) in book { for row in rows { for cell in row { #expect(cell.type != "f", "formula in \(name)") } } }
        let qbr = try WorkbookReader.read(folder.appendingPathComponent("qbr/A00002.xlsx").path)
        #expect(qbr["Account profile"]?[2][1].text == "A00002")
        #expect(qbr["MRR history"]?.count == 13)
        #expect(qbr["MRR history"]?[12][1].number == 476083.3333)
    }

    @Test func rerunsAreByteIdenticalAndJapaneseLabelsFollowThePipeline() throws {
        let fixture = try ReportFixture(extra: "language: ja\n")
        let first = try fixture.run(out: "a")
        let second = try fixture.run(out: "b")
        for name in ["kpi-review.html", "kpi-review.xlsx", "qbr/A00002.html", "qbr/A00002.xlsx"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between runs")
        }
        let html = try String(contentsOf: first.appendingPathComponent("kpi-review.html"), encoding: .utf8)
        #expect(html.contains(#"<html lang="ja">"#))
        #expect(html.contains("月次KPIレビュー") && html.contains("Hiragino"))
        #expect(try WorkbookReader.read(first.appendingPathComponent("kpi-review.xlsx").path).keys.contains("アカウント"))
    }

    /// Hostile customer text in account names, CSM names, ticket categories and survey comments.
    static let corpus = [
        "<script>alert(1)</script>", #""><img src=x onerror=alert(1)>"#, "javascript:alert(1)", #"=HYPERLINK("http://x")"#,
        "+1", "@SUM(A1)", "-2+3", "\u{202E}evil\u{202C}", "tab\there", "bell\u{07}char", String(repeating: "長", count: 40_000),
    ]

    @Test func hostileCustomerTextStaysText() throws {
        let fixture = try ReportFixture()
        let corpus = Self.corpus
        // Account names and CSMs (accounts.csv: account_id,name,plan,industry,region,csm,...), quoted CSV fields.
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        try fixture.rewrite("crm/accounts.csv") { k, line in
            guard k > 0, !line.isEmpty else { return line }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[1] = quoted(corpus[k % corpus.count])
            fields[5] = quoted(corpus[(k + 3) % corpus.count])
            return fields.joined(separator: ",")
        }
        try fixture.rewrite("surveys/nps.csv") { k, line in
            guard k > 0, !line.isEmpty else { return line }
            return line + quoted(corpus[k % corpus.count].replacingOccurrences(of: "\t", with: " "))
        }
        try fixture.rewrite("helpdesk/tickets.jsonl") { k, line in
            line.replacingOccurrences(of: #""category":"bug""#, with: #""category":"<script>alert(\#(k))</script>""#)
        }
        let folder = try fixture.run()
        var pages = ["kpi-review.html"]
        pages += try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("qbr").path)
            .filter { $0.hasSuffix(".html") }.sorted().map { "qbr/\($0)" }
        #expect(pages.count > 1)
        for name in pages {
            let html = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let checker = PageChecker()
            #expect(checker.parse(html), "\(name): \(String(describing: checker.error))")
            #expect(!checker.elements.contains("script") && !checker.elements.contains("img"), "\(name)")
            #expect(checker.attributes.allSatisfy { !$0.hasPrefix("on") }, "\(name): event attribute")
            #expect(checker.links.allSatisfy { $0 == "data-quality.html" }, "\(name): \(checker.links)")
            #expect(!html.contains("<script") && !html.contains("<img"), "\(name)")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("kpi-review.html"), encoding: .utf8).contains("&lt;script&gt;"))
        var workbooks = ["kpi-review.xlsx"]
        workbooks += try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("qbr").path)
            .filter { $0.hasSuffix(".xlsx") }.sorted().prefix(3).map { "qbr/\($0)" }
        for name in workbooks {
            let book = try WorkbookReader.read(folder.appendingPathComponent(name).path)
            for (sheet, rows) in book {
                for row in rows { for cell in row { #expect(cell.type != "f", "formula in \(name) \(sheet)") } }
            }
        }
        let accounts = try #require(WorkbookReader.read(folder.appendingPathComponent("kpi-review.xlsx").path)["Accounts"])
        let names = accounts.dropFirst().compactMap { $0[1].text }
        #expect(names.contains(#"=HYPERLINK("http://x")"#) && names.contains("@SUM(A1)") && names.contains("-2+3"))
        #expect(names.allSatisfy { $0.count <= 32_767 })
        let csv = try String(contentsOf: folder.appendingPathComponent("accounts.csv"), encoding: .utf8)
        #expect(csv.contains(#""'=HYPERLINK(""http://x"")""#) && csv.contains("'@SUM(A1)") && csv.contains("'-2+3") && csv.contains("'+1"))
    }
}
