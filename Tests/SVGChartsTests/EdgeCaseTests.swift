import XCTest
@testable import SVGCharts

/// Every chart type against the edge cases: all nil, one category, all zeros, negative only,
/// huge values, NaN/infinity, no series, no categories.
final class EdgeCaseTests: XCTestCase {
    struct Case {
        let name: String
        let categories: [String]
        let values: [[Double?]]
    }

    static let cases: [Case] = [
        Case(name: "all nil", categories: ["a", "b", "c"], values: [[nil, nil, nil], [nil, nil, nil]]),
        Case(name: "single category", categories: ["2026-10"], values: [[42], [7]]),
        Case(name: "all zeros", categories: ["a", "b", "c"], values: [[0, 0, 0], [0, 0, 0]]),
        Case(name: "negative only", categories: ["a", "b", "c"], values: [[-1, -5, -3], [-2, -0.5, -4]]),
        Case(name: "huge", categories: ["a", "b", "c"], values: [[1e12, 2.5e12, 3e12], [1e12, 1e12, 1e12]]),
        Case(name: "non-finite", categories: ["a", "b", "c", "d"], values: [[.nan, 1, .infinity, 2], [-.infinity, .nan, 3, 4]]),
        Case(name: "no series", categories: ["a", "b"], values: []),
        Case(name: "no categories", categories: [], values: [[], []]),
        Case(name: "ragged", categories: ["a", "b", "c"], values: [[1], [1, 2, 3, 4, 5]]),
        Case(name: "tiny", categories: ["a", "b"], values: [[1e-13, 2e-13], [0.0001, 0.0002]]),
        Case(name: "constant", categories: ["a", "b"], values: [[7, 7], [7, 7]]),
        Case(name: "extreme", categories: ["a", "b"], values: [[Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude], [1, 2]]),
    ]

    func render(_ item: Case) -> [(String, String)] {
        let series = item.values.enumerated().map { ChartSeries(name: "Series \($0.offset)", values: $0.element) }
        let frame = ChartFrame(id: "edge", title: item.name)
        let firstValues = item.values.first ?? []
        return [
            ("line", LineChart(frame: frame, categories: item.categories, lines: series, format: TestFormat.plain).svg()),
            ("line+bars", LineChart(frame: frame, categories: item.categories, lines: Array(series.prefix(1)),
                                    bars: series.last, format: TestFormat.plain, referenceLine: ("Target", 1)).svg()),
            ("stacked", StackedBarChart(frame: frame, categories: item.categories, series: series, format: TestFormat.plain).svg()),
            ("waterfall", WaterfallChart(frame: frame, steps: firstValues.enumerated().map {
                WaterfallStep(label: "S\($0.offset)", value: $0.element ?? .nan, kind: $0.offset == 0 ? .total : .change)
            }, format: TestFormat.plain).svg()),
            ("bar", BarChart(frame: frame, labels: item.categories, values: firstValues, format: TestFormat.plain).svg()),
            ("bar max", BarChart(frame: frame, labels: item.categories, values: firstValues, format: TestFormat.plain,
                                 maximum: 100).svg()),
        ]
    }

    func testEveryChartHandlesEveryEdgeCase() {
        for item in Self.cases {
            for (kind, svg) in render(item) {
                let parsed = SVGTestSupport.assertValid(svg)
                XCTAssertNotNil(parsed, "\(item.name) / \(kind)")
                XCTAssertEqual(svg, render(item).first { $0.0 == kind }?.1, "deterministic: \(item.name) / \(kind)")
            }
            SVGTestSupport.assertValid(SparklineChart(values: item.values.first ?? []).svg(), accessible: false)
        }
    }

