import Workbook

/// What the KPI review and QBR workbooks share: the number formats of the reporting currency and of
/// each unit, and writing a ``ReportTable`` as a sheet with a bold frozen header, typed cells (customer
/// text always a string cell, never a formula) and columns fitted to their content.
struct ReportWorkbook {
    /// The reporting currency.
    let currency: String

    /// The header row's style.
    static let header = CellStyle(bold: true, background: 0xF6F8FA, bottomBorder: true)
    /// A section title's style.
    static let title = CellStyle(bold: true, fontSize: 14)

    /// A new sheet of a report workbook: printed landscape, one page wide, its first row on every page.
    static func addSheet(_ book: Workbook, _ name: String) throws(WorkbookError) -> Worksheet {
        let sheet = try book.addWorksheet(name)
        sheet.setPrintLayout(landscape: true, fitToPageWidth: true, repeatedRows: 1)
        return sheet
    }

    /// The number format of money: `¥#,##0`, `$#,##0.00`, or the currency code for others.
    var moneyFormat: String {
        switch currency {
        case "JPY": "¥#,##0"
        case "USD": "$#,##0.00"
        case "EUR": "€#,##0.00"
        case "GBP": "£#,##0.00"
        case "KRW": "₩#,##0"
        default: "\"\(currency) \"#,##0.00"
        }
    }

    /// The cell style of a value in `unit`.
    func style(_ unit: MetricUnit) -> CellStyle {
        switch unit {
        case .money: CellStyle(numberFormat: moneyFormat)
        case .rate: CellStyle(numberFormat: "0.0%")
        case .count: CellStyle(numberFormat: "#,##0")
        case .days: CellStyle(numberFormat: "#,##0.0\" d\"")
        case .minutes: CellStyle(numberFormat: "#,##0.0\" min\"")
        case .score: CellStyle(numberFormat: "0.0")
        case .ratio: CellStyle(numberFormat: "0.00")
        }
    }

    /// Writes a value of `unit`, blank when undefined.
    func write(_ value: Double?, unit: MetricUnit, to sheet: Worksheet, row: Int, column: Int) {
        if let value { sheet.write(value, row: row, column: column, style: style(unit)) } else { sheet.writeBlank(row: row, column: column) }
    }

    /// Tracks the widest text of each column to fit widths (a CJK character counts double).
    struct ColumnWidths {
        private(set) var widths: [Int]

        /// Widths of `count` columns, starting at the header's.
        init(_ headers: [String]) { widths = headers.map { DisplayWidth.of($0) + 2 } }

        /// Notes a cell's text.
        mutating func note(_ text: String, column: Int) {
            guard column < widths.count, widths[column] < 60 else { return }
            widths[column] = max(widths[column], min(60, DisplayWidth.of(text) + 2))
        }

        /// Notes a number's typical width.
        mutating func note(number: Double, column: Int) {
            guard column < widths.count else { return }
            widths[column] = max(widths[column], 14)
        }

        /// Applies the widths to `sheet`.
        func apply(to sheet: Worksheet) {
            for (k, width) in widths.enumerated() { sheet.setColumn(k, width: Double(max(width, 6))) }
        }
    }

    /// Writes `table` to `sheet` from row `first`: a bold header, then its rows; `unit` gives a column's
    /// number format by name (money cells always use the currency's). Returns the number of data rows.
    @discardableResult
    func write(_ table: some ReportTable, to sheet: Worksheet, from first: Int = 0,
               unit: (String) -> MetricUnit? = { _ in nil }) -> Int {
        let columns = table.columns
        var widths = ColumnWidths(columns)
        for (c, name) in columns.enumerated() { sheet.write(name, row: first, column: c, style: Self.header) }
        let styles = columns.map { unit($0).map(style) }
        let money = style(.money)
        var row = first
        table.forEachRow { cells in
            row += 1
            for (c, cell) in cells.enumerated() {
                switch cell {
                case .text(let text):
                    if let text, !text.isEmpty {
                        sheet.write(text, row: row, column: c)
                        widths.note(text, column: c)
                    }
                case .number(let value):
                    if let value { sheet.write(value, row: row, column: c, style: styles[c]); widths.note(number: value, column: c) }
                case .integer(let value):
                    if let value { sheet.write(Double(value), row: row, column: c, style: styles[c]) }
                case .money(let value):
                    sheet.write(Money.double(value), row: row, column: c, style: money)
                    widths.note(number: 0, column: c)
                }
            }
        }
        widths.apply(to: sheet)
        sheet.freezePanes(row: first + 1, column: 0)
        if row > first { sheet.autofilter(firstRow: first, firstColumn: 0, lastRow: row, lastColumn: columns.count - 1) }
        return row - first
    }
}
