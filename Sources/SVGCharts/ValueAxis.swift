/// Grid lines and tick labels of a vertical value axis.
enum ValueAxis {
    /// Writes horizontal grid lines at `ticks` from `left` to `right`.
    static func writeGrid(ticks: [Double], scale: LinearScale, left: Double, right: Double,
                          into writer: inout SVGWriter) {
        writer.open("g", [("class", "grid"), ("stroke", ChartStyle.gridColor), ("stroke-width", "1")])
        for tick in ticks {
            let y = scale(tick)
            writer.empty("line", [("x1", svgNumber(left)), ("y1", svgNumber(y)),
                                  ("x2", svgNumber(right)), ("y2", svgNumber(y))])
        }
        writer.close("g")
    }

    /// Writes tick labels at `x` (right-aligned on the left side, left-aligned on the right side).
    static func writeLabels(ticks: [Double], labels: [String], scale: LinearScale, x: Double, leftSide: Bool,
                            into writer: inout SVGWriter) {
        writer.open("g", [("class", leftSide ? "axis axis-y" : "axis axis-y2"),
                          ("font-size", svgNumber(ChartStyle.axisFontSize)), ("fill", ChartStyle.textColor)])
        for (tick, label) in zip(ticks, labels) {
            writer.element("text", [
                ("class", "label tick"), ("x", svgNumber(x)), ("y", svgNumber(scale(tick) + 3.5)),
                ("text-anchor", leftSide ? "end" : "start"),
            ], text: label)
        }
        writer.close("g")
    }

    /// Writes the zero line across the plot when 0 lies strictly inside the domain.
    static func writeZeroLine(scale: LinearScale, left: Double, right: Double, into writer: inout SVGWriter) {
        guard scale.domainLower < 0, scale.domainUpper > 0 else { return }
        let y = scale(0)
        writer.empty("line", [("class", "axis zero"), ("x1", svgNumber(left)), ("y1", svgNumber(y)),
                              ("x2", svgNumber(right)), ("y2", svgNumber(y)), ("stroke", ChartStyle.zeroColor)])
    }
}
