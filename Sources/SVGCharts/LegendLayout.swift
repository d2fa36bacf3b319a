/// A legend laid out left to right from the top-left corner, wrapping onto new rows.
struct LegendLayout: Sendable {
    /// A positioned legend entry.
    struct Entry: Sendable {
        let swatch: LegendItem.Swatch
        let x: Double
        let baseline: Double
        let display: String
        let full: String
        let truncated: Bool
    }

    static let rowHeight = 16.0

    /// The positioned entries.
    let entries: [Entry]
    /// Vertical space the legend takes from the top edge (0 when empty).
    let height: Double

    /// Lays out `items` within `width`.
    init(items: [LegendItem], width: Double) {
        let fontSize = ChartStyle.legendFontSize
        let padding = ChartStyle.padding
        let maxText = Swift.max(40, Swift.min(200, width * 0.45))
        var entries: [Entry] = []
        var x = padding
        var row = 0
        for item in items {
            let full = SVGText.clean(item.name, limit: ChartStyle.labelLimit)
            let shown = TextMeasure.truncate(full.isEmpty ? "\u{2014}" : full, maxWidth: maxText, fontSize: fontSize)
            let swatchWidth: Double
            switch item.swatch {
            case .line: swatchWidth = 20
            case .box: swatchWidth = 10
            }
            let itemWidth = swatchWidth + 5 + TextMeasure.width(shown.text, fontSize: fontSize)
            if x > padding && x + itemWidth > width - padding {
                row += 1
                x = padding
            }
            let baseline = padding + fontSize + Double(row) * LegendLayout.rowHeight
            entries.append(Entry(swatch: item.swatch, x: x, baseline: baseline, display: shown.text,
                                 full: full, truncated: shown.truncated))
            x += itemWidth + 18
        }
        self.entries = entries
        self.height = entries.isEmpty ? 0 : padding + Double(row + 1) * LegendLayout.rowHeight
    }

    /// Writes `<g class="legend">…</g>`.
    func write(into writer: inout SVGWriter) {
        guard !entries.isEmpty else { return }
        writer.open("g", [("class", "legend"), ("font-size", svgNumber(ChartStyle.legendFontSize)),
                          ("fill", ChartStyle.textColor)])
        for entry in entries {
            let middle = entry.baseline - 4
            let textX: Double
            switch entry.swatch {
            case .line(let series):
                writer.empty("line", [
                    ("class", "swatch " + ChartPalette.className(forSeries: series)),
                    ("x1", svgNumber(entry.x)), ("y1", svgNumber(middle)),
                    ("x2", svgNumber(entry.x + 20)), ("y2", svgNumber(middle)),
                ] + LineStyle.strokeAttributes(series).filter { $0.0 != "fill" })
                LineStyle.writeMarker(series, x: entry.x + 10, y: middle, tooltip: nil, into: &writer)
                textX = entry.x + 25
            case .box(let className, let fill):
                writer.empty("rect", [
                    ("class", "swatch " + className),
                    ("x", svgNumber(entry.x)), ("y", svgNumber(middle - 5)),
                    ("width", "10"), ("height", "10"), ("fill", fill),
                ])
                textX = entry.x + 15
            }
            LabelWriter.write(display: entry.display, full: entry.full, truncated: entry.truncated,
                              attributes: [("class", "label legend-label"), ("x", svgNumber(textX)),
                                           ("y", svgNumber(entry.baseline))],
                              into: &writer)
        }
        writer.close("g")
    }
}
