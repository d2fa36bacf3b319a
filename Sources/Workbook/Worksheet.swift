import CXlsxWriter

/// One sheet of a ``Workbook``: cells, column widths, panes, filters and print setup.
///
/// Rows and columns are zero-based (row 0, column 0 is A1). Write methods do not throw:
/// a failure (cell outside the sheet, invalid date, libxlsxwriter error) is recorded with
/// the sheet and cell named, and ``Workbook/close()`` reports it. After the workbook is
/// closed every method does nothing. In constant-memory mode rows must be written in
/// increasing order.
public final class Worksheet {
    /// The sheet name as shown on its tab.
    public let name: String

    private let workbook: Workbook
    private let pointer: UnsafeMutablePointer<lxw_worksheet>

    init(workbook: Workbook, pointer: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.workbook = workbook
        self.pointer = pointer
        self.name = name
    }

    // MARK: - Cells

    /// Writes `text` as a string cell, never as a formula, whatever it starts with.
    ///
    /// Text over Excel's 32,767-character limit is cut at a character boundary and ends
    /// with "…". Control characters other than tab, line feed and carriage return, and
    /// U+FFFE/U+FFFF, become U+FFFD. An empty string writes nothing unless a style is given.
    public func write(_ text: String, row: Int, column: Int, style: CellStyle? = nil) {
        guard let (r, c) = cell(row, column, "write text") else { return }
        let format = workbook.format(for: style, context: self.context(row, column))
        let filtered = workbook.textFilter.map { $0(text) } ?? text
        let error = CellText.cell(filtered).withCString { worksheet_write_string(pointer, r, c, $0, format) }
        check(error, "write text", row, column)
    }

    /// Writes a number; NaN and infinities are written as a blank cell (keeping the style).
    public func write(_ number: Double, row: Int, column: Int, style: CellStyle? = nil) {
        guard number.isFinite else {
            writeBlank(row: row, column: column, style: style)
            return
        }
        guard let (r, c) = cell(row, column, "write a number") else { return }
        let format = workbook.format(for: style, context: self.context(row, column))
        check(worksheet_write_number(pointer, r, c, number, format), "write a number", row, column)
    }

    /// Writes a calendar date as an Excel date serial (1900 date system).
    ///
    /// The cell shows the style's number format, or "yyyy-mm-dd" when the style has none.
    /// Dates must be real days from 1900-01-01 through 9999-12-31.
    public func writeDate(year: Int, month: Int, day: Int, row: Int, column: Int, style: CellStyle? = nil) {
        guard let (r, c) = cell(row, column, "write a date") else { return }
        guard let serial = ExcelDate.serial(year: year, month: month, day: day) else {
            workbook.record("\(context(row, column)): cannot write date \(year)-\(month)-\(day): not a valid day between 1900-01-01 and 9999-12-31")
            return
        }
        var dateStyle = style ?? CellStyle()
        if dateStyle.numberFormat == nil { dateStyle.numberFormat = "yyyy-mm-dd" }
        let format = workbook.format(for: dateStyle, context: self.context(row, column))
        check(worksheet_write_number(pointer, r, c, serial, format), "write a date", row, column)
    }

    /// Writes an empty cell; without a style this writes nothing.
    public func writeBlank(row: Int, column: Int, style: CellStyle? = nil) {
        guard let (r, c) = cell(row, column, "write a blank") else { return }
        let format = workbook.format(for: style, context: self.context(row, column))
        check(worksheet_write_blank(pointer, r, c, format), "write a blank", row, column)
    }

    // MARK: - Layout

    /// Sets one column's width in Excel character units (the default is about 8.43), with an optional default style.
    public func setColumn(_ column: Int, width: Double, style: CellStyle? = nil) {
        setColumnRange(column, column, width: width, style: style)
    }

    /// Sets the width of columns `first` through `last` (inclusive) in Excel character units.
    public func setColumns(_ first: Int, _ last: Int, width: Double) {
        setColumnRange(first, last, width: width, style: nil)
    }

    /// Freezes the rows above `row` and the columns left of `column` (0 freezes none).
    public func freezePanes(row: Int, column: Int) {
        guard isOpen else { return }
        guard let r = CellReference.row(row), let c = CellReference.column(column) else {
            workbook.record("sheet '\(name)': cannot freeze panes at \(CellReference.describe(row: row, column: column)): outside the sheet")
            return
        }
        worksheet_freeze_panes(pointer, r, c)
    }

