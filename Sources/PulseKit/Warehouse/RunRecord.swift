/// One run in the run ledger, as `pulse history` lists it.
public struct RunRecord: Sendable, Equatable {
    /// The ledger's number for the run (increasing).
    public var id: Int64
    /// The pipeline file as given on the command line.
    public var pipeline: String
    /// The SHA-256 of the pipeline file.
    public var pipelineSHA256: String
    /// The Pulse version that ran.
    public var version: String
    /// The reporting month, `YYYY-MM`.
    public var period: String
    /// The as-of instant, ISO 8601.
    public var asOf: String
    /// `running`, `published`, `failed`, `rejected` (data quality) or `interrupted`.
    public var status: String
    /// The exit status, once finished.
    public var exitCode: Int?
    /// Why it failed, when it did.
    public var message: String?
    /// When it started (wall clock, ISO 8601 UTC; only the ledger holds it, never a report).
    public var startedAt: String
    /// How long it took, once finished.
    public var durationMilliseconds: Int?
    /// The input files it read or used: `source path sha256` per file.
    public var inputs: [LoadRecord] = []
}
