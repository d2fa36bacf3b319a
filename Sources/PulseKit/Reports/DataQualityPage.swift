/// `data-quality.html`: a self-contained page (no network fetches) listing every input file with
/// its row counts, the sources that were missing, and every quarantined row and warning.
///
/// Long lists show their first ``rowsShown`` entries per source and say how many more are in
/// `quarantine.csv` or `warnings.csv`. All customer text is escaped.
struct DataQualityPage {
    /// The pipeline's name.
    var pipeline: String
    /// The reporting month.
    var period: String
    /// The as-of instant as written in the reports.
    var asOf: String
    /// Every input file the run used.
    var inputs: [LoadRecord]
    /// Optional sources with no file.
    var missingSources: [CanonicalSource]
    /// The share above which a source stops the run.
    var maxQuarantinedShare: Double
    /// Quarantined rows, in report order.
    var quarantined: [DataIssue]
    /// Warnings, in report order.
    var warnings: [DataIssue]
    /// Event sources with records before M but none in M (also among the warnings).
    var stale: [DataIssue] = []
    /// How many issues of one source the page lists.
    var rowsShown = 200

    /// The page's bytes.
    func render() -> [UInt8] {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Data quality · \(e(pipeline)) · \(e(period))</title>
            <style>
            body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;margin:2rem;color:#1d2330}
            table{border-collapse:collapse;margin:0 0 1.5rem;font-size:.9rem}
            th,td{border-bottom:1px solid #d9dde5;padding:.3rem .6rem;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            code{font-size:.85rem;white-space:pre-wrap;word-break:break-all}
            .bad{color:#b42318;font-weight:600}
            .stale{border:2px solid #b42318;border-radius:6px;background:#fef3f2;color:#7a271a;padding:.25rem 1rem;margin:1rem 0}
            </style>
            </head>
            <body>
            <h1>Data quality</h1>
            <p>Pipeline <strong>\(e(pipeline))</strong>, period <strong>\(e(period))</strong>, as of \(e(asOf)).
            A source whose quarantined share exceeds \(percent(maxQuarantinedShare)) stops the run.</p>

            """
        if !stale.isEmpty {
            html += "<div class=\"stale\" role=\"alert\"><h2>Stale exports</h2>\n<p>These sources have records before \(e(period)) but none in it: the month's figures from them are missing or incomplete. Export them again, or run an earlier month.</p>\n<ul>\n"
            for issue in stale { html += "<li><strong>\(e(issue.source.name))</strong>: \(e(issue.reason))</li>\n" }
            html += "</ul></div>\n"
        }
        html += """
            <h2>Inputs</h2>
            <table>
            <tr><th>source</th><th>file</th><th>load</th><th>encoding</th><th>bytes</th><th>rows read</th><th>loaded</th><th>quarantined</th><th>with warnings</th></tr>

            """
        for input in inputs {
            let share = input.rowsRead == 0 ? 0 : Double(input.rowsQuarantined) / Double(input.rowsRead)
            html += "<tr><td>\(e(input.source.name))</td><td>\(e(input.path))</td><td>\(input.mode.rawValue)</td>"
            html += "<td>\(e(input.encoding))</td><td class=\"n\">\(input.fingerprint.bytes)</td>"
            html += "<td class=\"n\">\(input.rowsRead)</td><td class=\"n\">\(input.rowsLoaded)</td>"
            html += "<td class=\"n\(share > maxQuarantinedShare ? " bad" : "")\">\(input.rowsQuarantined)</td>"
            html += "<td class=\"n\">\(input.rowsWithWarnings)</td></tr>\n"
        }
        html += "</table>\n"
        if !missingSources.isEmpty {
            html += "<h2>Missing sources</h2>\n<p>No file was found for these optional sources; the metrics that need them are undefined (n/a).</p>\n<ul>\n"
            for source in missingSources {
                html += "<li>\(e(source.name)) (expected at <code>\(e(source.defaultPath))</code> unless the pipeline re-points it)</li>\n"
            }
            html += "</ul>\n"
        }
        html += section("Quarantined rows", "quarantine.csv", quarantined,
                        empty: "No row was quarantined.")
        html += section("Warnings", "warnings.csv", warnings,
                        empty: "No row loaded with a dropped or defaulted value.")
        html += "</body>\n</html>\n"
        return Array(html.utf8)
    }

    private func section(_ title: String, _ file: String, _ issues: [DataIssue], empty: String) -> String {
        var html = "<h2>\(title) (\(issues.count))</h2>\n"
        guard !issues.isEmpty else { return html + "<p>\(empty)</p>\n" }
        html += "<table>\n<tr><th>source</th><th>file</th><th>line</th><th>column</th><th>reason</th><th>raw</th></tr>\n"
        var shown: [CanonicalSource: Int] = [:]
        var hidden: [(CanonicalSource, Int)] = []
        for issue in issues {
            let n = shown[issue.source, default: 0]
            shown[issue.source] = n + 1
            guard n < rowsShown else { continue }
            html += "<tr><td>\(e(issue.source.name))</td><td>\(e(issue.file))</td><td class=\"n\">\(issue.line > 0 ? String(issue.line) : "")</td>"
            html += "<td>\(e(issue.column))</td><td>\(e(issue.reason))</td><td><code>\(e(issue.raw))</code></td></tr>\n"
        }
        for source in CanonicalSource.allCases {
            if let n = shown[source], n > rowsShown { hidden.append((source, n - rowsShown)) }
        }
        html += "</table>\n"
        for (source, n) in hidden {
            html += "<p>\(n) more \(e(source.name)) entries are in <code>\(file)</code>.</p>\n"
        }
        return html
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }

    private func percent(_ share: Double) -> String {
        let value = share * 100
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? "\(Int(rounded))%" : "\(rounded)%"
    }
}
