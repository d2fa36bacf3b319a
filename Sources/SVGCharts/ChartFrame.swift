/// The identity, accessible text and size of a chart.
public struct ChartFrame: Sendable {
    /// Identifier used for the `<title>`/`<desc>` ids (`ID-title`, `ID-desc`); reduced to `[A-Za-z0-9_-]`.
    /// Make it unique within the page.
    public var id: String
    /// Accessible title of the chart (its `<title>`).
    public var title: String
    /// Accessible description summarizing the data in words (its `<desc>`); when blank, the chart
    /// generates one from its data.
    public var description: String
    /// Width of the viewBox, in points (clamped to 160…4000).
    public var width: Int = 640
    /// Height of the viewBox, in points (clamped to 100…8000; a `BarChart` grows it to fit its rows).
    public var height: Int = 280

    /// Creates a frame; leave `description` blank to have the chart generate one.
    public init(id: String, title: String, description: String = "", width: Int = 640, height: Int = 280) {
        self.id = id
        self.title = title
        self.description = description
        self.width = width
        self.height = height
    }
}
