/// The stages of a run, in the order they finish.
public enum RunStage: String, Sendable, CaseIterable {
    /// Reading snapshot sources and fingerprinting every input file.
    case extract
    /// Staging new files of append sources and recording every file in the load ledger.
    case load
    /// Computing the metric families.
    case transform
    /// Writing the report files into the staging folder.
    case report
    /// Swapping the new report set in and recording the results.
    case publish
}

/// How long one stage took and how many rows it handled.
public struct StageTiming: Sendable, Equatable {
    /// The stage.
    public var stage: RunStage
    /// Wall-clock milliseconds.
    public var milliseconds: Int
    /// Rows read or written, where the stage counts rows.
    public var rows: Int?
}
