import Foundation
import Workbook
import XCTest

final class CellWritingTests: XCTestCase {
    func testFormulaLikeTextIsWrittenAsStrings() throws {
        let path = try scratchDirectory() + "/formulas.xlsx"
        let texts = ["=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "-2+3", "=1+1", "=", "'quoted"]
        let book = try Workbook(path: path)
        let sheet = try book.addWorksheet("Data")
        for (row, text) in texts.enumerated() {
            sheet.write(text, row: row, column: 0)
        }
        try book.close()

        let result = try Inspector.inspect(path)
        XCTAssertValidPackage(result)
        let cells = try XCTUnwrap(result.sheet("Data")).cells
        for (row, text) in texts.enumerated() {
            let cell = try XCTUnwrap(cells["A\(row + 1)"], text)
            XCTAssertEqual(cell.type, "s", text)
            XCTAssertEqual(cell.string, text)
        }
        let xml = try Inspector.part("xl/worksheets/sheet1.xml", of: path)
        XCTAssertFalse(xml.contains("<f>"), "no cell may be a formula")
    }

    func testNumbersFormatsAndStylesRoundTrip() throws {
        let path = try scratchDirectory() + "/numbers.xlsx"
        let formats = ["¥#,##0", "$#,##0.00", "0.0%", "0.0", "#,##0"]
        let book = try Workbook(path: path)
        let sheet = try book.addWorksheet("Numbers")
        for (row, format) in formats.enumerated() {
            sheet.write(1234.5678, row: row, column: 0, style: CellStyle(numberFormat: format))
        }
        sheet.write(-0.25, row: 5, column: 0)
        sheet.write(1e15, row: 6, column: 0)
        sheet.write(.nan, row: 7, column: 0, style: CellStyle(bold: true))
        sheet.write(.infinity, row: 8, column: 0)
        let fancy = CellStyle(
            numberFormat: "#,##0", bold: true, italic: true, fontColor: 0xFF0000, background: 0xFFFF00,
            alignment: .center, wrap: true, bottomBorder: true, fontSize: 14
        )
        sheet.write(42, row: 9, column: 0, style: fancy)
        sheet.write("black", row: 10, column: 0, style: CellStyle(fontColor: 0x000000, background: 0x000000, alignment: .right))
        sheet.writeBlank(row: 11, column: 0, style: CellStyle(background: 0x00FF00))
        try book.close()

        let result = try Inspector.inspect(path)
        XCTAssertValidPackage(result)
        let cells = try XCTUnwrap(result.sheet("Numbers")).cells
        for (row, format) in formats.enumerated() {
            let cell = try XCTUnwrap(cells["A\(row + 1)"])
            XCTAssertEqual(cell.type, "n")
            XCTAssertEqual(cell.number, 1234.5678)
            XCTAssertEqual(cell.format, format)
        }
        XCTAssertEqual(cells["A6"]?.number, -0.25)
        XCTAssertEqual(cells["A7"]?.number, 1e15)
        XCTAssertNil(cells["A8"]?.number, "NaN is written as a blank")
        XCTAssertEqual(cells["A8"]?.bold, true, "the blank keeps its style")
        XCTAssertNil(cells["A9"], "infinity without a style writes nothing")

        let styled = try XCTUnwrap(cells["A10"])
        XCTAssertEqual(styled.number, 42)
        XCTAssertEqual(styled.format, "#,##0")
        XCTAssertTrue(styled.bold)
        XCTAssertTrue(styled.italic)
        XCTAssertEqual(styled.color, "FFFF0000")
        XCTAssertEqual(styled.fill, "FFFFFF00")
        XCTAssertEqual(styled.align, "center")
        XCTAssertTrue(styled.wrap)
        XCTAssertEqual(styled.bottom, "thin")
        XCTAssertEqual(styled.size, 14)

        let black = try XCTUnwrap(cells["A11"])
        XCTAssertEqual(black.color, "FF000000")
        XCTAssertEqual(black.fill, "FF000000")
        XCTAssertEqual(black.align, "right")
        XCTAssertEqual(cells["A12"]?.fill, "FF00FF00")
    }

    func testLongTextIsTruncatedToExcelLimit() throws {
        let path = try scratchDirectory() + "/long.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addWorksheet("Long")
        sheet.write(String(repeating: "x", count: 40_000), row: 0, column: 0)
        sheet.write(String(repeating: "漢", count: 40_000), row: 1, column: 0)
        sheet.write(String(repeating: "😀", count: 20_000), row: 2, column: 0)  // 40,000 UTF-16 units
        sheet.write(String(repeating: "y", count: 32_767), row: 3, column: 0)   // exactly the limit
        sheet.write(String(repeating: "_x0041_", count: 2_000), row: 4, column: 0)  // escaping adds 6 per sequence
        try book.close()

        let result = try Inspector.inspect(path)
        XCTAssertValidPackage(result)
        let cells = try XCTUnwrap(result.sheet("Long")).cells
        for row in 1...3 {
            let text = try XCTUnwrap(cells["A\(row)"]?.string)
            XCTAssertLessThanOrEqual(text.utf16.count, 32_767, "row \(row)")
            XCTAssertGreaterThan(text.utf16.count, 32_700, "row \(row)")
            XCTAssertTrue(text.hasSuffix("…"), "row \(row)")
        }
        XCTAssertEqual(cells["A4"]?.string, String(repeating: "y", count: 32_767), "text at the limit is kept whole")
        let escaped = try XCTUnwrap(cells["A5"]?.string)
        XCTAssertEqual(escaped, String(repeating: "_x0041_", count: 2_000))
    }

    func testControlCharactersDoNotBreakTheFile() throws {
        let path = try scratchDirectory() + "/control.xlsx"
        let nasty = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g\tT\nN\rR\u{FFFE}\u{FFFF}!"
        let book = try Workbook(path: path)
        try book.setProperties(DocumentProperties(title: "t\u{1}itle", author: "a\u{2}uthor", created: 1_700_000_000))
        let sheet = try book.addWorksheet("Control")
        sheet.write(nasty, row: 0, column: 0)
        sheet.write(3, row: 0, column: 1)
        sheet.write("literal _x0041_ and _X00e9_ kept", row: 1, column: 0)
        sheet.write(4, row: 1, column: 1)
        let chart = book.addChart(.column)
        chart.addSeries(
            name: "s\u{1}eries",
            categories: CellRange(sheet: "Control", firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 0),
            values: CellRange(sheet: "Control", firstRow: 0, firstColumn: 1, lastRow: 1, lastColumn: 1)
        )
        chart.setTitle("ti\u{7}tle")
        chart.setXAxisTitle("x\u{FFFE}")
        sheet.insertChart(chart, row: 3, column: 3)
        sheet.highlightCells(firstRow: 0, firstColumn: 0, lastRow: 5, lastColumn: 0, equalTo: "bad\u{1}", style: CellStyle(bold: true))
        try book.close()

        let result = try Inspector.inspect(path)
        XCTAssertValidPackage(result)
        let cells = try XCTUnwrap(result.sheet("Control")).cells
        // libxlsxwriter stores CR as Excel's escape _x000D_, which Excel decodes and openpyxl does not.
        let replaced = "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\tT\nN_x000D_R\u{FFFD}\u{FFFD}!"
        XCTAssertEqual(cells["A1"]?.string, replaced)
        XCTAssertEqual(cells["A2"]?.string, "literal _x0041_ and _X00e9_ kept")
        XCTAssertEqual(result.properties.title, "t\u{FFFD}itle")
        XCTAssertEqual(result.sheet("Control")?.charts, 1)
    }

    func testCJKAndEmojiRoundTrip() throws {
        let path = try scratchDirectory() + "/cjk.xlsx"
        let texts = ["日本語のテキスト", "中文字符", "한국어 텍스트", "ｶﾀｶﾅ", "👍🏽 ok", "Ünïcödé ß", "混合 mixed 텍스트 😀"]
        let book = try Workbook(path: path)
        let sheet = try book.addWorksheet("データ 2024")
        for (row, text) in texts.enumerated() {
            sheet.write(text, row: row, column: 0)
        }
        try book.close()

        let result = try Inspector.inspect(path)
        XCTAssertValidPackage(result)
        let cells = try XCTUnwrap(result.sheet("データ 2024"), "sheet name round-trips").cells
        for (row, text) in texts.enumerated() {
            XCTAssertEqual(cells["A\(row + 1)"]?.string, text)
        }
    }

    func testDatesReadBackAsDates() throws {
        let path = try scratchDirectory() + "/dates.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addWorksheet("Dates")
        sheet.writeDate(year: 2024, month: 2, day: 29, row: 0, column: 0)
        sheet.writeDate(year: 1999, month: 12, day: 31, row: 1, column: 0, style: CellStyle(numberFormat: "dd/mm/yyyy", bold: true))
        sheet.writeDate(year: 2024, month: 1, day: 1, row: 2, column: 0, style: CellStyle(bold: true))
        try book.close()

        let result = try Inspector.inspect(path)
        XCTAssertValidPackage(result)
        let cells = try XCTUnwrap(result.sheet("Dates")).cells
        XCTAssertEqual(cells["A1"]?.type, "d")
        XCTAssertEqual(cells["A1"]?.date, "2024-02-29T00:00:00")
        XCTAssertEqual(cells["A1"]?.format, "yyyy-mm-dd")
        XCTAssertEqual(cells["A2"]?.date, "1999-12-31T00:00:00")
        XCTAssertEqual(cells["A2"]?.format, "dd/mm/yyyy")
        XCTAssertEqual(cells["A3"]?.date, "2024-01-01T00:00:00")
        XCTAssertEqual(cells["A3"]?.format, "yyyy-mm-dd")
        XCTAssertEqual(cells["A3"]?.bold, true)
    }

    func testInvalidDateIsReportedByClose() throws {
        let path = try scratchDirectory() + "/bad-date.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addWorksheet("Dates")
        sheet.writeDate(year: 2023, month: 2, day: 29, row: 4, column: 1)
        XCTAssertThrowsError(try book.close()) { error in
            let message = (error as? WorkbookError)?.message ?? ""
            XCTAssertTrue(message.contains("2023-2-29"), message)
            XCTAssertTrue(message.contains("sheet 'Dates', cell B5"), message)
            XCTAssertTrue(message.contains(path), message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "a workbook with failed writes is not written")
    }
}
