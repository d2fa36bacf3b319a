import Tabular

/// The health model's numbers as exact fractions, built once per scoring: each weight, linear end,
/// band start, band's points and threshold is the decimal the pipeline wrote (`0.2` is 1/5), so that
/// scores are computed exactly until they are written (docs/metrics.md, health score).
struct ExactHealthModel: Sendable {
    /// How one component maps its raw value to points.
    enum Mapping: Sendable {
        /// 0 at or below `low`, 100 at or above `low + span`, straight in between (a negative span inverts it).
        case linear(low: ExactNumber, span: ExactNumber)
        /// Points per range, `from` increasing.
        case bands([(from: ExactNumber, points: ExactNumber)])

        /// The pipeline's mapping with its decimals made exact.
        init(_ mapping: HealthComponentMapping) {
            switch mapping {
            case let .linear(low, high):
                let low = ExactNumber(decimalOf: low)
                self = .linear(low: low, span: ExactNumber(decimalOf: high) - low)
            case let .bands(bands):
                self = .bands(bands.map { (ExactNumber(decimalOf: $0.from), ExactNumber(decimalOf: $0.points)) })
            }
        }

        /// The points (0–100) of `raw`.
        func points(raw: ExactNumber) -> ExactNumber {
            switch self {
            case let .linear(low, span):
                // Equal ends are refused when the pipeline is read; a model built in code gets a step.
                guard !span.isZero else { return raw.compare(low) >= 0 ? ExactHealthModel.hundred : .zero }
                let share = (raw - low) / span
                if share.compare(.zero) <= 0 { return .zero }
                if share.compare(ExactHealthModel.one) >= 0 { return ExactHealthModel.hundred }
                return share * ExactHealthModel.hundred
            case let .bands(bands):
                var points = bands.first?.points ?? .zero
                for band in bands where raw.compare(band.from) >= 0 { points = band.points }
                return points
            }
        }
    }

    /// Per component, in the model's order: its weight and mapping.
    let components: [(weight: ExactNumber, mapping: Mapping)]
    /// The lowest green and the lowest yellow score.
    let green: ExactNumber
    let yellow: ExactNumber

    static let hundred = ExactNumber(100)
    static let one = ExactNumber(1)

    init(_ model: HealthModel) {
        components = model.components.map { (ExactNumber(decimalOf: $0.weight), Mapping($0.mapping)) }
        green = ExactNumber(decimalOf: model.bands.green)
        yellow = ExactNumber(decimalOf: model.bands.yellow)
    }

    /// The points (0–100) of component `k` for `raw`.
    func points(_ k: Int, raw: ExactNumber) -> ExactNumber { components[k].mapping.points(raw: raw) }

    /// `green` at or above the green threshold, `yellow` at or above the yellow one, else `red`.
    func band(of score: ExactNumber) -> HealthBand {
        score.compare(green) >= 0 ? .green : score.compare(yellow) >= 0 ? .yellow : .red
    }
}
