import Foundation
import Workbook
import XCTest

final class ConstantMemoryTests: XCTestCase {
    func testFiftyThousandRowsByThirtyColumns() throws {
        let path = try scratchDirectory() + "/big.xlsx"
        let rows = 50_000
        let columns = 30
        let money = CellStyle(numberFormat: "$#,##0.00")
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let book = try Workbook(path: path, constantMemory: true)
            let sheet = try book.addWorksheet("Big")
            for column in 0..<columns {
                sheet.write("Column \(column)", row: 0, column: column, style: CellStyle(bold: true))
            }
            for row in 1..<rows {
                sheet.write("Row \(row)", row: row, column: 0)
                for column in 1..<columns {
                    sheet.write(Double(row * column) / 7, row: row, column: column, style: column == 1 ? money : nil)
                }
            }
            try book.close()
        }
        print("[info] constant-memory write of \(rows) rows × \(columns) columns took \(elapsed)")

        let script = #"""
import sys, zipfile, re, json
import openpyxl
path = sys.argv[1]
ok = zipfile.ZipFile(path).testzip() is None
wb = openpyxl.load_workbook(path, read_only=True)
ws = wb["Big"]
xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
print(json.dumps({"ok": int(ok), "max_row": ws.max_row, "max_column": ws.max_column,
                  "rows": len(re.findall(rb"<row ", xml))}))
"""#
        let output = try Inspector.python(script, arguments: [path])
        let summary = try JSONDecoder().decode([String: Int].self, from: Data(output.utf8))
        XCTAssertEqual(summary["ok"], 1)
        XCTAssertEqual(summary["max_row"], rows)
        XCTAssertEqual(summary["max_column"], columns)
        XCTAssertEqual(summary["rows"], rows)
    }

    func testRowsOutOfOrderAreReported() throws {
        let path = try scratchDirectory() + "/order.xlsx"
        let book = try Workbook(path: path, constantMemory: true)
        let sheet = try book.addWorksheet("S")
        sheet.write("second", row: 5, column: 0)
        sheet.write("first", row: 2, column: 0)
        XCTAssertThrowsError(try book.close()) { error in
            let message = (error as? WorkbookError)?.message ?? ""
            XCTAssertTrue(message.contains("sheet 'S', cell A3"), message)
            XCTAssertTrue(message.contains("rows must be written in increasing order"), message)
        }
    }

    func testConstantMemoryValuesRoundTrip() throws {
        let path = try scratchDirectory() + "/inline.xlsx"
        let book = try Workbook(path: path, constantMemory: true)
        let sheet = try book.addWorksheet("S")
        sheet.write("=1+1", row: 0, column: 0)
        sheet.write("漢字 \u{1}", row: 0, column: 1)
        sheet.write(2.5, row: 1, column: 0, style: CellStyle(numberFormat: "0.0%"))
        sheet.writeDate(year: 2000, month: 2, day: 29, row: 2, column: 0)
        sheet.write(String(repeating: "z", count: 40_000), row: 3, column: 0)
        sheet.write("", row: 4, column: 0)
        sheet.write(1, row: 4, column: 1)
        sheet.write(2, row: 5, column: 1)
        let chart = book.addChart(.line)
        chart.addSeries(
            name: "Streamed",
            categories: CellRange(sheet: "S", firstRow: 4, firstColumn: 0, lastRow: 5, lastColumn: 0),
            values: CellRange(sheet: "S", firstRow: 4, firstColumn: 1, lastRow: 5, lastColumn: 1)
        )
        sheet.insertChart(chart, row: 7, column: 2)
        try book.close()
        let result = try Inspector.inspect(path)
        XCTAssertValidPackage(result)
        let cells = try XCTUnwrap(result.sheet("S")).cells
        XCTAssertEqual(cells["A1"]?.type, "s")
        XCTAssertEqual(cells["A1"]?.string, "=1+1")
        XCTAssertEqual(cells["B1"]?.string, "漢字 \u{FFFD}")
        XCTAssertEqual(cells["A2"]?.format, "0.0%")
        XCTAssertEqual(cells["A3"]?.date, "2000-02-29T00:00:00")
        XCTAssertLessThanOrEqual(cells["A4"]?.string?.utf16.count ?? .max, 32_767)
        XCTAssertNil(cells["A5"], "an empty string without a style writes nothing")
        XCTAssertEqual(result.sheet("S")?.charts, 1, "charts work in constant-memory mode (without cached values)")
    }
}
