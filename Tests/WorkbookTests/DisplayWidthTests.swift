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

    /// Text of plain Latin, kana, CJK and Hangul takes a quicker path; it must agree with the
    /// character-by-character rule for every scalar it accepts (an emoji forces the general rule).
    func testQuickPathAgreesWithTheGeneralRule() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x3000...0x3029, 0x3030...0x303E, 0x3041...0x3096, 0x30A0...0x30FF,
                                             0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60]
        for range in ranges {
            for value in range {
                let text = String(Unicode.Scalar(value)!)
                XCTAssertEqual(DisplayWidth.of(text), DisplayWidth.of(text + "\u{1F600}") - 2, "U+\(String(value, radix: 16))")
            }
        }
        XCTAssertEqual(DisplayWidth.of("a\u{AD}b"), 2, "a soft hyphen is a format character")
        XCTAssertEqual(DisplayWidth.of("株式会社名古屋中部工業"), 22)
    }
}
