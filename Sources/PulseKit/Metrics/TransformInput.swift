import Foundation

/// What every metric family reads: the loaded data, the period and the pipeline's settings.
struct TransformInput: Sendable {
    /// Every source's records.
    var data: ExtractedData
    /// The reporting month and as-of.
    var period: ReportingPeriod
    /// The pipeline.
    var configuration: PipelineConfiguration
    /// Usage of M−13…M per account and user (nil: not collected, as when only revenue is computed).
    var usage: UsageActivity? = nil

    /// The same input for the month `k` months before M as its own default run would see it (as-of at
    /// that month's end); nil if the month cannot be resolved.
    func monthsBack(_ k: Int) -> TransformInput? {
        guard let period = try? ReportingPeriod.resolve(period: period.month.adding(months: -k).description, asOf: nil,
                                                        timeZone: configuration.timeZone, now: .init(timeIntervalSince1970: 0))
        else { return nil }
        var input = self
        input.period = period
        return input
    }
}
