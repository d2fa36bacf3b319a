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
            func exact(_ value: Double) throws(FractionOverflow) -> Fraction<Integer> { try Parameters<Integer>.exact(value) }
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

        /// The decimal a person wrote to get `value` (the shortest that reads back as it).
        static func exact(_ value: Double) throws(FractionOverflow) -> Fraction<Integer> {
            if let decimal = try? DecimalGrammar.parseExact(NumberText.shortest(value)) { return try Fraction(decimal) }
            return try Fraction(exactly: value)
        }

        init(_ model: HealthModel) throws(FractionOverflow) {
            var weights: [Fraction<Integer>] = [], mappings: [Mapping<Integer>] = []
            for component in model.components {
                weights.append(try Self.exact(component.weight))
                mappings.append(try Mapping(component.mapping))
            }
            self.weights = weights
            self.mappings = mappings
            green = try Self.exact(model.bands.green)
            yellow = try Self.exact(model.bands.yellow)
        }

        /// Each present component's points and the score (nil when none is present), exactly.
        func score(_ raws: [Fraction<Integer>?]) throws(FractionOverflow) -> (points: [Fraction<Integer>?], score: Fraction<Integer>?) {
            var points: [Fraction<Integer>?] = []
            points.reserveCapacity(raws.count)
            var weighted = Fraction<Integer>(0), total = Fraction<Integer>(0)
            for (k, raw) in raws.enumerated() {
                guard let raw else {
                    points.append(nil)
                    continue
                }
                let p = try mappings[k].points(raw: raw)
                points.append(p)
                weighted = try weighted + weights[k] * p
                total = try total + weights[k]
            }
            guard total.numerator != Integer.zero else { return (points, nil) }
            return (points, try weighted / total)
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
        return try! mapping.points(raw: ExactHealthModel.Parameters<BigInt>.exact(raw)).nearestDouble()
    }
}
