import Foundation

/// One family of metrics (voice of the customer, docs/metrics.md §4) computed in the transform stage
/// after revenue, from the loaded data and the run's context alone.
///
/// Families are independent of each other: the transform stage runs them concurrently and writes their
/// figures in the order of ``MetricFamilies/all``. Each reads the revenue result for the tiers and
/// paying accounts its scopes are made of, through the run's ``TransformContext``.
protocol MetricFamily: Sendable {
    /// The family's name, for progress and logs.
    var name: String { get }
    /// The event sources its figures are computed from (a month before all of them is not covered).
    var sources: [CanonicalSource] { get }
    /// The family's figures for the run's period.
    func compute(_ input: TransformInput, context: TransformContext) -> KPITable
}

/// What every metric family reads: the loaded data, the period and the pipeline's settings.
struct TransformInput: Sendable {
    /// Every source's records.
    var data: ExtractedData
    /// The reporting month and as-of.
    var period: ReportingPeriod
    /// The pipeline.
    var configuration: PipelineConfiguration
    /// Usage of M−2…M per account and user (nil: not collected, as when only revenue is computed).
    var usage: UsageActivity? = nil

    /// The same input for M−1 as its own default run would see it (as-of M_start); nil if the month
    /// cannot be resolved.
    var previousMonth: TransformInput? { monthsBack(1) }

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

/// The metric families a run computes after revenue, in the order their figures are written.
enum MetricFamilies {
    /// The families that run after revenue alongside support (docs/metrics.md §3), which has its own
    /// entry point because it also returns `tickets.csv` and the review's drivers. Adoption,
    /// onboarding, health and alerts (docs/metrics.md §5–8) are not listed here: they are built from
    /// every account's facts once these have run (``TransformStage``).
    static let all: [any MetricFamily] = [VoiceOfCustomerFamily()]
}
