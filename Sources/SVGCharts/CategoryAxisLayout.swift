/// Placement of category labels under a band axis: all horizontal when they fit; every other one
/// (always keeping the last) for 8+ short labels such as months; otherwise rotated 45° (thinned only
/// if the bands are too narrow even then) and shortened with "…", the full text kept as a tooltip.
struct CategoryAxisLayout: Sendable {
    /// A category label as displayed.
    struct Label: Sendable {
        let display: String
        let full: String
        let truncated: Bool
        let visible: Bool
    }

    /// The labels, one per category.
    let labels: [Label]
    /// Whether labels are rotated.
    let rotated: Bool
    /// Vertical space needed below the plot area.
    let height: Double
    /// Font size of the labels.
    let fontSize: Double

    /// Lays out `categories` for bands `band` points wide, using at most `maxHeight` below the plot;
    /// `firstCenter` (the x of the first band's middle) keeps rotated labels inside the left edge.
    init(categories: [String], band: Double, maxHeight: Double, firstCenter: Double,
         fontSize: Double = ChartStyle.axisFontSize) {
        self.fontSize = fontSize
        let full = categories.map { SVGText.clean($0, limit: ChartStyle.labelLimit) }
        let count = full.count
        let widest = TextMeasure.maxWidth(full, fontSize: fontSize)
        let horizontalHeight = fontSize + 10
        func visibleEvery(_ stride: Int) -> [Bool] {
            (0..<count).map { (count - 1 - $0) % stride == 0 }
        }
        func shortened(_ maxWidth: Double, _ visible: [Bool], limit: (Int) -> Double = { _ in .infinity }) -> [Label] {
            full.enumerated().map { index, text in
                let shown = TextMeasure.truncate(text, maxWidth: Swift.min(maxWidth, limit(index)), fontSize: fontSize)
                return Label(display: shown.text, full: text, truncated: shown.truncated, visible: visible[index])
            }
        }
        // Neighbouring labels keep at least 8 points between them.
        if widest <= band - 8 || count <= 1 {
            labels = shortened(Swift.max(band - 8, fontSize * 3), visibleEvery(1))
            rotated = false
            height = horizontalHeight
        } else if widest <= 2 * band - 8 && count >= 8 {
            labels = shortened(2 * band - 8, visibleEvery(2))
            rotated = false
            height = horizontalHeight
        } else {
            let stride = Swift.max(1, Int((fontSize * 1.6 / Swift.max(band, 0.1)).rounded(.up)))
            let maxLength = Swift.max(fontSize * 3, (maxHeight - fontSize - 10) / 0.78)
            let length = Swift.min(widest, maxLength)
            labels = shortened(length, visibleEvery(stride)) { index in
                Swift.max(fontSize * 2, (firstCenter + Double(index) * band) / 0.7071 - 4)
            }
            rotated = true
            height = length * 0.78 + fontSize + 10
        }
    }

    /// Writes the x axis line and the visible labels; `center` gives each category's x.
    func write(plotLeft: Double, plotRight: Double, plotBottom: Double, center: (Int) -> Double,
               into writer: inout SVGWriter) {
        writer.open("g", [("class", "axis axis-x"), ("font-size", svgNumber(fontSize)),
                          ("fill", ChartStyle.textColor)])
        writer.empty("line", [
            ("class", "axis-line"), ("x1", svgNumber(plotLeft)), ("y1", svgNumber(plotBottom)),
            ("x2", svgNumber(plotRight)), ("y2", svgNumber(plotBottom)), ("stroke", ChartStyle.axisColor),
        ])
        for (index, label) in labels.enumerated() where label.visible {
            let x = center(index)
            var attributes: [(String, String)] = [("class", "label category")]
            if rotated {
                let y = plotBottom + 10
                attributes += [("x", svgNumber(x + 3)), ("y", svgNumber(y)), ("text-anchor", "end"),
                               ("transform", "rotate(-45 \(svgNumber(x + 3)) \(svgNumber(y)))")]
            } else {
                attributes += [("x", svgNumber(x)), ("y", svgNumber(plotBottom + fontSize + 4)),
                               ("text-anchor", "middle")]
            }
            LabelWriter.write(display: label.display, full: label.full, truncated: label.truncated,
                              attributes: attributes, into: &writer)
        }
        writer.close("g")
    }
}