    func testAllNilLineChartSaysNoDataButKeepsAxes() throws {
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(render(Self.cases[0])[0].1))
        XCTAssertEqual(parsed.withClass("no-data").first?.text, "No data")
        XCTAssertEqual(parsed.withClass("category").map(\.text), ["a", "b", "c"])
        XCTAssertTrue(parsed.withClass("line").isEmpty)
        XCTAssertTrue(parsed.withClass("tick").isEmpty, "no axis ticks without data")
        XCTAssertTrue(parsed.all("desc").first!.text.contains("Series 0 has no data."))
    }

    func testAllZerosGiveAZeroToOneAxis() throws {
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(render(Self.cases[2])[2].1))
        XCTAssertEqual(parsed.withClass("tick").map(\.text), ["0", "1"])
        XCTAssertTrue(parsed.withClass("bar").isEmpty, "zero-height segments are not drawn")
    }

    func testSingleCategoryIsCentred() throws {
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(render(Self.cases[1])[0].1))
        XCTAssertEqual(parsed.plotMarkers.count, 2, "a lone point still gets a marker")
        XCTAssertEqual(parsed.withClass("category").map(\.text), ["2026-10"])
    }

    func testNegativeOnlyStackedHangsBelowZero() throws {
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(render(Self.cases[3])[2].1))
        let ticks = parsed.withClass("tick").compactMap { Double($0.text) }
        XCTAssertEqual(ticks.last, 0, "axis tops out at 0")
        XCTAssertTrue(ticks.allSatisfy { $0 <= 0 })
    }

    func testHugeValuesUseFormatterAndStayInView() throws {
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(render(Self.cases[4])[2].1))
        let ticks = parsed.withClass("tick").compactMap { Double($0.text) }
        XCTAssertEqual(ticks.first, 0)
        XCTAssertGreaterThanOrEqual(ticks.last ?? 0, 4e12)
        for rect in parsed.withClass("bar") {
            let y = Double(rect.attributes["y"]!)!
            XCTAssertTrue((0...280).contains(y))
        }
    }

    func testNonFiniteValuesAreGaps() throws {
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(render(Self.cases[5])[0].1))
        XCTAssertEqual(parsed.plotMarkers.count, 4)
        XCTAssertFalse(parsed.nodes.contains { $0.attributes.values.contains { $0.contains("nan") || $0.contains("inf") } })
    }
}

/// Seeded pseudo-random data (no global RNG, so failures reproduce) across magnitudes, signs and gaps.
final class FuzzTests: XCTestCase {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func value() -> Double? {
            let roll = next() % 20
            let scale = [1e-6, 0.01, 1, 100, 1e4, 1e6, 1e9, 1e12, 1e15][Int(next() % 9)]
            let magnitude = Double(next() % 10_000) / 10_000 * scale
            switch roll {
            case 0: return nil
            case 1: return .nan
            case 2: return 0
            case 3...7: return -magnitude
            default: return magnitude
            }
        }
    }

    func testRandomDataAlwaysRendersValidSVG() {
        var generator = Generator(state: 42)
        for round in 0..<150 {
            let count = Int(generator.next() % 30)
            let categories = (0..<count).map { "C\($0)" }
            let series = (0..<Int(generator.next() % 5)).map { index in
                ChartSeries(name: "S\(index)", values: (0..<count).map { _ in generator.value() })
            }
            let frame = ChartFrame(id: "fuzz\(round)", title: "Fuzz \(round)",
                                   width: 160 + Int(generator.next() % 900), height: 100 + Int(generator.next() % 400))
            let svgs = [
                LineChart(frame: frame, categories: categories, lines: series, bars: series.first,
                          format: TestFormat.plain, referenceLine: generator.value().map { ("Target", $0) }).svg(),
                StackedBarChart(frame: frame, categories: categories, series: series, format: TestFormat.plain).svg(),
                WaterfallChart(frame: frame, steps: (0..<count).map {
                    WaterfallStep(label: "W\($0)", value: generator.value() ?? .infinity,
                                  kind: generator.next() % 4 == 0 ? .total : .change)
                }, format: TestFormat.plain).svg(),
                BarChart(frame: frame, labels: categories, values: series.first?.values ?? [], format: TestFormat.plain,
                         maximum: generator.next() % 2 == 0 ? 100 : nil).svg(),
            ]
            for svg in svgs { XCTAssertNotNil(SVGTestSupport.assertValid(svg), "round \(round)") }
            SVGTestSupport.assertValid(SparklineChart(values: series.first?.values ?? []).svg(), accessible: false)
        }
    }
}
