import Foundation

/// What a published run produced.
public struct RunResult: Sendable {
    /// The ledger's number for the run.
    public var runID: Int64
    /// The period and as-of.
    public var period: ReportingPeriod
    /// The published folder, `OUT/M`.
    public var folder: URL
    /// The files published, in name order.
    public var files: [String]
    /// How long each stage took.
    public var stages: [StageTiming]
}
