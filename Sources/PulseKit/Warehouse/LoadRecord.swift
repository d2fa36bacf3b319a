/// One input file as the load ledger and `run.json` describe it: where it came from, its
/// fingerprint and encoding, and what happened to its rows.
public struct LoadRecord: Sendable, Equatable {
    /// The canonical source.
    public var source: CanonicalSource
    /// Whether the file was read fresh (snapshot) or staged in the warehouse (append).
    public var mode: LoadMode
    /// The path relative to the data folder.
    public var path: String
    /// Size and SHA-256.
    public var fingerprint: FileFingerprint
    /// The encoding it was read with, e.g. `utf-8`, `cp932`.
    public var encoding: String
    /// Data rows read.
    public var rowsRead: Int
    /// Rows that passed validation.
    public var rowsLoaded: Int
    /// Rows quarantined.
    public var rowsQuarantined: Int
    /// Rows that loaded with a warning.
    public var rowsWithWarnings: Int
    /// Whether this run read the file; `false` for an append file staged by an earlier run.
    public var readThisRun: Bool

    /// Creates a record.
    public init(source: CanonicalSource, mode: LoadMode, path: String, fingerprint: FileFingerprint, encoding: String,
                rowsRead: Int, rowsLoaded: Int, rowsQuarantined: Int, rowsWithWarnings: Int, readThisRun: Bool) {
        self.source = source
        self.mode = mode
        self.path = path
        self.fingerprint = fingerprint
        self.encoding = encoding
        self.rowsRead = rowsRead
        self.rowsLoaded = rowsLoaded
        self.rowsQuarantined = rowsQuarantined
        self.rowsWithWarnings = rowsWithWarnings
        self.readThisRun = readThisRun
    }
}
