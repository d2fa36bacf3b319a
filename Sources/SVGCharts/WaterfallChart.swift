/// A waterfall (bridge) chart, e.g. start MRR → +new, +reactivation, +expansion, −contraction,
/// −churn → end MRR. Totals stand on 0; each change floats from the running total; dashed
/// connectors join the bars. Changes are labelled with signed values ("+1,200", "−300") and
/// classed `increase`/`decrease`, totals `total`, so colour is never the only cue.
public struct WaterfallChart: Sendable {
    let frame: ChartFrame
    let steps: [WaterfallStep]
    let format: @Sendable (Double) -> String
    let legendNames: LegendNames

    /// The legend's words for the three kinds of bar, in the page's language.
    public struct LegendNames: Sendable {
        /// A total bar (start, end).
        public var total: String
        /// A change that adds.
        public var increase: String
        /// A change that subtracts.
        public var decrease: String

        /// Names the three kinds of bar.
        public init(total: String, increase: String, decrease: String) {
            self.total = total
            self.increase = increase
            self.decrease = decrease
        }

        /// "Total", "Increase", "Decrease".
        public static let english = LegendNames(total: "Total", increase: "Increase", decrease: "Decrease")
    }

    /// Creates a waterfall chart; `format` formats ticks and (unsigned) magnitudes (e.g. "¥1.2M").
    public init(frame: ChartFrame, steps: [WaterfallStep], format: @escaping @Sendable (Double) -> String,
                legendNames: LegendNames = .english) {
        self.frame = frame
        self.steps = steps
        self.format = format
        self.legendNames = legendNames
    }

    /// The bars in data units, in step order: a total spans 0 → value and resets the running total
    /// (which starts at 0); a change spans running → running + value. A non-finite step is `.undefined`
    /// (spanning running → running) and leaves the running total unchanged.
    public func bars() -> [WaterfallBar] {
        var running = 0.0
        var result: [WaterfallBar] = []
        for step in steps {
            guard step.value.isFinite else {
                result.append(WaterfallBar(label: step.label, from: running, to: running, kind: .undefined, value: nil))
                continue
            }
            switch step.kind {
            case .total:
                result.append(WaterfallBar(label: step.label, from: 0, to: step.value, kind: .total, value: step.value))
                running = step.value
            case .change:
                let end = running + step.value
                result.append(WaterfallBar(label: step.label, from: running, to: end,
                                           kind: step.value < 0 ? .decrease : .increase, value: step.value))
                running = end
            }
        }
        return result
    }

    /// The value label of `bar`: a total formatted as is, a change signed ("+x" / "−x"), or "n/a".
    func valueLabel(_ bar: WaterfallBar) -> String {
        guard let value = bar.value else { return "n/a" }
        switch bar.kind {
        case .total, .undefined: return ChartStyle.formatted(format, value)
        case .increase, .decrease:
            if value > 0 { return "+" + ChartStyle.formatted(format, value) }
            if value < 0 { return "\u{2212}" + ChartStyle.formatted(format, -value) }
            return ChartStyle.formatted(format, 0)
        }
    }

