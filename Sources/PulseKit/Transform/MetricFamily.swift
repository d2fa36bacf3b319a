/// One family of metrics (revenue, support, adoption, …) computed in the transform stage.
///
/// Families are independent: the transform stage runs them concurrently and writes their
/// figures in the order of ``MetricFamilies/all``.
protocol MetricFamily: Sendable {
    /// The family's name, for progress and logs.
    var name: String { get }
    /// The family's figures for the run's period.
    func compute(_ input: TransformInput) -> KPITable
}

/// What every metric family reads: the loaded data, the period and the pipeline's settings.
struct TransformInput: Sendable {
    /// Every source's records.
    var data: ExtractedData
    /// The reporting month and as-of.
    var period: ReportingPeriod
    /// The pipeline.
    var configuration: PipelineConfiguration
}

/// The metric families a run computes, in the order their figures are written.
enum MetricFamilies {
    /// Every family. The families of `metrics.md` are added here as they are built; until then a
    /// run publishes its data-quality files and an empty KPI table, never an invented figure.
    static let all: [any MetricFamily] = []
}
