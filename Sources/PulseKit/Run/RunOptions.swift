import Foundation

/// What `pulse run` was asked to do.
public struct RunOptions: Sendable {
    /// The pipeline file.
    public var pipeline: String
    /// `--period YYYY-MM`.
    public var period: String?
    /// `--as-of`.
    public var asOf: String?
    /// `--data`: overrides the pipeline's data folder.
    public var data: String?
    /// `--out`: the folder reports go under (default `reports`).
    public var out: String?
    /// `--jobs`: the most work items at once.
    public var jobs: Int
    /// The wall clock, read once: it picks the default period and stamps the ledger, nothing else.
    public var now: Date

    /// Creates options.
    public init(pipeline: String, period: String? = nil, asOf: String? = nil, data: String? = nil, out: String? = nil,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, now: Date = Date()) {
        self.pipeline = pipeline
        self.period = period
        self.asOf = asOf
        self.data = data
        self.out = out
        self.jobs = max(1, jobs)
        self.now = now
    }

    /// The folder reports go under.
    public var outFolder: URL { URL(fileURLWithPath: out ?? "reports") }
}