    /// Renders the chart as a standalone, well-formed `<svg>` element.
    public func svg() -> String {
        let bars = bars()
        if bars.isEmpty {
            return ChartDocument.noData(ResolvedFrame(frame) { "Waterfall chart with no data." })
        }
        let resolved = ResolvedFrame(frame) { summary(bars) }
        let width = Double(resolved.width)
        let height = Double(resolved.height)

        let levels = bars.flatMap { [$0.from, $0.to] }
        let low = Swift.min(0, levels.min() ?? 0)
        let high = Swift.max(0, levels.max() ?? 0)
        let headroom = (high - low) * 0.08
        let nice = NiceScale(minimum: low < 0 ? low - headroom : 0, maximum: high > 0 ? high + headroom : 0,
                             includeZero: true, target: PlotLayout.tickTarget(height: height))
        let ticks = bars.contains { $0.kind != .undefined } ? nice.ticks : []
        let tickLabels = ticks.map { ChartStyle.formatted(format, $0) }
        var legendItems: [LegendItem] = []
        for (kind, name, className, fill) in [(WaterfallBar.Kind.total, legendNames.total, "total", ChartPalette.total),
                                              (.increase, legendNames.increase, "increase", ChartPalette.increase),
                                              (.decrease, legendNames.decrease, "decrease", ChartPalette.decrease)]
        where bars.contains(where: { $0.kind == kind }) {
            legendItems.append(LegendItem(name: name, swatch: .box(className: className, fill: fill)))
        }
        let layout = PlotLayout(width: width, height: height, leftLabels: tickLabels, rightLabels: nil,
                                legendItems: legendItems, categories: bars.map(\.label))
        let scale = layout.yScale(nice)
        let barWidth = SVGNumber.round(Swift.max(1, Swift.min(layout.band * 0.7, 56)))

        var writer = SVGWriter()
        layout.beginBarPlot(resolved, ticks: ticks, tickLabels: tickLabels, scale: scale, into: &writer)

        writer.open("g", [("class", "connectors"), ("stroke", ChartStyle.axisColor), ("stroke-width", "1"),
                          ("stroke-dasharray", "3 2")])
        for index in 0..<(bars.count - 1) {
            let y = scale(bars[index].to)
            writer.empty("line", [("class", "connector"),
                                  ("x1", svgNumber(layout.center(index) + barWidth / 2)), ("y1", svgNumber(y)),
                                  ("x2", svgNumber(layout.center(index + 1) - barWidth / 2)), ("y2", svgNumber(y))])
        }
        writer.close("g")

        writer.open("g", [("class", "bars")])
        for (index, bar) in bars.enumerated() where bar.kind != .undefined {
            let (className, fill) = Self.style(bar.kind)
            let y1 = scale(bar.from)
            let y2 = scale(bar.to)
            writer.open("rect", [("class", "bar " + className),
                                 ("x", svgNumber(SVGNumber.round(layout.center(index) - barWidth / 2))),
                                 ("y", svgNumber(Swift.min(y1, y2))), ("width", svgNumber(barWidth)),
                                 ("height", svgNumber(Swift.abs(y2 - y1))), ("fill", fill)])
            writer.title("\(SVGText.clean(bar.label, limit: 200)): \(valueLabel(bar))")
            writer.close("rect")
        }
        writer.close("g")
        ValueAxis.writeZeroLine(scale: scale, left: layout.left, right: layout.right, into: &writer)

        writer.open("g", [("class", "values"), ("font-size", svgNumber(ChartStyle.axisFontSize)),
                          ("fill", ChartStyle.textColor), ("text-anchor", "middle")])
        for (index, bar) in bars.enumerated() {
            let top = Swift.max(bar.from, bar.to)
            let below = top < 0 || (top == 0 && Swift.min(bar.from, bar.to) < 0)
            let y = below ? scale(Swift.min(bar.from, bar.to)) + 12 : scale(top) - 4
            let className = bar.kind == .undefined ? "na" : Self.style(bar.kind).className
            writer.element("text", [("class", "label value " + className), ("x", svgNumber(layout.center(index))),
                                    ("y", svgNumber(y))], text: valueLabel(bar))
        }
        writer.close("g")
        layout.legend.write(into: &writer)
        ChartDocument.end(into: &writer)
        return writer.output
    }

    /// Class name and fill of a bar kind.
    static func style(_ kind: WaterfallBar.Kind) -> (className: String, fill: String) {
        switch kind {
        case .total: return ("total", ChartPalette.total)
        case .increase: return ("increase", ChartPalette.increase)
        case .decrease: return ("decrease", ChartPalette.decrease)
        case .undefined: return ("na", "none")
        }
    }

    /// The generated description, e.g. "Waterfall chart: Start 100; New +20; Churn −30; End 90."
    func summary(_ bars: [WaterfallBar]) -> String {
        let parts = bars.map { "\(SVGText.clean($0.label, limit: 60)) \(valueLabel($0))" }
        return "Waterfall chart: \(parts.joined(separator: "; "))."
    }
}
