import Foundation
import Workbook
import XCTest

final class WorkbookLifecycleTests: XCTestCase {
    /// Builds the same representative workbook every time.
    static func buildSample(at path: String, created: Int64 = 1_700_000_000, label: String = "Sample") throws {
        let book = try Workbook(path: path)
        try book.setProperties(DocumentProperties(
            title: "\(label) report", subject: "Tests", author: "Tester", company: "ACME",
            comments: "Generated", created: created
        ))
        let sheet = try book.addWorksheet(label)
        let header = CellStyle(bold: true, background: 0xDDDDDD, bottomBorder: true)
        sheet.write("Item", row: 0, column: 0, style: header)
        sheet.write("Price", row: 0, column: 1, style: header)
        sheet.write("Date", row: 0, column: 2, style: header)
        for row in 1...200 {
            sheet.write("Item \(row) 商品", row: row, column: 0)
            sheet.write(Double(row) * 1.25, row: row, column: 1, style: CellStyle(numberFormat: "¥#,##0"))
            sheet.writeDate(year: 2024, month: 1 + row % 12, day: 1 + row % 28, row: row, column: 2)
        }
        sheet.freezePanes(row: 1, column: 0)
        sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 200, lastColumn: 2)
        sheet.highlightCells(firstRow: 1, firstColumn: 0, lastRow: 200, lastColumn: 0, equalTo: "Item 7 商品", style: CellStyle(bold: true))
        let chart = book.addChart(.column)
        chart.addSeries(
            name: "Price",
            categories: CellRange(sheet: label, firstRow: 1, firstColumn: 0, lastRow: 10, lastColumn: 0),
            values: CellRange(sheet: label, firstRow: 1, firstColumn: 1, lastRow: 10, lastColumn: 1)
        )
        chart.setTitle("Prices")
        sheet.insertChart(chart, row: 2, column: 4)
        try book.close()
    }

    func testSameCallsGiveByteIdenticalFiles() throws {
        let directory = try scratchDirectory()
        try Self.buildSample(at: directory + "/one.xlsx")
        Thread.sleep(forTimeInterval: 1.1)  // a wall-clock dependency would show up now
        try Self.buildSample(at: directory + "/two.xlsx")
        let one = try Data(contentsOf: URL(fileURLWithPath: directory + "/one.xlsx"))
        let two = try Data(contentsOf: URL(fileURLWithPath: directory + "/two.xlsx"))
        XCTAssertEqual(one, two)

        let result = try Inspector.inspect(directory + "/one.xlsx")
        XCTAssertValidPackage(result)
        XCTAssertTrue(result.zipDates.allSatisfy { $0 == [1980, 1, 1, 0, 0, 0] }, "\(result.zipDates)")
        XCTAssertEqual(result.properties.created, "2023-11-14T22:13:20")
        XCTAssertEqual(result.properties.title, "Sample report")
        XCTAssertEqual(result.properties.creator, "Tester")
        XCTAssertEqual(result.properties.description, "Generated")
        XCTAssertEqual(result.sheet("Sample")?.cells["A2"]?.string, "Item 1 商品")
    }

    func testDefaultPropertiesAreDeterministicToo() throws {
        let directory = try scratchDirectory()
        for name in ["a", "b"] {
            let book = try Workbook(path: "\(directory)/\(name).xlsx")
            try book.addWorksheet("S").write("x", row: 0, column: 0)
            try book.close()
            if name == "a" { Thread.sleep(forTimeInterval: 1.1) }
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: directory + "/a.xlsx"))
        let b = try Data(contentsOf: URL(fileURLWithPath: directory + "/b.xlsx"))
        XCTAssertEqual(a, b)
        XCTAssertEqual(try Inspector.inspect(directory + "/a.xlsx").properties.created, "1970-01-01T00:00:01")
    }

    func testUnclosedWorkbookWritesNothing() throws {
        let path = try scratchDirectory() + "/abandoned.xlsx"
        do {
            let book = try Workbook(path: path)
            let sheet = try book.addWorksheet("S")
            sheet.write("never written", row: 0, column: 0)
            _ = book.addChart(.line)
        }
        do {
            let book = try Workbook(path: path, constantMemory: true)
            try book.addWorksheet("S").write(1, row: 0, column: 0)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testSheetOutlivingItsWorkbookIsSafe() throws {
        let path = try scratchDirectory() + "/outlive.xlsx"
        var sheet: Worksheet?
        do {
            let book = try Workbook(path: path)
            sheet = try book.addWorksheet("S")
            try book.close()
        }
        sheet?.write("ignored after close", row: 0, column: 0)
        sheet?.freezePanes(row: 1, column: 1)
        XCTAssertEqual(try Inspector.inspect(path).sheet("S")?.cells.count, 0)
    }

    func testCloseErrorsNameThePath() throws {
        let path = try scratchDirectory() + "/missing-dir/out.xlsx"
        let book = try Workbook(path: path)
        _ = try book.addWorksheet("S")
        XCTAssertThrowsError(try book.close()) { error in
            XCTAssertEqual(error as? WorkbookError, WorkbookError(
                "cannot write '\(path)': Error creating output xlsx file. Usually a permissions error."
            ))
        }
        XCTAssertThrowsError(try book.close()) { error in
            XCTAssertEqual((error as? WorkbookError)?.message, "workbook '\(path)' is already closed")
        }
        XCTAssertThrowsError(try book.addWorksheet("T")) { error in
            XCTAssertEqual((error as? WorkbookError)?.message, "cannot add worksheet 'T': workbook '\(path)' is already closed")
        }
    }

    func testInitAndPropertyValidation() throws {
        XCTAssertThrowsError(try Workbook(path: "")) { error in
            XCTAssertTrue((error as? WorkbookError)?.message.contains("empty") ?? false)
        }
        XCTAssertThrowsError(try Workbook(path: "/tmp/x.xlsx", temporaryDirectory: "/definitely/not/here")) { error in
            XCTAssertTrue((error as? WorkbookError)?.message.contains("'/definitely/not/here'") ?? false)
        }
        let book = try Workbook(path: try scratchDirectory() + "/p.xlsx")
        XCTAssertThrowsError(try book.setProperties(DocumentProperties(created: -5))) { error in
            XCTAssertTrue((error as? WorkbookError)?.message.contains("created -5") ?? false)
        }
    }

    func testOwnTemporaryDirectory() throws {
        let directory = try scratchDirectory()
        let book = try Workbook(path: directory + "/t.xlsx", constantMemory: true, temporaryDirectory: directory)
        try book.addWorksheet("S").write("streamed", row: 0, column: 0)
        try book.close()
        XCTAssertEqual(try Inspector.inspect(directory + "/t.xlsx").sheet("S")?.cells["A1"]?.string, "streamed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0 != "t.xlsx" }
        XCTAssertEqual(leftovers, [], "temporary files are removed")
    }
}
