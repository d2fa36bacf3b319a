/// Writes a text label that may have been shortened for display; a shortened label is wrapped as
/// `<g><title>full text</title><text>short…</text></g>` so the full text stays available.
enum LabelWriter {
    /// Writes `display` as a `<text>` with `attributes`, adding the `full` text as a tooltip when `truncated`.
    static func write(display: String, full: String, truncated: Bool, attributes: [(String, String)],
                      into writer: inout SVGWriter) {
        if truncated {
            writer.open("g")
            writer.title(full)
            writer.element("text", attributes, text: display)
            writer.close("g")
        } else {
            writer.element("text", attributes, text: display)
        }
    }

    /// Cleans `text`, shortens it to `maxWidth`, and writes it (see `write(display:full:truncated:attributes:into:)`).
    static func write(_ text: String, maxWidth: Double, fontSize: Double, attributes: [(String, String)],
                      into writer: inout SVGWriter) {
        let full = SVGText.clean(text, limit: ChartStyle.labelLimit)
        let shown = TextMeasure.truncate(full, maxWidth: maxWidth, fontSize: fontSize)
        write(display: shown.text, full: full, truncated: shown.truncated, attributes: attributes, into: &writer)
    }
}
