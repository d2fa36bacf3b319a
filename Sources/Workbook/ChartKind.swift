import CXlsxWriter

/// The type of chart to create with ``Workbook/addChart(_:)``.
public enum ChartKind: Sendable {
    /// Lines through the points of each series.
    case line
    /// Vertical bars, series side by side.
    case column
    /// Vertical bars, series stacked on each other.
    case stackedColumn
    /// Horizontal bars, series side by side.
    case bar
}

extension ChartKind {
    /// The matching `LXW_CHART_*` constant.
    var libxlsxwriterType: UInt8 {
        switch self {
        case .line: UInt8(LXW_CHART_LINE.rawValue)
        case .column: UInt8(LXW_CHART_COLUMN.rawValue)
        case .stackedColumn: UInt8(LXW_CHART_COLUMN_STACKED.rawValue)
        case .bar: UInt8(LXW_CHART_BAR.rawValue)
        }
    }
}
