/// A line chart over categories (typically months): up to a few lines on the left axis, with
/// optional bars on a secondary right axis drawn behind the lines, and an optional dashed target line.
///
/// `nil` values break a line (no point is drawn there). Each line has its own colour, dash pattern
/// and marker shape, and the legend names every series.
public struct LineChart: Sendable {
    let frame: ChartFrame
    let categories: [String]
    let lines: [ChartSeries]
    let bars: ChartSeries?
    let format: @Sendable (Double) -> String
    let barFormat: (@Sendable (Double) -> String)?
    let referenceLine: ReferenceLine?

    /// Creates a line chart.
    /// - Parameters:
    ///   - frame: id, accessible title/description and size.
    ///   - categories: x-axis labels, e.g. "2025-11" … "2026-10".
    ///   - lines: the line series (left axis); up to 6 distinct styles, then they repeat.
    ///   - bars: an optional bar series on a secondary right axis (which always includes 0).
    ///   - format: formats left-axis ticks and values (e.g. "95.0%").
    ///   - barFormat: formats right-axis ticks and bar values; defaults to `format`.
    ///   - referenceLine: an optional dashed target line with its label.
    public init(frame: ChartFrame, categories: [String], lines: [ChartSeries], bars: ChartSeries? = nil,
                format: @escaping @Sendable (Double) -> String,
                barFormat: (@Sendable (Double) -> String)? = nil,
                referenceLine: (label: String, value: Double)? = nil) {
        self.frame = frame
        self.categories = categories
        self.lines = lines
        self.bars = bars
        self.format = format
        self.barFormat = barFormat
        self.referenceLine = referenceLine.flatMap {
            $0.value.isFinite ? ReferenceLine(label: $0.label, value: $0.value) : nil
        }
    }

    /// Renders the chart as a standalone, well-formed `<svg>` element.
    public func svg() -> String {
        let count = categories.count
        let lineValues = lines.map { ChartValues.normalize($0.values, count: count) }
        let barValues = bars.map { ChartValues.normalize($0.values, count: count) }
        if count == 0 || (lines.isEmpty && bars == nil) {
            return ChartDocument.noData(ResolvedFrame(frame) { "Line chart with no data." })
        }
        let resolved = ResolvedFrame(frame) { summary(lineValues: lineValues, barValues: barValues) }
        let width = Double(resolved.width)
        let height = Double(resolved.height)
        let target = PlotLayout.tickTarget(height: height)

        var scaleValues = lineValues.flatMap { $0.compactMap { $0 } }
        let hasLineData = !scaleValues.isEmpty
        if let referenceLine { scaleValues.append(referenceLine.value) }
        let yNice = NiceScale(values: scaleValues, includeZero: false, target: target)
        // With nothing to measure, the left axis shows no ticks.
        let yTicks = scaleValues.isEmpty ? [] : yNice.ticks
        let yLabels = yTicks.map { ChartStyle.formatted(format, $0) }
        let barFormatter = barFormat ?? format
        let barNice = barValues.map { NiceScale(values: $0.compactMap { $0 }, includeZero: true, target: target) }
        let barTicks = barValues.map { $0.contains { $0 != nil } ? barNice?.ticks ?? [] : [] }
        let barLabels = barTicks.map { $0.map { ChartStyle.formatted(barFormatter, $0) } }

        var legendItems = lines.enumerated().map { LegendItem(name: $0.element.name, swatch: .line(series: $0.offset)) }
        if let bars {
            legendItems.append(LegendItem(name: bars.name, swatch: .box(className: "secondary", fill: ChartPalette.secondary)))
        }
        let layout = PlotLayout(width: width, height: height, leftLabels: yLabels, rightLabels: barLabels,
                                legendItems: legendItems, categories: categories)
        let yScale = layout.yScale(yNice)

        var writer = SVGWriter()
        ChartDocument.begin(resolved, into: &writer)
        ValueAxis.writeGrid(ticks: yTicks, scale: yScale, left: layout.left, right: layout.right, into: &writer)

        if let bars, let barValues, let barNice {
            let barScale = layout.yScale(barNice)
            let barWidth = SVGNumber.round(Swift.min(layout.band * 0.6, 28))
            let zero = barScale(0)
            let name = SVGText.clean(bars.name, limit: 200)
            writer.open("g", [("class", "bars secondary"), ("fill", ChartPalette.secondary)])
            for (index, value) in barValues.enumerated() {
                guard let value else { continue }
                let y = barScale(value)
                let top = Swift.min(y, zero)
                let x = SVGNumber.round(layout.center(index) - barWidth / 2)
                writer.open("rect", [("class", "bar secondary"), ("x", svgNumber(x)), ("y", svgNumber(top)),
                                     ("width", svgNumber(barWidth)), ("height", svgNumber(Swift.abs(zero - y)))])
                writer.title("\(name), \(SVGText.clean(categories[index], limit: 200)): \(ChartStyle.formatted(barFormatter, value))")
                writer.close("rect")
            }
            writer.close("g")
            ValueAxis.writeLabels(ticks: barTicks ?? [], labels: barLabels ?? [], scale: barScale,
                                  x: layout.right + 6, leftSide: false, into: &writer)
        }

        ValueAxis.writeLabels(ticks: yTicks, labels: yLabels, scale: yScale, x: layout.left - 6,
                              leftSide: true, into: &writer)
        layout.categories.write(plotLeft: layout.left, plotRight: layout.right, plotBottom: layout.bottom,
                                center: layout.center, into: &writer)

        if let referenceLine {
            let y = yScale(referenceLine.value)
            writer.open("g", [("class", "reference")])
            writer.empty("line", [("x1", svgNumber(layout.left)), ("y1", svgNumber(y)),
                                  ("x2", svgNumber(layout.right)), ("y2", svgNumber(y)),
                                  ("stroke", ChartStyle.referenceColor), ("stroke-width", "1.5"),
                                  ("stroke-dasharray", "5 4")])
            let text = SVGText.clean(referenceLine.label, limit: ChartStyle.labelLimit)
            let label = (text.isEmpty ? "" : text + " ") + ChartStyle.formatted(format, referenceLine.value)
            LabelWriter.write(label, maxWidth: (layout.right - layout.left) * 0.5, fontSize: ChartStyle.axisFontSize,
                              attributes: [("class", "label reference"), ("x", svgNumber(layout.right - 4)),
                                           ("y", svgNumber(y - 4)), ("text-anchor", "end"),
                                           ("font-size", svgNumber(ChartStyle.axisFontSize)),
                                           ("fill", ChartStyle.referenceColor)],
                              into: &writer)
            writer.close("g")
        }

        writer.open("g", [("class", "lines")])
        let showAllMarkers = layout.band >= 10
        for (series, values) in lineValues.enumerated() {
            let className = ChartPalette.className(forSeries: series)
            let points: [(x: Double, y: Double)?] = values.enumerated().map { index, value in
                value.map { (x: layout.center(index), y: yScale($0)) }
            }
            writer.open("g", [("class", "series")])
            let data = LineStyle.pathData(points)
            if !data.isEmpty {
                writer.empty("path", [("class", "line " + className), ("d", data)] + LineStyle.strokeAttributes(series))
            }
            let name = SVGText.clean(lines[series].name, limit: 200)
            for (index, point) in points.enumerated() {
                guard let point, let value = values[index] else { continue }
                let isolated = (index == 0 || values[index - 1] == nil) && (index == count - 1 || values[index + 1] == nil)
                guard showAllMarkers || isolated else { continue }
                let tooltip = "\(name), \(SVGText.clean(categories[index], limit: 200)): \(ChartStyle.formatted(format, value))"
                LineStyle.writeMarker(series, x: point.x, y: point.y, tooltip: tooltip, into: &writer)
            }
            writer.close("g")
        }
        writer.close("g")

        if !hasLineData && (barValues?.allSatisfy { $0 == nil } ?? true) {
            ChartDocument.writeNoDataText(x: (layout.left + layout.right) / 2, y: (layout.top + layout.bottom) / 2,
                                          into: &writer)
        }
        layout.legend.write(into: &writer)
        ChartDocument.end(into: &writer)
        return writer.output
    }

