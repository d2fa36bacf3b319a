import CXlsxWriter

/// A chart created by ``Workbook/addChart(_:)``; add series, then place it with ``Worksheet/insertChart(_:row:column:xScale:yScale:)``.
///
/// "X axis" means the category axis and "Y axis" the value axis for every kind, so for
/// ``ChartKind/bar`` the Y axis is the horizontal one. Titles and names are always literal
/// text (a leading "=" is kept as text, not read as a cell reference). Problems are
/// reported by ``Workbook/close()``; after closing, every method does nothing.
public final class Chart {
    /// The chart type.
    public let kind: ChartKind

    let pointer: UnsafeMutablePointer<lxw_chart>?
    let workbook: Workbook
    private(set) var seriesCount = 0
    /// Set once the chart has been placed on a sheet; libxlsxwriter allows one placement.
    var isInserted = false

    init(workbook: Workbook, pointer: UnsafeMutablePointer<lxw_chart>?, kind: ChartKind) {
        self.workbook = workbook
        self.pointer = pointer
        self.kind = kind
    }

    /// Adds a data series: labels from `categories`, numbers from `values`, optionally colored 0xRRGGBB.
    public func addSeries(name: String, categories: CellRange, values: CellRange, color: UInt32? = nil) {
        guard let chart = openChart else { return }
        for (role, range) in [("categories", categories), ("values", values)] {
            if let problem = Self.problem(with: range) {
                workbook.record("chart series '\(name)': \(role) range on sheet '\(range.sheet)' \(problem)")
                return
            }
        }
        guard let series = Self.addSeries(to: chart, categories: categories, values: values) else {
            workbook.record("chart series '\(name)': cannot allocate the series")
            return
        }
        workbook.noteChartReference(series: name, sheet: categories.sheet)
        if values.sheet != categories.sheet {
            workbook.noteChartReference(series: name, sheet: values.sheet)
        }
        CellText.label(name).withCString { chart_series_set_name(series, $0) }
        if let color {
            let value = CellStyle.color(color)
            if kind == .line {
                var line = lxw_chart_line()
                line.color = value
                chart_series_set_line(series, &line)
            } else {
                var fill = lxw_chart_fill()
                fill.color = value
                chart_series_set_fill(series, &fill)
            }
        }
        seriesCount += 1
    }

    /// Sets the title shown above the chart.
    public func setTitle(_ title: String) {
        guard let chart = openChart else { return }
        CellText.label(title).withCString { chart_title_set_name(chart, $0) }
    }

    /// Sets the title of the category axis.
    public func setXAxisTitle(_ title: String) {
        guard let axis = categoryAxis else { return }
        CellText.label(title).withCString { chart_axis_set_name(axis, $0) }
    }

    /// Sets the title of the value axis.
    public func setYAxisTitle(_ title: String) {
        guard let axis = valueAxis else { return }
        CellText.label(title).withCString { chart_axis_set_name(axis, $0) }
    }

    /// Sets the number format of the value axis labels, e.g. `"$#,##0"` or `"0%"`.
    public func setYAxisNumberFormat(_ format: String) {
        guard let axis = valueAxis else { return }
        CellText.sanitized(format).withCString { chart_axis_set_num_format(axis, $0) }
    }

    /// Moves the legend below the plot area.
    public func setLegendAtBottom() {
        guard let chart = openChart else { return }
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
    }

    // MARK: - Helpers

    private var openChart: UnsafeMutablePointer<lxw_chart>? {
        workbook.isOpen ? pointer : nil
    }

    /// libxlsxwriter's x_axis is the horizontal one, which for bar charts is the value axis.
    private var categoryAxis: UnsafeMutablePointer<lxw_chart_axis>? {
        guard let chart = openChart else { return nil }
        return kind == .bar ? chart.pointee.y_axis : chart.pointee.x_axis
    }

    private var valueAxis: UnsafeMutablePointer<lxw_chart_axis>? {
        guard let chart = openChart else { return nil }
        return kind == .bar ? chart.pointee.x_axis : chart.pointee.y_axis
    }

    /// Why a range cannot be charted, or nil.
    private static func problem(with range: CellRange) -> String? {
        guard CellReference.row(range.firstRow) != nil, CellReference.row(range.lastRow) != nil,
              CellReference.column(range.firstColumn) != nil, CellReference.column(range.lastColumn) != nil,
              range.firstRow <= range.lastRow, range.firstColumn <= range.lastColumn
        else {
            return "is not a valid block of cells (rows \(range.firstRow)...\(range.lastRow), columns \(range.firstColumn)...\(range.lastColumn))"
        }
        return nil
    }

    /// Adds a series with both ranges, quoting sheet names the way Excel needs.
    ///
    /// libxlsxwriter quotes a sheet name only if it contains something other than ASCII
    /// letters, digits, "_" and "."; names made only of those (such as "2024" or "A1")
    /// can still need quotes. For them the range formula is built here, always quoted;
    /// libxlsxwriter strips the quotes again to find the sheet for the chart's value cache.
    /// Other names go through libxlsxwriter's own quoting, which doubles apostrophes.
    private static func addSeries(
        to chart: UnsafeMutablePointer<lxw_chart>, categories: CellRange, values: CellRange
    ) -> UnsafeMutablePointer<lxw_chart_series>? {
        let categoriesFormula = explicitFormula(for: categories)
        let valuesFormula = explicitFormula(for: values)
        let series = withOptionalCString(categoriesFormula) { categoriesPointer in
            withOptionalCString(valuesFormula) { valuesPointer in
                chart_add_series(chart, categoriesPointer, valuesPointer)
            }
        }
        guard let series else { return nil }
        if categoriesFormula == nil {
            categories.sheet.withCString { sheet in
                chart_series_set_categories(series, sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstColumn),
                                            lxw_row_t(categories.lastRow), lxw_col_t(categories.lastColumn))
            }
        }
        if valuesFormula == nil {
            values.sheet.withCString { sheet in
                chart_series_set_values(series, sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
                                        lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
            }
        }
        return series
    }

    private static func explicitFormula(for range: CellRange) -> String? {
        SheetName.needsExplicitQuoting(range.sheet) ? CellReference.absoluteFormula(range) : nil
    }

    private static func withOptionalCString<Result>(
        _ text: String?, _ body: (UnsafePointer<CChar>?) -> Result
    ) -> Result {
        guard let text else { return body(nil) }
        return text.withCString { body($0) }
    }
}
