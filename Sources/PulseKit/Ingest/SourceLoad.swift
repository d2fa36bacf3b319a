import Tabular

/// What reading one source produced: its files, their encoding and the row counts.
///
/// `rowsRead == rowsLoaded + rowsQuarantined` always holds.
public struct SourceLoad: Sendable, Equatable {
    /// One file read for the source.
    public struct File: Sendable, Equatable {
        /// The path relative to the data folder.
        public var path: String
        /// The size in bytes.
        public var bytes: Int
        /// The encoding the file was read with.
        public var encoding: DetectedEncoding
        /// Data rows read from this file (header and blank lines not counted).
        public var rowsRead: Int
    }

    /// The source.
    public var source: CanonicalSource
    /// The files read, in the order they were read (sorted by path).
    public var files: [File] = []
    /// Data rows read, over all files.
    public var rowsRead = 0
    /// Rows that passed validation.
    public var rowsLoaded = 0
    /// Rows that were quarantined.
    public var rowsQuarantined = 0
    /// Rows that loaded with a warning.
    public var rowsWithWarnings = 0
    /// Loaded rows that a later row with the same key replaced or was deduplicated against.
    public var rowsSuperseded = 0
    /// Loaded rows that the source drops by rule (e.g. `deleted` tickets).
    public var rowsDropped = 0
    /// Whether the source was absent (an optional source with no file).
    public var isMissing = false

    /// Creates an empty load for `source`.
    public init(source: CanonicalSource) { self.source = source }

    /// The share of rows read that were quarantined (0 when nothing was read).
    public var quarantinedShare: Double {
        rowsRead == 0 ? 0 : Double(rowsQuarantined) / Double(rowsRead)
    }

    /// The encodings of its files, e.g. `utf-8` or `cp932`, joined when they differ.
    public var encodingDescription: String {
        var seen: [String] = []
        for file in files where !seen.contains(file.encoding.description) { seen.append(file.encoding.description) }
        return seen.joined(separator: ",")
    }
}
