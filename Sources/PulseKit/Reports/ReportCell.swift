import Tabular

/// One cell of a published table, typed so that each format writes it its own way: `kpis.csv`-style
/// text in CSV, a number with a number format in the workbook. Customer text stays text everywhere.
package enum ReportCell: Sendable, Equatable {
    /// Text (customer text included); nil is an empty cell.
    case text(String?)
    /// A number written with the fewest digits that round-trip; nil is undefined (empty).
    case number(Double?)
    /// A whole number; nil is undefined (empty).
    case integer(Int?)
    /// Money in ten-thousandths of the reporting currency, written with 4 decimals.
    case money(Int64)
}

/// A table of the report set (accounts, movements, alerts, tickets) that is written both as a CSV
/// file and as a workbook sheet from the same rows, so the two can never disagree.
protocol ReportTable {
    /// The header row.
    var columns: [String] { get }
    /// The number of rows (for capacity and sheet sizing).
    var rowCount: Int { get }
    /// Calls `body` with each row's cells, in written order.
    func forEachRow(_ body: ([ReportCell]) -> Void)
}

extension ReportTable {
    /// The table as CSV (RFC 4180, formula-guarded text cells, undefined values empty).
    func csv() -> [UInt8] {
        var writer = CSVWriter(guardsFormulas: true, capacity: 128 + rowCount * columns.count * 8)
        writer.appendRecord(columns)
        forEachRow { cells in
            for cell in cells {
                switch cell {
                case .text(let text): writer.appendField(text)
                case .number(let value):
                    if let value { writer.appendNumber(NumberText.shortest(value)) } else { writer.appendEmptyField() }
                case .integer(let value):
                    if let value { writer.appendInteger(value) } else { writer.appendEmptyField() }
                case .money(let value): writer.appendNumber(Money.text(value))
                }
            }
            writer.endRecord()
        }
        return writer.bytes
    }
}
