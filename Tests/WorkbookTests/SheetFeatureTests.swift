import Foundation
import Workbook
import XCTest

final class SheetFeatureTests: XCTestCase {
    func testSheetNameRules() throws {
        let path = try scratchDirectory() + "/names.xlsx"
        let book = try Workbook(path: path)
        _ = try book.addWorksheet("Summary")
        let cases: [(String, String)] = [
            ("", "must not be empty"),
            (String(repeating: "n", count: 32), "is 32 characters long; Excel allows at most 31"),
            ("a[b", "contains '['"),
            ("a]b", "contains ']'"),
            ("a:b", "contains ':'"),
            ("a*b", "contains '*'"),
            ("a?b", "contains '?'"),
            ("a/b", "contains '/'"),
            ("a\\b", "contains '\\'"),
            ("tab\there", "contains a control character"),
            ("'start", "starts or ends with an apostrophe"),
            ("end'", "starts or ends with an apostrophe"),
            ("history", "'History' is reserved"),
            ("Summary", "is already used by sheet 'Summary'"),
            ("SUMMARY", "is already used by sheet 'Summary'"),
        ]
        for (name, expected) in cases {
            XCTAssertThrowsError(try book.addWorksheet(name), name.debugDescription) { error in
                let message = (error as? WorkbookError)?.message ?? ""
                XCTAssertTrue(message.contains(expected), "\(name.debugDescription): \(message)")
                XCTAssertTrue(message.contains(path), message)
            }
        }
        // Legal edge cases.
        _ = try book.addWorksheet(String(repeating: "n", count: 31))
        _ = try book.addWorksheet("It's fine")
        _ = try book.addWorksheet("日本語シート")
        try book.close()
        let result = try Inspector.inspect(path)
        XCTAssertEqual(result.sheets.map(\.name), ["Summary", String(repeating: "n", count: 31), "It's fine", "日本語シート"])
    }

    func testErrorEquality() {
        XCTAssertEqual(WorkbookError("x"), WorkbookError("x"))
        XCTAssertEqual(WorkbookError("boom").description, "boom")
    }

    func testFiltersPanesConditionalFormatsAndPrintSetup() throws {
        let path = try scratchDirectory() + "/features.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addWorksheet("Report")
        sheet.write("Status", row: 0, column: 0, style: CellStyle(bold: true, bottomBorder: true))
        sheet.write("Amount", row: 0, column: 1, style: CellStyle(bold: true, bottomBorder: true))
        for row in 1...9 {
            sheet.write(row.isMultiple(of: 2) ? "green" : "say \"hi\"", row: row, column: 0)
            sheet.write(Double(row), row: row, column: 1)
        }
        sheet.freezePanes(row: 1, column: 0)
        sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 9, lastColumn: 1)
        sheet.highlightCells(firstRow: 1, firstColumn: 0, lastRow: 9, lastColumn: 0, equalTo: "green",
                             style: CellStyle(bold: true, background: 0xC6EFCE))
        sheet.highlightCells(firstRow: 1, firstColumn: 0, lastRow: 9, lastColumn: 0, equalTo: "say \"hi\"",
                             style: CellStyle(fontColor: 0x9C0006))
        sheet.setColumn(0, width: 20)
        sheet.setColumns(1, 3, width: 12.5)
        sheet.setColumn(5, width: 9, style: CellStyle(numberFormat: "0.0"))
        sheet.setLandscape()
        sheet.fitToPages(wide: 1, tall: 0)
        sheet.repeatRows(first: 0, last: 0)
        try book.close()

        let result = try Inspector.inspect(path)
        XCTAssertValidPackage(result)
        let report = try XCTUnwrap(result.sheet("Report"))
        XCTAssertEqual(report.freezePanes, "A2")
        XCTAssertEqual(report.autoFilter, "A1:B10")
        XCTAssertEqual(report.conditionalFormats.count, 2)
        let green = try XCTUnwrap(report.conditionalFormats.first { $0.formula == ["\"green\""] })
        XCTAssertEqual(green.range, "A2:A10")
        XCTAssertEqual(green.type, "cellIs")
        XCTAssertEqual(green.op, "equal")
        XCTAssertEqual(green.bold, true)
        XCTAssertTrue(report.conditionalFormats.contains { $0.formula == ["\"say \"\"hi\"\"\""] },
                      "embedded quotes are doubled: \(report.conditionalFormats.map(\.formula))")
        XCTAssertEqual(report.columnWidths["A"].map { ($0 * 100).rounded() / 100 }, 20.71, "openpyxl reports Excel's padded width")
        XCTAssertNotNil(report.columnWidths["B"])
        XCTAssertEqual(report.orientation, "landscape")
        XCTAssertEqual(report.fitToPage, true)
        XCTAssertEqual(report.fitWidth ?? 1, 1, "1 is the default, so it may be omitted")
        XCTAssertEqual(report.fitHeight, 0)
        XCTAssertEqual(report.printTitleRows, "$1:$1")
    }

    func testOutOfRangeWritesAreReportedWithContext() throws {
        let path = try scratchDirectory() + "/range.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addWorksheet("Grid")
        sheet.write("ok", row: 0, column: 0)
        sheet.write(1, row: 1_048_576, column: 0)
        sheet.write("x", row: -1, column: 3)
        sheet.setColumn(16_384, width: 3)
        XCTAssertThrowsError(try book.close()) { error in
            let message = (error as? WorkbookError)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("did not write '\(path)': 3 problems"), message)
            XCTAssertTrue(message.contains("sheet 'Grid', cell row 1048576, column 0"), message)
            XCTAssertTrue(message.contains("row -1, column 3"), message)
            XCTAssertTrue(message.contains("columns 16384...16384"), message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testPrintLayoutIsLandscapeOnePageWideWithRepeatedHeader() throws {
        let path = try scratchDirectory() + "/print.xlsx"
        let book = try Workbook(path: path, constantMemory: true)
        let sheet = try book.addWorksheet("Wide")
        sheet.setPrintLayout(landscape: true, fitToPageWidth: true, repeatedRows: 1)
        for column in 0..<40 { sheet.write("Column \(column)", row: 0, column: column) }
        for row in 1..<200 { for column in 0..<40 { sheet.write(Double(row * column), row: row, column: column) } }
        try book.close()
        let output = try Inspector.python("""
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["Wide"]
            # An absent fitToWidth means 1 (ECMA-376 §18.3.1.63), which libxlsxwriter leaves out.
            print(ws.page_setup.orientation, ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage, ws.print_title_rows)
            """, arguments: [path])
        XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines), "landscape 1 0 True $1:$1")
    }
}
