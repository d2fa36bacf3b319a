/// A stacked bar chart over categories: in each category, positive values stack upward from 0 and
/// negative values stack downward from 0, in series order (e.g. MRR movements, or health band counts).
///
/// `nil` values leave their segment empty; a category with no values at all shows "n/a".
/// Every segment carries a tooltip with its series, category and formatted value.
public struct StackedBarChart: Sendable {
    let frame: ChartFrame
    let categories: [String]
    let series: [ChartSeries]
    let format: @Sendable (Double) -> String

    /// Creates a stacked bar chart; `format` formats axis ticks and values (e.g. "¥1.2M").
    public init(frame: ChartFrame, categories: [String], series: [ChartSeries],
                format: @escaping @Sendable (Double) -> String) {
        self.frame = frame
        self.categories = categories
        self.series = series
        self.format = format
    }

    /// Renders the chart as a standalone, well-formed `<svg>` element.
    public func svg() -> String {
        let count = categories.count
        let values = series.map { ChartValues.normalize($0.values, count: count) }
        if count == 0 || series.isEmpty {
            return ChartDocument.noData(ResolvedFrame(frame) { "Stacked bar chart with no data." })
        }
        let resolved = ResolvedFrame(frame) { summary(values: values) }
        let width = Double(resolved.width)
        let height = Double(resolved.height)

        var extremes: [Double] = []
        for index in 0..<count {
            let column = values.compactMap { $0[index] }
            extremes.append(column.filter { $0 > 0 }.reduce(0, +))
            extremes.append(column.filter { $0 < 0 }.reduce(0, +))
        }
        let nice = NiceScale(values: extremes, includeZero: true, target: PlotLayout.tickTarget(height: height))
        let hasData = values.contains { $0.contains { $0 != nil } }
        let ticks = hasData ? nice.ticks : []
        let tickLabels = ticks.map { ChartStyle.formatted(format, $0) }
        let legendItems = series.enumerated().map { offset, item in
            LegendItem(name: item.name, swatch: .box(className: ChartPalette.className(forSeries: offset),
                                                     fill: item.color ?? ChartPalette.color(forSeries: offset)))
        }
        let layout = PlotLayout(width: width, height: height, leftLabels: tickLabels, rightLabels: nil,
                                legendItems: legendItems, categories: categories)
        let scale = layout.yScale(nice)
        let zero = scale(0)
        let barWidth = SVGNumber.round(Swift.max(1, Swift.min(layout.band * 0.7, 40)))

        var writer = SVGWriter()
        layout.beginBarPlot(resolved, ticks: ticks, tickLabels: tickLabels, scale: scale, into: &writer)

        let names = series.map { SVGText.clean($0.name, limit: 200) }
        writer.open("g", [("class", "bars"), ("stroke", "#FFFFFF"), ("stroke-width", "0.5")])
        for index in 0..<count {
            let x = SVGNumber.round(layout.center(index) - barWidth / 2)
            let category = SVGText.clean(categories[index], limit: 200)
            var positive = 0.0
            var negative = 0.0
            var any = false
            for (offset, seriesValues) in values.enumerated() {
                guard let value = seriesValues[index] else { continue }
                any = true
                guard value != 0 else { continue }
                let start = value > 0 ? positive : negative
                let end = start + value
                if value > 0 { positive = end } else { negative = end }
                let y1 = scale(start)
                let y2 = scale(end)
                let className = ChartPalette.className(forSeries: offset)
                writer.open("rect", [("class", "bar " + className), ("x", svgNumber(x)),
                                     ("y", svgNumber(Swift.min(y1, y2))), ("width", svgNumber(barWidth)),
                                     ("height", svgNumber(Swift.abs(y2 - y1))),
                                     ("fill", series[offset].color ?? ChartPalette.color(forSeries: offset))])
                writer.title("\(names[offset]), \(category): \(ChartStyle.formatted(format, value))")
                writer.close("rect")
            }
            if !any {
                writer.element("text", [("class", "label value na"), ("x", svgNumber(layout.center(index))),
                                        ("y", svgNumber(zero - 4)), ("text-anchor", "middle"),
                                        ("font-size", svgNumber(ChartStyle.axisFontSize)),
                                        ("fill", ChartStyle.textColor), ("stroke", "none")], text: "n/a")
            }
        }
        writer.close("g")
        ValueAxis.writeZeroLine(scale: scale, left: layout.left, right: layout.right, into: &writer)
        layout.legend.write(into: &writer)
        ChartDocument.end(into: &writer)
        return writer.output
    }

    /// The generated description: the series, the span, and the latest category's values.
    func summary(values: [[Double?]]) -> String {
        let names = series.map { SVGText.clean($0.name, limit: 60) }
        var text = "Stacked bar chart of \(SVGText.list(names)) \(ChartDocument.span(categories))."
        text += " Positive values stack above zero and negative values below."
        if let lastIndex = categories.indices.last {
            let parts = names.enumerated().map { offset, name in
                "\(name) " + (values[offset][lastIndex].map { ChartStyle.formatted(format, $0) } ?? "n/a")
            }
            text += " \(SVGText.clean(categories[lastIndex], limit: 60)): \(parts.joined(separator: ", "))."
        }
        return text
    }
}
