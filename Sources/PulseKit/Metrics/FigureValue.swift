import Tabular

/// A figure's value as the family computed it, kept typed until a file or page is written: a count,
/// an amount of money, an exact ratio of counts, or a computed number. Its unit and direction come
/// from ``MetricCatalog``; its text is made only where it is written (docs/metrics.md §10.1).
package enum FigureValue: Sendable, Equatable {
    /// A whole number of things.
    case count(Int64)
    /// Money in ten-thousandths of the reporting currency (exact; written with 4 decimals).
    case money(Int64)
    /// Money computed in floating point (`ltv`), written with 4 decimals rounded half-even.
    case approximateMoney(Double)
    /// A rate kept as the exact ratio of counts it is defined by (never with a zero denominator).
    case ratio(Ratio)
    /// Any other number (percentiles, means, scores).
    case number(Double)

    /// A count.
    package static func count(_ n: Int) -> FigureValue { .count(Int64(n)) }

    /// `numerator / denominator` of counts, or nil (undefined) when the denominator is 0.
    package static func defined(_ numerator: Int, over denominator: Int) -> FigureValue? {
        defined(Ratio(numerator, denominator))
    }

    /// `ratio`, or nil (undefined) when its denominator is 0.
    package static func defined(_ ratio: Ratio) -> FigureValue? {
        ratio.denominator == 0 ? nil : FigureValue.ratio(ratio)
    }

    /// The value as `kpis.csv` and `kpis.json` write it: `.` decimal mark, no separators, money with 4
    /// decimals, every other number in the fewest digits that read back as the same double.
    package var text: String {
        switch self {
        case let .count(n): String(n)
        case let .money(units): Money.text(units)
        case let .approximateMoney(amount): NumberText.fixed(amount, places: 4)
        case let .ratio(ratio): ratio.text ?? ""
        case let .number(value): NumberText.shortest(value)
        }
    }

    /// The value as a double, for charts and changes: the number its text reads as.
    package var double: Double {
        switch self {
        case let .count(n): Double(n)
        case let .money(units): Double(units) / Double(Money.unitsPerWhole)
        case let .approximateMoney(amount): Double(NumberText.fixed(amount, places: 4)) ?? amount
        case let .ratio(ratio): ratio.value ?? .nan
        case let .number(value): value
        }
    }
}