    /// The generated description, e.g. "Line chart of NRR and GRR over 12 periods from 2025-11 to 2026-10. …".
    func summary(lineValues: [[Double?]], barValues: [Double?]?) -> String {
        let names = lines.map { SVGText.clean($0.name, limit: 60) }
        var text = "Line chart of \(names.isEmpty ? "no lines" : SVGText.list(names)) \(ChartDocument.span(categories))."
        for (series, values) in lineValues.enumerated() {
            text += " " + Self.describe(name: names[series], values: values, categories: categories, format: format)
        }
        if let bars, let barValues {
            text += " Bars (right axis): " + Self.describe(name: SVGText.clean(bars.name, limit: 60), values: barValues,
                                                            categories: categories, format: barFormat ?? format)
        }
        if let referenceLine {
            let label = SVGText.clean(referenceLine.label, limit: 60)
            text += " Reference line\(label.isEmpty ? "" : " " + label) at \(ChartStyle.formatted(format, referenceLine.value))."
        }
        return text
    }

    /// "NRR ranges from 95.0% to 110.0%; latest 105.0% (2026-10)." or "NRR has no data."
    static func describe(name: String, values: [Double?], categories: [String],
                         format: @Sendable (Double) -> String) -> String {
        let defined = values.compactMap { $0 }
        guard let low = defined.min(), let high = defined.max(),
              let lastIndex = values.lastIndex(where: { $0 != nil }), let last = values[lastIndex] else {
            return "\(name) has no data."
        }
        let missing = values.count - defined.count
        var text = "\(name) ranges from \(ChartStyle.formatted(format, low)) to \(ChartStyle.formatted(format, high)); "
            + "latest \(ChartStyle.formatted(format, last)) (\(SVGText.clean(categories[lastIndex], limit: 60)))"
        if missing > 0 { text += "; \(missing) n/a" }
        return text + "."
    }
}
