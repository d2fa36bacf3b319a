import BigInt
import Tabular

/// The health model's numbers as exact fractions, built once per scoring: each weight, linear end,
/// band start, band's points and threshold is the decimal the pipeline wrote (`0.2` is 1/5), so that
/// scores are computed exactly until they are written (docs/metrics.md §7.3). They are held twice: on
/// 128-bit integers, where nearly every account is scored without allocating, and on unbounded ones
/// for the account whose numbers outgrow them.
struct ExactHealthModel: Sendable {
    /// How one component maps its raw value to points.
    enum Mapping<Integer: FractionInteger>: Sendable {
        /// 0 at or below `low`, 100 at or above `high`, straight in between (`low > high` inverts it):
        /// points = raw × `slope` − `offset`, with slope = 100 / (high − low) and offset = low × slope.
        case linear(low: Fraction<Integer>, high: Fraction<Integer>, slope: Fraction<Integer>, offset: Fraction<Integer>, rising: Bool)
        /// Points per range, `from` increasing.
        case bands([(from: Fraction<Integer>, points: Fraction<Integer>)])

        /// The pipeline's mapping with its decimals made exact.
        init(_ mapping: HealthComponentMapping) throws(FractionOverflow) {
            func exact(_ value: Double) throws(FractionOverflow) -> Fraction<Integer> { try Fraction(decimalOf: value) }
            switch mapping {
            case let .linear(low, high) where low == high:
                // Equal ends are refused when the pipeline is read; a model built in code gets a step.
                let edge = try exact(low)
                self = .bands([(try edge - Fraction(1), Fraction(0)), (edge, Fraction(100))])
            case let .linear(low, high):
                let (l, h) = (try exact(low), try exact(high))
                let slope = try Fraction(100) / (h - l)
                self = .linear(low: l, high: h, slope: slope, offset: try l * slope, rising: low < high)
            case let .bands(bands):
                var exactBands: [(from: Fraction<Integer>, points: Fraction<Integer>)] = []
                for band in bands { exactBands.append((try exact(band.from), try exact(band.points))) }
                self = .bands(exactBands)
            }
        }

        /// The points (0–100) of `raw`.
        func points(raw: Fraction<Integer>) throws(FractionOverflow) -> Fraction<Integer> {
            switch self {
            case let .linear(low, high, slope, offset, rising):
                if rising ? try raw.compare(low) <= 0 : try raw.compare(low) >= 0 { return Fraction(0) }
                if rising ? try raw.compare(high) >= 0 : try raw.compare(high) <= 0 { return Fraction(100) }
                return try raw * slope - offset
            case let .bands(bands):
                var points = bands.first?.points ?? Fraction(0)
                for band in bands where try raw.compare(band.from) >= 0 { points = band.points }
                return points
            }
        }
    }

    /// The model's numbers on one kind of integer.
    struct Parameters<Integer: FractionInteger>: Sendable {
        /// Per component, in the model's order.
        let weights: [Fraction<Integer>]
        let mappings: [Mapping<Integer>]
        /// The lowest green and the lowest yellow score.
        let green: Fraction<Integer>
        let yellow: Fraction<Integer>

        init(_ model: HealthModel) throws(FractionOverflow) {
            var weights: [Fraction<Integer>] = [], mappings: [Mapping<Integer>] = []
            for component in model.components {
                weights.append(try Fraction(decimalOf: component.weight))
                mappings.append(try Mapping(component.mapping))
            }
            self.weights = weights
            self.mappings = mappings
            green = try Fraction(decimalOf: model.bands.green)
            yellow = try Fraction(decimalOf: model.bands.yellow)
        }

        /// The score (nil when no component is present) and its band, exactly; on the way each present
        /// component's raw value and points are written into `parts` as doubles. `fraction` gives a raw
        /// value on these integers, nil when it does not fit; then, as when a result outgrows them, this
        /// throws and the caller computes on wider ones.
        func score(_ names: [HealthComponentName], raw: (HealthComponentName) -> ExactNumber?,
                   fraction: (ExactNumber) -> Fraction<Integer>?,
                   into parts: inout [HealthScore.Part]) throws(FractionOverflow) -> (score: Fraction<Integer>?, band: HealthBand) {
            var weighted = Fraction<Integer>(0), total = Fraction<Integer>(0)
            for k in names.indices {
                guard let value = raw(names[k]) else {
                    (parts[k].raw, parts[k].points) = (nil, nil)
                    continue
                }
                guard let fraction = fraction(value) else { throw FractionOverflow() }
                let points = try mappings[k].points(raw: fraction)
                parts[k].raw = try fraction.nearestDouble()
                parts[k].points = try points.nearestDouble()
                weighted = try weighted + weights[k] * points
                total = try total + weights[k]
            }
            guard total.numerator != Integer.zero else { return (nil, .unknown) }
            let score = try weighted / total
            return (score, try band(of: score))
        }

        /// `green` at or above the green threshold, `yellow` at or above the yellow one, else `red`.
        func band(of score: Fraction<Integer>) throws(FractionOverflow) -> HealthBand {
            try score.compare(green) >= 0 ? .green : try score.compare(yellow) >= 0 ? .yellow : .red
        }
    }

    /// The numbers on 128-bit integers; nil when one outgrows them.
    let small: Parameters<Int128>?
    /// The numbers on unbounded integers.
    let big: Parameters<BigInt>
    /// The weights as doubles, for the explanation's shares.
    let weights: [Double]

    init(_ model: HealthModel) {
        small = try? Parameters(model)
        big = try! Parameters(model)
        weights = model.components.map(\.weight)
    }
}

extension HealthComponentMapping {
    /// The points of a raw value under this mapping (0–100), computed exactly from the decimals the
    /// pipeline wrote and the decimal `raw` reads as, then rounded once: linear(0.2, 0.8) of 0.5 is 50.
    package func points(for raw: Double) -> Double {
        let mapping = try! ExactHealthModel.Mapping<BigInt>(self)
        return try! mapping.points(raw: Fraction<BigInt>(decimalOf: raw)).nearestDouble()
    }
}
