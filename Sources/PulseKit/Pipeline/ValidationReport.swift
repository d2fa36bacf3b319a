import Foundation
import Tabular

/// What `pulse validate` found: per source its files, encoding and row counts, the first
/// quarantined rows, and whether the data-quality threshold holds.
public struct ValidationReport: Sendable {
    /// The pipeline file, as given.
    public var pipeline: String
    /// The data folder read.
    public var dataDirectory: String
    /// The pipeline's `quality.max_quarantined_share`.
    public var maxQuarantinedShare: Double
    /// Everything the extract stage read.
    package var data: ExtractedData
    /// Masks personal data in the printed report (the pipeline's `privacy.mask`).
    public var mask: PersonalDataMask = .none

    /// Creates a report.
    package init(pipeline: String, dataDirectory: String, maxQuarantinedShare: Double, data: ExtractedData) {
        self.pipeline = pipeline
        self.dataDirectory = dataDirectory
        self.maxQuarantinedShare = maxQuarantinedShare
        self.data = data
    }

    /// Sources whose quarantined share is over the threshold.
    public var sourcesOverThreshold: [SourceLoad] {
        data.loads.filter { $0.quarantinedShare > maxQuarantinedShare }
    }

    /// 0 when a run would go ahead; 3 when the data-quality threshold is exceeded.
    public var exitCode: Int32 { sourcesOverThreshold.isEmpty ? 0 : 3 }

    /// The report as printed on the terminal.
    public func rendered(reasonsPerSource: Int = 5) -> String {
        var out = "pipeline \(pipeline)\ndata     \(dataDirectory)\n\n"
        let rows: [[String]] = [["source", "files", "encoding", "read", "loaded", "quarantined", "warnings"]] + data.loads.map { load in
            load.isMissing
                ? [load.source.name, "(none: optional source missing)", "", "", "", "", ""]
                : [load.source.name, load.files.map(\.path).joined(separator: " "), load.encodingDescription,
                   "\(load.rowsRead)", "\(load.rowsLoaded)", "\(load.rowsQuarantined)", "\(load.rowsWithWarnings)"]
        }
        out += TextTable(rows: rows, rightAligned: Set(3..<rows[0].count)).rendered()
        if data.usage.rows > 0 {
            out += "\nusage events: \(data.usage.rows) rows, \(data.usage.events) events, \(data.usage.accounts) accounts, \(data.usage.users) users, \(data.usage.eventNames) event names"
            if let first = data.usage.earliest, let last = data.usage.latest { out += ", \(first) … \(last)" }
            out += "\n"
        }
        let dropped = data.load(of: .tickets)?.rowsDropped ?? 0
        if dropped > 0 { out += "tickets: \(dropped) deleted (dropped by rule, counted as loaded)\n" }
        for (title, issues) in [("quarantined", data.log.quarantined), ("warnings", data.log.warnings)] where !issues.isEmpty {
            out += "\nfirst \(title):\n"
            for source in CanonicalSource.allCases {
                let mine = issues.filter { $0.source == source }
                for issue in mine.prefix(reasonsPerSource) {
                    let column = issue.column.isEmpty ? "" : "\(issue.column): "
                    out += "  \(source.name)  \(issue.location)  \(column)\(issue.reason)\n"
                }
                if mine.count > reasonsPerSource { out += "  \(source.name)  … and \(mine.count - reasonsPerSource) more\n" }
            }
        }
        out += "\n"
        let over = sourcesOverThreshold
        if over.isEmpty {
            out += "ok: a run would go ahead (quarantined share at most \(maxQuarantinedShare) per source)\n"
        } else {
            for load in over {
                out += "data-quality threshold exceeded: \(load.source.name) quarantined \(load.rowsQuarantined) of \(load.rowsRead) rows (\(String(format: "%.4f", load.quarantinedShare)) > \(maxQuarantinedShare))\n"
            }
        }
        return mask.apply(out)
    }
}
