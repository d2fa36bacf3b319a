/// A rectangular block of cells on a named sheet, used as chart data (zero-based, inclusive).
public struct CellRange: Sendable, Equatable {
    /// The worksheet name, exactly as given to ``Workbook/addWorksheet(_:)``; quoting is handled for you.
    public var sheet: String
    /// First row, zero-based.
    public var firstRow: Int
    /// First column, zero-based.
    public var firstColumn: Int
    /// Last row, zero-based, inclusive.
    public var lastRow: Int
    /// Last column, zero-based, inclusive.
    public var lastColumn: Int

    /// Creates a range from zero-based, inclusive corners.
    public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.sheet = sheet
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }
}
