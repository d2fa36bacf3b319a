@testable import Workbook
import XCTest

final class TextRulesTests: XCTestCase {
    func testTruncationCutsAtCharacterBoundary() {
        let flags = String(repeating: "🇯🇵", count: 10_000)  // 4 UTF-16 units per character
        let cut = CellText.cell(flags)
        XCTAssertLessThanOrEqual(cut.utf16.count, 32_767)
        XCTAssertTrue(cut.hasSuffix("…"))
        XCTAssertTrue(cut.dropLast().allSatisfy { $0 == "🇯🇵" })
        XCTAssertEqual(cut.count, 32_766 / 4 + 1)
    }

    func testEscapingNeverPushesPastTheLimit() {
        let text = String(repeating: "_x0041_", count: 4_681)  // 32,767 units, all escapes
        let prepared = CellText.cell(text)
        XCTAssertLessThanOrEqual(prepared.unicodeScalars.count, 32_767)
        XCTAssertTrue(prepared.hasSuffix("…"))
        XCTAssertTrue(prepared.hasPrefix("_x005F_x0041_"))
    }

    func testEscapesOnlyRealSequences() {
        XCTAssertEqual(CellText.escapedUnderscores("_x00e9_"), "_x005F_x00e9_")
        XCTAssertEqual(CellText.escapedUnderscores("_x00G9_ _x123_ x0041_"), "_x00G9_ _x123_ x0041_")
        XCTAssertEqual(CellText.cell("plain text"), "plain text")
    }

    func testLabels() {
        XCTAssertEqual(CellText.label("=Sheet1!A1"), "\u{200B}=Sheet1!A1")
        XCTAssertEqual(CellText.label("a\u{1}b"), "a\u{FFFD}b")
    }

    func testExcelDateSerials() {
        XCTAssertEqual(ExcelDate.serial(year: 1900, month: 1, day: 1), 1)
        XCTAssertEqual(ExcelDate.serial(year: 1900, month: 2, day: 28), 59)
        XCTAssertEqual(ExcelDate.serial(year: 1900, month: 3, day: 1), 61)
        XCTAssertEqual(ExcelDate.serial(year: 2024, month: 1, day: 1), 45_292)
        XCTAssertEqual(ExcelDate.serial(year: 9999, month: 12, day: 31), 2_958_465)
        XCTAssertNil(ExcelDate.serial(year: 2023, month: 2, day: 29))
        XCTAssertNil(ExcelDate.serial(year: 1899, month: 12, day: 31))
        XCTAssertNil(ExcelDate.serial(year: 2024, month: 13, day: 1))
    }

    func testColumnNames() {
        XCTAssertEqual(CellReference.columnName(0), "A")
        XCTAssertEqual(CellReference.columnName(25), "Z")
        XCTAssertEqual(CellReference.columnName(26), "AA")
        XCTAssertEqual(CellReference.columnName(16_383), "XFD")
    }
}
