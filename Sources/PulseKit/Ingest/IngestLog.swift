/// The quarantine entries and warnings gathered while reading sources.
public struct IngestLog: Sendable {
    /// Rows that were not loaded, with the reason.
    public private(set) var quarantined: [DataIssue] = []
    /// Rows that loaded with a dropped or defaulted value.
    public private(set) var warnings: [DataIssue] = []

    /// An empty log.
    public init() {}

    /// Records a quarantined row.
    public mutating func quarantine(_ issue: DataIssue) { quarantined.append(issue) }

    /// Records a warning.
    public mutating func warn(_ issue: DataIssue) { warnings.append(issue) }

    /// Adds another log's entries.
    public mutating func merge(_ other: IngestLog) {
        quarantined += other.quarantined
        warnings += other.warnings
    }

    /// Puts the entries in report order (source, file, line).
    public mutating func sort() {
        quarantined.sort()
        warnings.sort()
    }
}
