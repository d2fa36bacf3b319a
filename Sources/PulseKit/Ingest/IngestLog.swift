/// The quarantine entries and warnings gathered while reading sources.
package struct IngestLog: Sendable {
    /// Rows that were not loaded, with the reason.
    package private(set) var quarantined: [DataIssue] = []
    /// Rows that loaded with a dropped or defaulted value.
    package private(set) var warnings: [DataIssue] = []

    /// An empty log.
    package init() {}

    /// Records a quarantined row.
    package mutating func quarantine(_ issue: DataIssue) { quarantined.append(issue) }

    /// Records a warning.
    package mutating func warn(_ issue: DataIssue) { warnings.append(issue) }

    /// Adds another log's entries.
    package mutating func merge(_ other: IngestLog) {
        quarantined += other.quarantined
        warnings += other.warnings
    }

    /// Puts the entries in report order (source, file, line).
    package mutating func sort() {
        quarantined.sort()
        warnings.sort()
    }
}