    /// Sets how the sheet prints: landscape or portrait, scaled to one page wide (as many pages tall as
    /// needed) when `fitToPageWidth`, with the first `repeatedRows` rows printed on every page.
    public func setPrintLayout(landscape: Bool, fitToPageWidth: Bool, repeatedRows: Int = 0) {
        guard isOpen else { return }
        if landscape { worksheet_set_landscape(pointer) } else { worksheet_set_portrait(pointer) }
        if fitToPageWidth { worksheet_fit_to_pages(pointer, 1, 0) }
        if repeatedRows > 0 {
            guard let last = CellReference.row(repeatedRows - 1) else {
                workbook.record("sheet '\(name)': cannot repeat \(repeatedRows) rows on printed pages: outside the sheet")
                return
            }
            check(worksheet_repeat_rows(pointer, 0, last), "repeat rows on printed pages", 0, 0)
        }
    }

    /// Adds filter drop-downs to the header row `firstRow` for the given block; one per sheet.
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        let action = "add an autofilter"
        guard let box = block(firstRow, firstColumn, lastRow, lastColumn, action) else { return }
        let error = worksheet_autofilter(pointer, box.firstRow, box.firstColumn, box.lastRow, box.lastColumn)
        checkBlock(error, action, firstRow, firstColumn, lastRow, lastColumn)
    }

    /// Adds a conditional format: cells in the block whose value equals `text` get `style`.
    ///
    /// The text is compared as a string (Excel ignores case); quotes in it are handled.
    /// Only font, color, fill, border and number-format parts of the style apply.
    public func highlightCells(
        firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
        equalTo text: String, style: CellStyle
    ) {
        let action = "add conditional formatting"
        guard let box = block(firstRow, firstColumn, lastRow, lastColumn, action) else { return }
        let clean = CellText.sanitized(text)
        guard clean.utf16.count <= 255 else {
            workbook.record("sheet '\(name)': cannot \(action): the text to match is \(clean.utf16.count) characters; Excel formulas allow at most 255")
            return
        }
        let criterion = "\"" + String(clean.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
        let describedBlock = CellReference.describe(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        guard let format = workbook.format(for: style, context: "sheet '\(name)', conditional format on \(describedBlock)") else {
            return
        }
        let error = criterion.withCString { value -> lxw_error in
            var rule = lxw_conditional_format()
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
            rule.value_string = UnsafeMutablePointer(mutating: value)
            rule.format = format
            return worksheet_conditional_format_range(pointer, box.firstRow, box.firstColumn, box.lastRow, box.lastColumn, &rule)
        }
        checkBlock(error, action, firstRow, firstColumn, lastRow, lastColumn)
    }

    /// Places a chart with its top-left corner on the given cell, scaled from its default 480×288 pixels.
    ///
    /// A chart can be inserted once and needs at least one series.
    public func insertChart(_ chart: Chart, row: Int, column: Int, xScale: Double = 1, yScale: Double = 1) {
        let action = "insert a chart"
        guard let (r, c) = cell(row, column, action) else { return }
        guard let chartPointer = chart.pointer else { return }
        guard chart.workbook === workbook else {
            workbook.record("\(context(row, column)): cannot \(action): the chart belongs to another workbook ('\(chart.workbook.path)')")
            return
        }
        guard !chart.isInserted else {
            workbook.record("\(context(row, column)): cannot \(action): the chart is already placed (a chart can be inserted once)")
            return
        }
        guard chart.seriesCount > 0 else {
            workbook.record("\(context(row, column)): cannot \(action): the chart has no series")
            return
        }
        guard xScale.isFinite, yScale.isFinite, xScale > 0, yScale > 0 else {
            workbook.record("\(context(row, column)): cannot \(action): scales must be positive (got \(xScale) × \(yScale))")
            return
        }
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        let error = worksheet_insert_chart_opt(pointer, r, c, chartPointer, &options)
        check(error, action, row, column)
        if error == LXW_NO_ERROR { chart.isInserted = true }
    }

    // MARK: - Print setup

    /// Prints the sheet in landscape orientation.
    public func setLandscape() {
        guard isOpen else { return }
        worksheet_set_landscape(pointer)
    }

    /// Scales the printout to at most `wide` pages across and `tall` pages down (0 means no limit).
    public func fitToPages(wide: Int, tall: Int) {
        guard isOpen else { return }
        guard (0...32_767).contains(wide), (0...32_767).contains(tall) else {
            workbook.record("sheet '\(name)': cannot fit to \(wide) × \(tall) pages: counts must be within 0...32767")
            return
        }
        worksheet_fit_to_pages(pointer, UInt16(wide), UInt16(tall))
    }

    /// Repeats rows `first` through `last` (inclusive) at the top of every printed page.
    public func repeatRows(first: Int, last: Int) {
        guard isOpen else { return }
        guard let f = CellReference.row(first), let l = CellReference.row(last), first <= last else {
            workbook.record("sheet '\(name)': cannot repeat rows \(first)...\(last) on each page: not a valid row range")
            return
        }
        let error = worksheet_repeat_rows(pointer, f, l)
        if error != LXW_NO_ERROR {
            workbook.record("sheet '\(name)': cannot repeat rows \(first)...\(last) on each page: \(Workbook.describe(error))")
        }
    }

    // MARK: - Helpers

    private var isOpen: Bool { workbook.isOpen }

    private func context(_ row: Int, _ column: Int) -> String {
        "sheet '\(name)', cell \(CellReference.describe(row: row, column: column))"
    }

    /// Checked cell coordinates, or nil (recorded) when outside the sheet or closed.
    private func cell(_ row: Int, _ column: Int, _ action: String) -> (lxw_row_t, lxw_col_t)? {
        guard isOpen else { return nil }
        guard let r = CellReference.row(row), let c = CellReference.column(column) else {
            workbook.record("\(context(row, column)): cannot \(action): outside the sheet")
            return nil
        }
        return (r, c)
    }

    private struct Block {
        var firstRow: lxw_row_t, firstColumn: lxw_col_t, lastRow: lxw_row_t, lastColumn: lxw_col_t
    }

    /// Checked block coordinates, or nil (recorded) when outside the sheet, reversed, or closed.
    private func block(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int, _ action: String) -> Block? {
        guard isOpen else { return nil }
        guard let fr = CellReference.row(firstRow), let fc = CellReference.column(firstColumn),
              let lr = CellReference.row(lastRow), let lc = CellReference.column(lastColumn),
              firstRow <= lastRow, firstColumn <= lastColumn
        else {
            let described = CellReference.describe(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
            workbook.record("sheet '\(name)': cannot \(action) on \(described): not a valid block of cells")
            return nil
        }
        return Block(firstRow: fr, firstColumn: fc, lastRow: lr, lastColumn: lc)
    }

    private func setColumnRange(_ first: Int, _ last: Int, width: Double, style: CellStyle?) {
        guard isOpen else { return }
        guard let f = CellReference.column(first), let l = CellReference.column(last), first <= last else {
            workbook.record("sheet '\(name)': cannot set width of columns \(first)...\(last): not a valid column range")
            return
        }
        guard width.isFinite, (0...255).contains(width) else {
            workbook.record("sheet '\(name)': cannot set width of columns \(first)...\(last) to \(width): Excel allows 0...255")
            return
        }
        let format = workbook.format(for: style, context: "sheet '\(name)', columns \(first)...\(last)")
        let error = worksheet_set_column(pointer, f, l, width, format)
        if error != LXW_NO_ERROR {
            workbook.record("sheet '\(name)': cannot set width of columns \(first)...\(last): \(Workbook.describe(error))")
        }
    }

    private func check(_ error: lxw_error, _ action: String, _ row: Int, _ column: Int) {
        guard error != LXW_NO_ERROR else { return }
        var message = "\(context(row, column)): cannot \(action): \(Workbook.describe(error))"
        if workbook.constantMemory && error == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE {
            message += " (in constant-memory mode rows must be written in increasing order)"
        }
        workbook.record(message)
    }

    private func checkBlock(_ error: lxw_error, _ action: String, _ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) {
        guard error != LXW_NO_ERROR else { return }
        let described = CellReference.describe(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        workbook.record("sheet '\(name)': cannot \(action) on \(described): \(Workbook.describe(error))")
    }
}
