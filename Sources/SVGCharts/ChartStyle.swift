/// Fixed layout and presentation constants shared by the charts.
enum ChartStyle {
    /// Font size of tick, category and value labels.
    static let axisFontSize = 10.0
    /// Font size of legend labels.
    static let legendFontSize = 11.0
    /// Colour of axis and value text.
    static let textColor = "#444444"
    /// Colour of axis lines.
    static let axisColor = "#9A9A9A"
    /// Colour of grid lines.
    static let gridColor = "#E3E3E3"
    /// Colour of the zero line when the domain spans negative values.
    static let zeroColor = "#666666"
    /// Colour of the dashed reference (target) line.
    static let referenceColor = "#333333"
    /// Outer padding, in points.
    static let padding = 8.0
    /// Longest title or description kept, in Unicode scalars.
    static let longTextLimit = 2000
    /// Longest label kept for tooltips, in Unicode scalars.
    static let labelLimit = 1000
    /// Longest formatted value kept, in Unicode scalars.
    static let valueLimit = 64

    /// Cleans a caller formatter's output for display.
    static func formatted(_ format: @Sendable (Double) -> String, _ value: Double) -> String {
        SVGText.clean(format(value), limit: valueLimit)
    }
}
