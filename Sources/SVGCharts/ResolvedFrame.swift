/// A `ChartFrame` made safe for output: sanitized id, cleaned title and description, clamped size.
struct ResolvedFrame: Sendable {
    /// Identifier restricted to `[A-Za-z0-9_-]`.
    let id: String
    /// Cleaned accessible title.
    let title: String
    /// Cleaned accessible description (the caller's, or the chart's generated summary).
    let description: String
    /// Width of the viewBox.
    let width: Int
    /// Height of the viewBox.
    let height: Int

    /// Resolves `frame`; `generated` supplies the description when the caller left it blank.
    init(_ frame: ChartFrame, minimumHeight: Int = 0, generated: () -> String) {
        id = SVGText.identifier(frame.id)
        title = SVGText.clean(frame.title, limit: ChartStyle.longTextLimit)
        let given = SVGText.clean(frame.description, limit: ChartStyle.longTextLimit)
        description = given.isEmpty ? SVGText.clean(generated(), limit: ChartStyle.longTextLimit) : given
        width = Swift.min(Swift.max(frame.width, 160), 4000)
        height = Swift.min(Swift.max(frame.height, 100, minimumHeight), 8000)
    }
}
