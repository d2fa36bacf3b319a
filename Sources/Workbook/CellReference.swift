import CXlsxWriter

/// Checked conversion of zero-based row and column numbers to libxlsxwriter's types,
/// and A1-style names for error messages and chart formulas.
enum CellReference {
    /// Rows in an Excel worksheet.
    static let rowCount = 1_048_576
    /// Columns in an Excel worksheet.
    static let columnCount = 16_384

    /// The row as `lxw_row_t`, or nil when outside 0..<1,048,576.
    static func row(_ row: Int) -> lxw_row_t? {
        (0..<rowCount).contains(row) ? lxw_row_t(row) : nil
    }

    /// The column as `lxw_col_t`, or nil when outside 0..<16,384.
    static func column(_ column: Int) -> lxw_col_t? {
        (0..<columnCount).contains(column) ? lxw_col_t(column) : nil
    }

    /// Column letters: 0 → "A", 25 → "Z", 26 → "AA".
    static func columnName(_ column: Int) -> String {
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// "B3 (row 2, column 1)" for a valid cell, or the raw zero-based numbers otherwise.
    static func describe(row: Int, column: Int) -> String {
        guard self.row(row) != nil, self.column(column) != nil else {
            return "row \(row), column \(column) (zero-based; Excel allows rows 0..<\(rowCount), columns 0..<\(columnCount))"
        }
        return "\(columnName(column))\(row + 1) (row \(row), column \(column))"
    }

    /// "A1:C3" style description of a block of cells.
    static func describe(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) -> String {
        "\(describe(row: firstRow, column: firstColumn)) to \(describe(row: lastRow, column: lastColumn))"
    }

    /// An absolute range formula such as `='2024'!$A$1:$A$3`, with the sheet name always quoted.
    static func absoluteFormula(_ range: CellRange) -> String {
        let escaped = range.sheet.flatMap { $0 == "'" ? ["'", "'"] : [$0] }
        let sheet = "'" + String(escaped) + "'"
        let first = "$\(columnName(range.firstColumn))$\(range.firstRow + 1)"
        let last = "$\(columnName(range.lastColumn))$\(range.lastRow + 1)"
        return "=\(sheet)!\(first):\(last)"
    }
}
