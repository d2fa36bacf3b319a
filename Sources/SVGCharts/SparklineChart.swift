/// A tiny trend line (120 × 32) for a KPI tile. It is decorative (`aria-hidden="true"`, no title):
/// the tile shows the numbers. `nil` values break the line; the latest value gets a dot.
public struct SparklineChart: Sendable {
    let values: [Double?]

    /// Width of the sparkline's viewBox.
    static let width = 120.0
    /// Height of the sparkline's viewBox.
    static let height = 32.0

    /// Creates a sparkline of `values` in order; non-finite values count as `nil`.
    public init(values: [Double?]) {
        self.values = values.map(ChartValues.finite)
    }

    /// Renders the sparkline as a standalone, well-formed `<svg>` element.
    public func svg() -> String {
        var writer = SVGWriter()
        writer.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 120 32"), ("width", "120"), ("height", "32"),
            ("aria-hidden", "true"), ("focusable", "false"), ("class", "sparkline"),
        ])
        let defined = values.compactMap { $0 }
        if let low = defined.min(), let high = defined.max() {
            let pad = 3.0
            let step = values.count > 1 ? (Self.width - 2 * pad) / Double(values.count - 1) : 0
            let scale = LinearScale(domainLower: low, domainUpper: high, rangeStart: Self.height - pad, rangeEnd: pad)
            let points: [(x: Double, y: Double)?] = values.enumerated().map { index, value in
                guard let value else { return nil }
                let x = values.count > 1 ? SVGNumber.round(pad + Double(index) * step) : Self.width / 2
                return (x: x, y: high > low ? scale(value) : Self.height / 2)
            }
            let color = ChartPalette.color(forSeries: 0)
            let data = LineStyle.pathData(points)
            if !data.isEmpty {
                writer.empty("path", [("class", "line series-0"), ("d", data), ("fill", "none"), ("stroke", color),
                                      ("stroke-width", "1.5"), ("stroke-linejoin", "round"), ("stroke-linecap", "round")])
            }
            let lastIndex = points.lastIndex { $0 != nil }
            for (index, point) in points.enumerated() {
                guard let point else { continue }
                let isolated = (index == 0 || points[index - 1] == nil)
                    && (index == points.count - 1 || points[index + 1] == nil)
                guard isolated || index == lastIndex else { continue }
                writer.empty("circle", [("class", index == lastIndex ? "marker last series-0" : "marker series-0"),
                                        ("cx", svgNumber(point.x)), ("cy", svgNumber(point.y)),
                                        ("r", index == lastIndex ? "2.5" : "1.5"), ("fill", color)])
            }
        }
        writer.close("svg")
        return writer.output
    }
}
