/// The shared outer structure of every accessible chart: root element, title, description,
/// and the "No data" rendering.
enum ChartDocument {
    /// Writes the `<svg>` root, `<title>` and `<desc>`.
    static func begin(_ frame: ResolvedFrame, into writer: inout SVGWriter) {
        writer.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", "0 0 \(frame.width) \(frame.height)"),
            ("role", "img"),
            ("aria-labelledby", "\(frame.id)-title \(frame.id)-desc"),
            ("class", "chart"),
        ])
        writer.element("title", [("id", "\(frame.id)-title")], text: frame.title)
        writer.element("desc", [("id", "\(frame.id)-desc")], text: frame.description)
    }

    /// Closes the root element.
    static func end(into writer: inout SVGWriter) {
        writer.close("svg")
    }

    /// A complete chart showing only a frame and "No data".
    static func noData(_ frame: ResolvedFrame) -> String {
        var writer = SVGWriter()
        begin(frame, into: &writer)
        let width = Double(frame.width)
        let height = Double(frame.height)
        writer.empty("rect", [
            ("class", "frame"), ("x", "0.5"), ("y", "0.5"),
            ("width", svgNumber(width - 1)), ("height", svgNumber(height - 1)),
            ("fill", "none"), ("stroke", ChartStyle.gridColor),
        ])
        writeNoDataText(x: width / 2, y: height / 2, into: &writer)
        end(into: &writer)
        return writer.output
    }

    /// Writes a centred "No data" note.
    static func writeNoDataText(x: Double, y: Double, into writer: inout SVGWriter) {
        writer.element("text", [
            ("class", "label no-data"), ("x", svgNumber(x)), ("y", svgNumber(y + 4)),
            ("text-anchor", "middle"), ("font-size", "12"), ("fill", ChartStyle.textColor),
        ], text: "No data")
    }

    /// "over 12 periods from A to B" / "for A" — the span of the categories for generated descriptions.
    static func span(_ categories: [String]) -> String {
        let names = categories.map { SVGText.clean($0, limit: 60) }
        guard let first = names.first, let last = names.last else { return "with no periods" }
        if names.count == 1 { return "for \(first)" }
        return "over \(names.count) periods from \(first) to \(last)"
    }
}
