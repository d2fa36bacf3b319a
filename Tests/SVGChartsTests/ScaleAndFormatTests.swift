import XCTest
@testable import SVGCharts

final class ScaleAndFormatTests: XCTestCase {
    func testCoordinateFormatting() {
        XCTAssertEqual(SVGNumber.format(0), "0")
        XCTAssertEqual(SVGNumber.format(-0.0), "0")
        XCTAssertEqual(SVGNumber.format(-0.04), "0")
        XCTAssertEqual(SVGNumber.format(0.04), "0")
        XCTAssertEqual(SVGNumber.format(-0.05), "-0.1")
        XCTAssertEqual(SVGNumber.format(12), "12")
        XCTAssertEqual(SVGNumber.format(12.34), "12.3")
        XCTAssertEqual(SVGNumber.format(12.96), "13")
        XCTAssertEqual(SVGNumber.format(-3.14159), "-3.1")
        XCTAssertEqual(SVGNumber.format(1234567.89), "1234567.9")
        XCTAssertEqual(SVGNumber.format(.nan), "0")
        XCTAssertEqual(SVGNumber.format(.infinity), "0")
        XCTAssertEqual(SVGNumber.format(1e300), "1000000000000")
    }

    func testNiceTicksIncludeZeroForBars() {
        let scale = NiceScale(values: [3, 97], includeZero: true, target: 5)
        XCTAssertEqual(scale.ticks, [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(scale.lower, 0)
        XCTAssertEqual(scale.upper, 100)
    }

    func testNiceTicksFollowDataForLines() {
        let scale = NiceScale(values: [95.2, 108.4], includeZero: false, target: 5)
        XCTAssertEqual(scale.ticks, [95, 100, 105, 110])
        XCTAssertEqual(NiceScale(values: [0.91, 0.97], includeZero: false, target: 5).ticks, [0.91, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97])
    }

    func testNiceTicksAreOneTwoFiveTimesPowerOfTen() {
        let inputs: [[Double]] = [[0, 1], [0, 7], [-3, 12], [0, 1e12], [0.001, 0.0042], [-1e6, -2], [5, 5], [0, 0], [123456, 987654]]
        for values in inputs {
            for includeZero in [true, false] {
                let scale = NiceScale(values: values, includeZero: includeZero, target: 5)
                XCTAssertGreaterThanOrEqual(scale.ticks.count, 2)
                XCTAssertLessThanOrEqual(scale.lower, values.min()!)
                XCTAssertGreaterThanOrEqual(scale.upper, values.max()!)
                if includeZero { XCTAssertTrue(scale.ticks.contains(0), "\(values)") }
                let step = scale.ticks[1] - scale.ticks[0]
                var mantissa = step
                while mantissa >= 10 { mantissa /= 10 }
                while mantissa < 1 { mantissa *= 10 }
                XCTAssertTrue([1, 2, 5].contains { Swift.abs(mantissa - $0) < 1e-6 }, "step \(step) for \(values)")
            }
        }
    }

    func testDecimalTicksAreExact() {
        let scale = NiceScale(values: [0.1, 0.35], includeZero: false, target: 5)
        XCTAssertEqual(scale.ticks, [0.1, 0.15, 0.2, 0.25, 0.3, 0.35])
        XCTAssertEqual(NiceScale(values: [0, 0.7], includeZero: true, target: 5).ticks, [0, 0.2, 0.4, 0.6, 0.8])
        XCTAssertEqual(NiceScale(values: [-0.82e6, 2.06e6], includeZero: true, target: 5).ticks,
                       [-1e6, 0, 1e6, 2e6, 3e6])
    }

    func testCappedScale() {
        XCTAssertEqual(NiceScale(minimum: 0, cap: 100, target: 5).ticks, [0, 20, 40, 60, 80, 100])
        let capped = NiceScale(minimum: 0, cap: 90, target: 5)
        XCTAssertEqual(capped.upper, 90)
        XCTAssertEqual(capped.ticks.last, 80)
    }

    func testEscapeAndClean() {
        XCTAssertEqual(SVGText.escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        XCTAssertEqual(SVGText.clean("  a\u{0}b\nc\u{202E}  "), "ab c")
        XCTAssertEqual(SVGText.clean(String(repeating: "x", count: 10), limit: 4), "xxxx\u{2026}")
        XCTAssertEqual(SVGText.identifier("Q1 2026/acme-co_x"), "Q12026acme-co_x")
        XCTAssertEqual(SVGText.identifier("日本"), "chart")
    }

    func testTruncation() {
        let result = TextMeasure.truncate("abcdefghijklmnopqrstuvwxyz", maxWidth: 40, fontSize: 10)
        XCTAssertTrue(result.truncated)
        XCTAssertTrue(result.text.hasSuffix("\u{2026}"))
        XCTAssertLessThanOrEqual(TextMeasure.width(result.text, fontSize: 10), 40)
        XCTAssertEqual(TextMeasure.truncate("short", maxWidth: 100, fontSize: 10).truncated, false)
    }
}
