import Workbook
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testWidths() {
        XCTAssertEqual(DisplayWidth.of(""), 0)
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("日本"), 4)
        XCTAssertEqual(DisplayWidth.of("かなカナ"), 8)
        XCTAssertEqual(DisplayWidth.of("한국"), 4)
        XCTAssertEqual(DisplayWidth.of("ｶﾅ"), 2, "halfwidth katakana are narrow")
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4, "fullwidth Latin is wide")
        XCTAssertEqual(DisplayWidth.of("、。"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1, "combining mark adds nothing")
        XCTAssertEqual(DisplayWidth.of("\u{301}"), 0)
        XCTAssertEqual(DisplayWidth.of("👍"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2)
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 2)
        XCTAssertEqual(DisplayWidth.of("🇯🇵"), 2)
        XCTAssertEqual(DisplayWidth.of("❤️"), 2, "emoji presentation via VS16")
        XCTAssertEqual(DisplayWidth.of("Total 合計 ¥"), 12)
        XCTAssertEqual(DisplayWidth.of("Ünïcödé"), 7)
        XCTAssertEqual(DisplayWidth.of("𠀋"), 2, "CJK Extension B")
    }
}
