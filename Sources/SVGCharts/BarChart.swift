/// A horizontal bar chart with a value label at the end of each bar (e.g. top ticket categories, or
/// health component scores on a fixed 0–100 scale). Negative values extend left of 0; `nil` values
/// draw no bar and are labelled "n/a". The chart grows taller than its frame when rows need the room.
public struct BarChart: Sendable {
    let frame: ChartFrame
    let labels: [String]
    let values: [Double?]
    let format: @Sendable (Double) -> String
    let maximum: Double?

    /// Creates a horizontal bar chart.
    /// - Parameters:
    ///   - labels: one row per label, top to bottom (untrusted text is fine).
    ///   - values: the value of each row; missing or non-finite values are "n/a".
    ///   - format: formats value labels and axis ticks.
    ///   - maximum: a fixed end of the value axis (e.g. 100 for scores); it grows if a value exceeds it.
    public init(frame: ChartFrame, labels: [String], values: [Double?],
                format: @escaping @Sendable (Double) -> String, maximum: Double? = nil) {
        self.frame = frame
        self.labels = labels
        self.values = values
        self.format = format
        self.maximum = ChartValues.finite(maximum)
    }

    static let rowHeight = 18.0

    /// Renders the chart as a standalone, well-formed `<svg>` element.
    public func svg() -> String {
        let count = labels.count
        let values = ChartValues.normalize(self.values, count: count)
        if count == 0 {
            return ChartDocument.noData(ResolvedFrame(frame) { "Bar chart with no data." })
        }
        let top = 10.0
        let axisSpace = 26.0
        let needed = Int((top + Double(count) * Self.rowHeight + axisSpace).rounded(.up))
        let resolved = ResolvedFrame(frame, minimumHeight: needed) { summary(values: values) }
        let width = Double(resolved.width)
        let height = Double(resolved.height)
        let fontSize = ChartStyle.axisFontSize
        let labelFont = ChartStyle.legendFontSize

        let defined = values.compactMap { $0 }
        let valueTexts = values.map { $0.map { ChartStyle.formatted(format, $0) } ?? "n/a" }
        let fullLabels = labels.map { SVGText.clean($0, limit: ChartStyle.labelLimit) }
        let labelColumn = Swift.min(TextMeasure.maxWidth(fullLabels, fontSize: labelFont), width * 0.35)
        let plotLeft = ChartStyle.padding + labelColumn + 8
        let valueColumn = TextMeasure.maxWidth(valueTexts, fontSize: fontSize)
        let plotRight = Swift.max(plotLeft + 40, width - ChartStyle.padding - valueColumn - 6)
        let negativeValueWidths = zip(values, valueTexts).filter { ($0.0 ?? 0) < 0 }.map(\.1)
        let negativePad = negativeValueWidths.isEmpty ? 0 : TextMeasure.maxWidth(negativeValueWidths, fontSize: fontSize) + 6
        let target = NiceScale.target(length: plotRight - plotLeft, spacing: 80)
        let low = Swift.min(0, defined.min() ?? 0)
        let high = Swift.max(0, defined.max() ?? 0)
        let nice: NiceScale
        if let maximum, maximum > 0, maximum >= high {
            nice = NiceScale(minimum: low, cap: maximum, target: target)
        } else {
            nice = NiceScale(minimum: low, maximum: high, includeZero: true, target: target)
        }
        let ticks = defined.isEmpty && maximum == nil ? [] : nice.ticks
        let plotBottom = height - axisSpace
        let band = (plotBottom - top) / Double(count)
        let scale = LinearScale(domainLower: nice.lower, domainUpper: nice.upper,
                                rangeStart: plotLeft + negativePad, rangeEnd: plotRight)
        let zero = scale(0)
        let barHeight = SVGNumber.round(Swift.min(band * 0.7, 22))

        var writer = SVGWriter()
        ChartDocument.begin(resolved, into: &writer)
        writer.open("g", [("class", "grid"), ("stroke", ChartStyle.gridColor), ("stroke-width", "1")])
        for tick in ticks {
            let x = scale(tick)
            writer.empty("line", [("x1", svgNumber(x)), ("y1", svgNumber(top)), ("x2", svgNumber(x)),
                                  ("y2", svgNumber(plotBottom))])
        }
        writer.close("g")
        writer.open("g", [("class", "axis axis-x"), ("font-size", svgNumber(fontSize)), ("fill", ChartStyle.textColor)])
        writer.empty("line", [("class", "axis-line"), ("x1", svgNumber(zero)), ("y1", svgNumber(top)),
                              ("x2", svgNumber(zero)), ("y2", svgNumber(plotBottom)), ("stroke", ChartStyle.axisColor)])
        for tick in ticks {
            writer.element("text", [("class", "label tick"), ("x", svgNumber(scale(tick))),
                                    ("y", svgNumber(plotBottom + fontSize + 6)), ("text-anchor", "middle")],
                           text: ChartStyle.formatted(format, tick))
        }
        writer.close("g")

        writer.open("g", [("class", "axis axis-y"), ("font-size", svgNumber(labelFont)), ("fill", ChartStyle.textColor)])
        for (index, label) in fullLabels.enumerated() {
            let middle = top + (Double(index) + 0.5) * band
            let shown = TextMeasure.truncate(label, maxWidth: labelColumn, fontSize: labelFont)
            LabelWriter.write(display: shown.text, full: label, truncated: shown.truncated,
                              attributes: [("class", "label category"), ("x", svgNumber(plotLeft - 8)),
                                           ("y", svgNumber(middle + 4)), ("text-anchor", "end")],
                              into: &writer)
        }
        writer.close("g")

        writer.open("g", [("class", "bars")])
        for (index, value) in values.enumerated() {
            guard let value, value != 0 else { continue }
            let middle = top + (Double(index) + 0.5) * band
            let end = scale(value)
            writer.empty("rect", [("class", "bar series-0"), ("x", svgNumber(Swift.min(zero, end))),
                                  ("y", svgNumber(SVGNumber.round(middle - barHeight / 2))),
                                  ("width", svgNumber(Swift.abs(end - zero))), ("height", svgNumber(barHeight)),
                                  ("fill", ChartPalette.color(forSeries: 0))])
        }
        writer.close("g")

        writer.open("g", [("class", "values"), ("font-size", svgNumber(fontSize)), ("fill", ChartStyle.textColor)])
        for (index, value) in values.enumerated() {
            let middle = top + (Double(index) + 0.5) * band
            let negative = (value ?? 0) < 0
            let x = value.map { scale($0) } ?? zero
            writer.element("text", [("class", value == nil ? "label value na" : "label value"),
                                    ("x", svgNumber(negative ? x - 4 : x + 4)), ("y", svgNumber(middle + 3.5)),
                                    ("text-anchor", negative ? "end" : "start")], text: valueTexts[index])
        }
        writer.close("g")
        ChartDocument.end(into: &writer)
        return writer.output
    }

    /// The generated description, e.g. "Bar chart of 5 items: Billing 42; Login 30; …".
    func summary(values: [Double?]) -> String {
        let shown = Swift.min(12, labels.count)
        var parts: [String] = []
        for index in 0..<shown {
            let value = values[index].map { ChartStyle.formatted(format, $0) } ?? "n/a"
            parts.append("\(SVGText.clean(labels[index], limit: 60)) \(value)")
        }
        var text = "Bar chart of \(labels.count) item\(labels.count == 1 ? "" : "s"): \(parts.joined(separator: "; "))"
        if labels.count > shown { text += "; and \(labels.count - shown) more" }
        return text + "."
    }
}
