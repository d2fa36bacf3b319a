/// A row that was quarantined, or that loaded with a dropped or defaulted value (a warning).
///
/// Written to `quarantine.csv` and `warnings.csv` as `source,file,line,column,reason,raw`.
package struct DataIssue: Sendable, Equatable {
    /// The canonical source the row belongs to.
    package var source: CanonicalSource
    /// The file, relative to the data folder.
    package var file: String
    /// The physical line where the record starts (header = line 1); for a JSON array the
    /// element's 1-based position.
    package var line: Int
    /// The column (the header as written in the file, or the JSON field); empty for the whole row.
    package var column: String
    /// Why the row was quarantined or what was dropped or defaulted.
    package var reason: String
    /// The row's raw text as it stands in the file.
    package var raw: String

    /// Creates an issue.
    package init(source: CanonicalSource, file: String, line: Int, column: String, reason: String, raw: String) {
        self.source = source
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.raw = raw
    }

    /// `file:line: column: reason`, as printed by `pulse validate`.
    package var location: String { "\(file):\(line)" }
}

extension DataIssue: Comparable {
    /// Issues sort by source, file and line (the sort is stable, so the issues of one row keep
    /// the order they were found in), so every report lists them in the same order.
    package static func < (a: DataIssue, b: DataIssue) -> Bool {
        if a.source != b.source { return a.source < b.source }
        if a.file != b.file { return a.file < b.file }
        return a.line < b.line
    }
}
