/// The plot rectangle of a chart with categories along the bottom, value ticks on the left (and
/// optionally on the right), and a legend across the top.
struct PlotLayout: Sendable {
    /// Left edge of the plot area.
    let left: Double
    /// Right edge of the plot area.
    let right: Double
    /// Top edge of the plot area.
    let top: Double
    /// Bottom edge of the plot area (the category axis).
    let bottom: Double
    /// Width of one category band.
    let band: Double
    /// The category labels' placement.
    let categories: CategoryAxisLayout
    /// The legend's placement.
    let legend: LegendLayout

    /// About how many tick intervals a chart of `height` should have.
    static func tickTarget(height: Double) -> Int {
        NiceScale.target(length: height - 90, spacing: 36)
    }

    /// Lays out a `width` × `height` chart.
    init(width: Double, height: Double, leftLabels: [String], rightLabels: [String]?,
         legendItems: [LegendItem], categories: [String]) {
        let fontSize = ChartStyle.axisFontSize
        left = ChartValues.clamp(TextMeasure.maxWidth(leftLabels, fontSize: fontSize) + 12, 28, width * 0.3)
        if let rightLabels {
            right = width - ChartValues.clamp(TextMeasure.maxWidth(rightLabels, fontSize: fontSize) + 12, 28, width * 0.3)
        } else {
            right = width - 16
        }
        legend = LegendLayout(items: legendItems, width: width)
        top = legend.height == 0 ? 14 : legend.height + 12
        band = (right - left) / Double(Swift.max(1, categories.count))
        self.categories = CategoryAxisLayout(categories: categories, band: band, maxHeight: height * 0.3,
                                             firstCenter: left + band / 2)
        bottom = Swift.max(top + 20, height - self.categories.height)
    }

    /// The x of the middle of category `index`'s band.
    func center(_ index: Int) -> Double {
        left + (Double(index) + 0.5) * band
    }

    /// A value scale from `scale`'s domain onto the plot's height.
    func yScale(_ scale: NiceScale) -> LinearScale {
        LinearScale(domainLower: scale.lower, domainUpper: scale.upper, rangeStart: bottom, rangeEnd: top)
    }

    /// Starts the document and draws what every bar chart over this layout shares: the value grid,
    /// the left value labels and the category labels.
    func beginBarPlot(_ frame: ResolvedFrame, ticks: [Double], tickLabels: [String], scale: LinearScale,
                      into writer: inout SVGWriter) {
        ChartDocument.begin(frame, into: &writer)
        ValueAxis.writeGrid(ticks: ticks, scale: scale, left: left, right: right, into: &writer)
        ValueAxis.writeLabels(ticks: ticks, labels: tickLabels, scale: scale, x: left - 6, leftSide: true, into: &writer)
        categories.write(plotLeft: left, plotRight: right, plotBottom: bottom, center: center, into: &writer)
    }
}
