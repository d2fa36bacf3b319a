import XCTest
@testable import SVGCharts

final class ChartRenderingTests: XCTestCase {
    func lineChart(_ lines: [ChartSeries], categories: [String] = TestFormat.months, bars: ChartSeries? = nil,
                   reference: (label: String, value: Double)? = nil, description: String = "") -> LineChart {
        LineChart(frame: ChartFrame(id: "nrr", title: "NRR and GRR", description: description), categories: categories,
                  lines: lines, bars: bars, format: TestFormat.percent, barFormat: TestFormat.integer,
                  referenceLine: reference)
    }

    let nrr = ChartSeries(name: "NRR", values: [101, 102.5, 103, nil, 104, 105, 103.2, 104, 106, 107, 105, 108])
    let grr = ChartSeries(name: "GRR", values: [95, 94, 96, 95.5, 95, 96, 96, 97, 96.5, 95, 94, 96])

    func testLineChartRootTitleAndDesc() throws {
        let svg = lineChart([nrr, grr]).svg()
        XCTAssertTrue(svg.hasPrefix(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 280\" role=\"img\" aria-labelledby=\"nrr-title nrr-desc\" class=\"chart\"><title id=\"nrr-title\">NRR and GRR</title><desc id=\"nrr-desc\">"))
        XCTAssertTrue(svg.hasSuffix("</svg>"))
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg))
        let desc = try XCTUnwrap(parsed.all("desc").first?.text)
        XCTAssertTrue(desc.hasPrefix("Line chart of NRR and GRR over 12 periods from 2025-11 to 2026-10."), desc)
        XCTAssertTrue(desc.contains("NRR ranges from 101.0% to 108.0%; latest 108.0% (2026-10); 1 n/a."), desc)
    }

    func testCallerDescriptionIsUsed() throws {
        let svg = lineChart([nrr], description: "NRR rose to 108% & held.").svg()
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg))
        XCTAssertEqual(parsed.all("desc").first?.text, "NRR rose to 108% & held.")
        XCTAssertTrue(svg.contains("108% &amp; held."))
    }

    func testNilBreaksTheLineIntoSubpaths() throws {
        let series = ChartSeries(name: "NRR", values: [1, 2, nil, 4, 5])
        let svg = lineChart([series], categories: ["a", "b", "c", "d", "e"]).svg()
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg))
        let path = try XCTUnwrap(parsed.withClass("line").first?.attributes["d"])
        let commands = path.filter { $0.isLetter }
        XCTAssertEqual(commands, "MLML", path)
        XCTAssertEqual(parsed.plotMarkers.count, 4, "no point is drawn for nil")
        let tooltips = parsed.plotMarkers.compactMap { marker in parsed.nodes.first { $0.name == "title" && $0.parent == parsed.index(of: marker) }?.text }
        XCTAssertEqual(tooltips.first, "NRR, a: 1.0%")
    }

    func testIsolatedPointGetsAMarkerButNoSegment() throws {
        let series = ChartSeries(name: "S", values: [nil, 3, nil, 4, 5])
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(lineChart([series], categories: ["a", "b", "c", "d", "e"]).svg()))
        XCTAssertEqual(parsed.withClass("line").first?.attributes["d"]?.filter { $0.isLetter }, "ML")
        XCTAssertEqual(parsed.plotMarkers.count, 3)
    }

    func testLegendNamesEverySeriesAndStylesDiffer() throws {
        let ttm = ChartSeries(name: "NRR TTM", values: Array(repeating: 100, count: 12))
        let grrTTM = ChartSeries(name: "GRR TTM", values: Array(repeating: 96, count: 12))
        let bars = ChartSeries(name: "Responses", values: Array(repeating: 120, count: 12))
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(lineChart([nrr, grr, ttm, grrTTM], bars: bars).svg()))
        let legend = try XCTUnwrap(parsed.withClass("legend").first.flatMap(parsed.index(of:)))
        let text = parsed.fullText(legend)
        for name in ["NRR", "GRR", "NRR TTM", "GRR TTM", "Responses"] {
            XCTAssertTrue(parsed.withClass("legend-label").contains { $0.text == name }, "legend lacks \(name): \(text)")
        }
        let lines = parsed.withClass("line")
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(Set(lines.map { $0.attributes["stroke"] ?? "" }).count, 4, "distinct colours")
        XCTAssertEqual(Set(lines.map { $0.attributes["stroke-dasharray"] ?? "solid" }).count, 4, "distinct dash patterns")
        for index in 0..<4 {
            XCTAssertEqual(parsed.withClass("line").filter { ($0.attributes["class"] ?? "").contains("series-\(index)") }.count, 1)
        }
        XCTAssertEqual(lines[0].attributes["stroke"], ChartPalette.colors[0])
    }

    func testSecondaryBarsDrawnBehindLinesWithRightAxis() throws {
        let bars = ChartSeries(name: "Tickets", values: [10, nil, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120])
        let svg = lineChart([nrr], bars: bars).svg()
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg))
        let barRange = try XCTUnwrap(svg.range(of: "class=\"bars secondary\""))
        let linesRange = try XCTUnwrap(svg.range(of: "class=\"lines\""))
        XCTAssertLessThan(barRange.lowerBound, linesRange.lowerBound)
        XCTAssertEqual(parsed.nodes.filter { $0.name == "rect" && $0.attributes["class"] == "bar secondary" }.count, 11,
                       "nil bar is empty")
        let rightTicks = parsed.nodes.filter { $0.attributes["class"] == "label tick" && $0.attributes["text-anchor"] == "start" }
        XCTAssertEqual(rightTicks.first?.text, "0", "secondary axis includes 0 and uses barFormat")
    }

    func testReferenceLineIsDashedAndLabelled() throws {
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(lineChart([nrr], reference: ("Target", 100)).svg()))
        let group = try XCTUnwrap(parsed.withClass("reference").first { $0.name == "g" })
        let line = try XCTUnwrap(group.children.map { parsed.nodes[$0] }.first { $0.name == "line" })
        XCTAssertNotNil(line.attributes["stroke-dasharray"])
        XCTAssertTrue(parsed.withClass("label").contains { $0.text == "Target 100.0%" })
    }

    func testTwelveMonthsAreReadableAt640() throws {
        for bars in [nil, ChartSeries(name: "MAU", values: Array(repeating: 1_000_000, count: 12))] {
            let parsed = try XCTUnwrap(SVGTestSupport.assertValid(lineChart([nrr, grr], bars: bars).svg()))
            let labels = parsed.withClass("category")
            XCTAssertGreaterThanOrEqual(labels.count, 6)
            XCTAssertTrue(labels.allSatisfy { !$0.text.hasSuffix("\u{2026}") }, "month labels are not truncated")
            XCTAssertEqual(labels.last?.text, "2026-10", "latest month always shown")
            let xs = labels.compactMap { Double($0.attributes["x"] ?? "") }
            let widest = TextMeasure.maxWidth(labels.map(\.text), fontSize: ChartStyle.axisFontSize)
            if labels.first?.attributes["transform"] == nil {
                for (a, b) in zip(xs, xs.dropFirst()) { XCTAssertGreaterThan(b - a, widest, "labels overlap") }
            }
        }
    }

    func testManyCategoriesRotateOrThin() throws {
        let categories = (0..<48).map { "2022-\($0)" }
        let series = ChartSeries(name: "S", values: categories.indices.map { Double($0) })
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(lineChart([series], categories: categories).svg()))
        let labels = parsed.withClass("category")
        XCTAssertTrue(labels.count < 48 || labels.allSatisfy { $0.attributes["transform"]?.hasPrefix("rotate(-45") == true })
    }

    func testStackedBarsStackPositiveUpAndNegativeDown() throws {
        let chart = StackedBarChart(
            frame: ChartFrame(id: "mrr", title: "MRR movements"), categories: ["2026-09", "2026-10"],
            series: [ChartSeries(name: "New", values: [100, 50]), ChartSeries(name: "Expansion", values: [40, nil]),
                     ChartSeries(name: "Churn", values: [-30, -20]), ChartSeries(name: "Contraction", values: [-10, 0])],
            format: TestFormat.integer)
        let svg = chart.svg()
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg))
        for name in ["New", "Expansion", "Churn", "Contraction"] {
            XCTAssertTrue(parsed.withClass("legend-label").contains { $0.text == name })
        }
        let zeroLine = try XCTUnwrap(parsed.withClass("zero").first)
        let zero = try XCTUnwrap(Double(zeroLine.attributes["y1"] ?? ""))
        let rects = parsed.nodes.filter { $0.name == "rect" && ($0.attributes["class"] ?? "").hasPrefix("bar ") }
        XCTAssertEqual(rects.count, 6, "nil and 0 draw no segment")
        func box(_ node: ParsedNode) -> (top: Double, bottom: Double) {
            let y = Double(node.attributes["y"]!)!
            return (y, y + Double(node.attributes["height"]!)!)
        }
        let first = Array(rects.prefix(4)).map(box)
        XCTAssertEqual(first[0].bottom, zero, accuracy: 0.05, "first positive sits on zero")
        XCTAssertEqual(first[1].bottom, first[0].top, accuracy: 0.05, "second positive stacks on the first")
        XCTAssertEqual(first[2].top, zero, accuracy: 0.05, "first negative hangs from zero")
        XCTAssertEqual(first[3].top, first[2].bottom, accuracy: 0.05, "second negative stacks below")
        XCTAssertTrue(rects[0].attributes["class"]!.contains("series-0"))
        XCTAssertEqual(rects[0].attributes["fill"], ChartPalette.colors[0])
        XCTAssertTrue(svg.contains("<title>Churn, 2026-09: -30</title>"))
    }

    func testStackedAllNilCategoryShowsNA() throws {
        let chart = StackedBarChart(frame: ChartFrame(id: "h", title: "Health"), categories: ["a", "b"],
                                    series: [ChartSeries(name: "Green", values: [nil, 3]), ChartSeries(name: "Red", values: [nil, 1])],
                                    format: TestFormat.integer)
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(chart.svg()))
        XCTAssertEqual(parsed.withClass("na").map(\.text), ["n/a"])
    }

    func testBarChartLabelsValuesAndNA() throws {
        let chart = BarChart(frame: ChartFrame(id: "scores", title: "Health components"),
                             labels: ["Usage", "Support", "NPS"], values: [82, nil, 95.5],
                             format: TestFormat.integer, maximum: 100)
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(chart.svg()))
        XCTAssertEqual(parsed.withClass("value").map(\.text), ["82", "n/a", "96"])
        XCTAssertEqual(parsed.withClass("category").map(\.text), ["Usage", "Support", "NPS"])
        XCTAssertEqual(parsed.withClass("tick").last?.text, "100", "fixed maximum ends the axis")
        XCTAssertEqual(parsed.withClass("bar").count, 2)
        let desc = parsed.all("desc").first?.text ?? ""
        XCTAssertEqual(desc, "Bar chart of 3 items: Usage 82; Support n/a; NPS 96.")
    }

    func testBarChartGrowsForManyRows() throws {
        let labels = (0..<40).map { "Category \($0)" }
        let chart = BarChart(frame: ChartFrame(id: "t", title: "Top"), labels: labels,
                             values: labels.indices.map { Double($0) }, format: TestFormat.integer)
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(chart.svg()))
        let viewBox = parsed.root.attributes["viewBox"]!.split(separator: " ").compactMap { Int($0) }
        XCTAssertGreaterThanOrEqual(viewBox[3], 40 * 18)
    }

    func testBarChartNegativeValues() throws {
        let chart = BarChart(frame: ChartFrame(id: "d", title: "Delta"), labels: ["a", "b"], values: [-5, 10],
                             format: TestFormat.integer)
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(chart.svg()))
        let values = parsed.withClass("value")
        XCTAssertEqual(values.first?.attributes["text-anchor"], "end")
        XCTAssertEqual(values.last?.attributes["text-anchor"], "start")
    }

    func testSparkline() throws {
        let svg = SparklineChart(values: [1, 2, nil, 3, 4, .nan]).svg()
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 32\""))
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg, accessible: false))
        XCTAssertEqual(parsed.root.attributes["aria-hidden"], "true")
        XCTAssertEqual(parsed.all("path").first?.attributes["d"]?.filter { $0.isLetter }, "MLML")
        XCTAssertEqual(parsed.all("circle").count, 1, "latest value marked")
        let empty = try XCTUnwrap(SVGTestSupport.assertValid(SparklineChart(values: [nil, nil]).svg(), accessible: false))
        XCTAssertTrue(empty.all("path").isEmpty)
        let single = try XCTUnwrap(SVGTestSupport.assertValid(SparklineChart(values: [5]).svg(), accessible: false))
        XCTAssertEqual(single.all("circle").first?.attributes["cx"], "60")
        SVGTestSupport.assertValid(SparklineChart(values: [0, 0, 0]).svg(), accessible: false)
        SVGTestSupport.assertValid(SparklineChart(values: []).svg(), accessible: false)
        SVGTestSupport.assertValid(SparklineChart(values: [-1e12, 1e12]).svg(), accessible: false)
    }

    func testDeterministicOutput() {
        let make: () -> [String] = {
            [
                self.lineChart([self.nrr, self.grr], bars: ChartSeries(name: "B", values: [1, 2, 3]), reference: ("T", 100)).svg(),
                StackedBarChart(frame: ChartFrame(id: "s", title: "S"), categories: TestFormat.months,
                                series: [ChartSeries(name: "A", values: [1, -2, 3.33333])], format: TestFormat.percent).svg(),
                WaterfallChart(frame: ChartFrame(id: "w", title: "W"),
                               steps: [WaterfallStep(label: "Start", value: 100.123, kind: .total),
                                       WaterfallStep(label: "Δ", value: -7.77, kind: .change)],
                               format: TestFormat.percent).svg(),
                BarChart(frame: ChartFrame(id: "b", title: "B"), labels: ["x", "y"], values: [1 / 3, 2 / 3],
                         format: TestFormat.percent).svg(),
                SparklineChart(values: [1 / 3, 2 / 3, nil, 0.1]).svg(),
            ]
        }
        let first = make()
        let second = make()
        XCTAssertEqual(first, second)
        for svg in first { XCTAssertEqual(Array(svg.utf8), Array(svg.utf8)) }
    }

    func testNoDataWhenThereAreNoCategories() throws {
        let charts: [String] = [
            lineChart([nrr], categories: []).svg(),
            lineChart([], categories: TestFormat.months).svg(),
            StackedBarChart(frame: ChartFrame(id: "s", title: "S"), categories: [], series: [nrr], format: TestFormat.percent).svg(),
            StackedBarChart(frame: ChartFrame(id: "s", title: "S"), categories: ["a"], series: [], format: TestFormat.percent).svg(),
            WaterfallChart(frame: ChartFrame(id: "w", title: "W"), steps: [], format: TestFormat.percent).svg(),
            BarChart(frame: ChartFrame(id: "b", title: "B"), labels: [], values: [], format: TestFormat.percent).svg(),
        ]
        for svg in charts {
            let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg))
            XCTAssertEqual(parsed.withClass("no-data").first?.text, "No data")
            XCTAssertEqual(parsed.root.attributes["viewBox"], "0 0 640 280")
        }
    }
}
