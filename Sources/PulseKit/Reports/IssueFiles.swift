import Tabular

/// `quarantine.csv` and `warnings.csv`: one row per issue, `source,file,line,column,reason,raw`
/// (docs/metrics.md §10.5), with no cell a spreadsheet would run as a formula.
enum IssueFiles {
    /// The CSV text of `issues`.
    static func csv(_ issues: [DataIssue]) -> [UInt8] {
        var writer = CSVWriter(guardsFormulas: true, capacity: 64 + issues.count * 96)
        writer.appendRecord(["source", "file", "line", "column", "reason", "raw"])
        for issue in issues {
            writer.appendField(issue.source.name)
            writer.appendField(issue.file)
            // A finding about a whole source (a stale export) names no line.
            if issue.line > 0 { writer.appendInteger(issue.line) } else { writer.appendField("") }
            writer.appendField(issue.column)
            writer.appendField(issue.reason)
            writer.appendField(issue.raw)
            writer.endRecord()
        }
        return writer.bytes
    }
}
