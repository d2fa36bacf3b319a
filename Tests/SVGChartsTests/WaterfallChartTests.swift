import XCTest
@testable import SVGCharts

final class WaterfallChartTests: XCTestCase {
    let steps = [
        WaterfallStep(label: "Start", value: 100, kind: .total),
        WaterfallStep(label: "New", value: 20, kind: .change),
        WaterfallStep(label: "Churn", value: -30, kind: .change),
        WaterfallStep(label: "End", value: 90, kind: .total),
    ]

    func chart(_ steps: [WaterfallStep]) -> WaterfallChart {
        WaterfallChart(frame: ChartFrame(id: "bridge", title: "MRR bridge"), steps: steps, format: TestFormat.plain)
    }

    func testBarGeometryInDataUnits() {
        XCTAssertEqual(chart(steps).bars(), [
            WaterfallBar(label: "Start", from: 0, to: 100, kind: .total, value: 100),
            WaterfallBar(label: "New", from: 100, to: 120, kind: .increase, value: 20),
            WaterfallBar(label: "Churn", from: 120, to: 90, kind: .decrease, value: -30),
            WaterfallBar(label: "End", from: 0, to: 90, kind: .total, value: 90),
        ])
    }

    func testBarGeometryInPixels() throws {
        let svg = chart(steps).svg()
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg))
        let rects = parsed.nodes.filter { $0.name == "rect" && ($0.attributes["class"] ?? "").hasPrefix("bar ") }
        XCTAssertEqual(rects.map { $0.attributes["class"] ?? "" }, ["bar total", "bar increase", "bar decrease", "bar total"])
        XCTAssertEqual(rects.map { $0.attributes["fill"] ?? "" },
                       [ChartPalette.total, ChartPalette.increase, ChartPalette.decrease, ChartPalette.total])
        func span(_ node: ParsedNode) -> (top: Double, bottom: Double) {
            let y = Double(node.attributes["y"]!)!
            return (y, y + Double(node.attributes["height"]!)!)
        }
        let start = span(rects[0]), increase = span(rects[1]), decrease = span(rects[2]), end = span(rects[3])
        let baseline = start.bottom
        let perUnit = (start.bottom - start.top) / 100
        XCTAssertEqual(end.bottom, baseline, accuracy: 0.05, "totals stand on zero")
        XCTAssertEqual(increase.bottom, start.top, accuracy: 0.05, "+20 floats from 100")
        XCTAssertEqual(increase.top, baseline - 120 * perUnit, accuracy: 0.1, "+20 reaches 120")
        XCTAssertEqual(decrease.top, increase.top, accuracy: 0.05, "−30 starts at 120")
        XCTAssertEqual(decrease.bottom, end.top, accuracy: 0.05, "−30 ends at 90")
        XCTAssertEqual(decrease.bottom - decrease.top, 30 * perUnit, accuracy: 0.1)
        // The scale is 0…120 plus headroom: ticks are nice and include 0.
        let ticks = parsed.withClass("tick").map(\.text)
        XCTAssertEqual(ticks.first, "0")
        XCTAssertEqual(parsed.withClass("connector").count, 3)
        let connectors = parsed.withClass("connector").map { Double($0.attributes["y1"]!)! }
        XCTAssertEqual(connectors[0], start.top, accuracy: 0.05)
        XCTAssertEqual(connectors[1], increase.top, accuracy: 0.05)
        XCTAssertEqual(connectors[2], decrease.bottom, accuracy: 0.05)
    }

    func testSignedValueLabelsAndLegend() throws {
        let money: @Sendable (Double) -> String = { value in
            let digits = String(Int(value.rounded()))
            var out = ""
            for (offset, character) in digits.reversed().enumerated() {
                if offset > 0 && offset % 3 == 0 { out.append(",") }
                out.append(character)
            }
            return String(out.reversed())
        }
        let svg = WaterfallChart(frame: ChartFrame(id: "b", title: "Bridge"), steps: [
            WaterfallStep(label: "Start", value: 10_000, kind: .total),
            WaterfallStep(label: "Expansion", value: 1_200, kind: .change),
            WaterfallStep(label: "Churn", value: -300, kind: .change),
            WaterfallStep(label: "End", value: 10_900, kind: .total),
        ], format: money).svg()
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg))
        XCTAssertEqual(parsed.withClass("value").map(\.text), ["10,000", "+1,200", "\u{2212}300", "10,900"])
        XCTAssertEqual(parsed.withClass("legend-label").map(\.text), ["Total", "Increase", "Decrease"])
        XCTAssertEqual(parsed.all("desc").first?.text,
                       "Waterfall chart: Start 10,000; Expansion +1,200; Churn \u{2212}300; End 10,900.")
    }

    func testNonFiniteStepIsNAAndKeepsRunningTotal() throws {
        let bars = chart([WaterfallStep(label: "Start", value: 100, kind: .total),
                          WaterfallStep(label: "Broken", value: .nan, kind: .change),
                          WaterfallStep(label: "Gain", value: 5, kind: .change),
                          WaterfallStep(label: "Inf", value: .infinity, kind: .total)]).bars()
        XCTAssertEqual(bars[1], WaterfallBar(label: "Broken", from: 100, to: 100, kind: .undefined, value: nil))
        XCTAssertEqual(bars[2].from, 100)
        XCTAssertEqual(bars[2].to, 105)
        XCTAssertEqual(bars[3].kind, .undefined)
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(chart([
            WaterfallStep(label: "Start", value: 100, kind: .total),
            WaterfallStep(label: "Broken", value: .nan, kind: .change)]).svg()))
        XCTAssertEqual(parsed.withClass("na").map(\.text), ["n/a"])
    }

    func testNegativeTotalsHangBelowZero() throws {
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(chart([
            WaterfallStep(label: "Start", value: -50, kind: .total),
            WaterfallStep(label: "Loss", value: -25, kind: .change),
            WaterfallStep(label: "End", value: -75, kind: .total)]).svg()))
        let zero = try XCTUnwrap(parsed.withClass("bar").first.map { Double($0.attributes["y"]!)! })
        XCTAssertEqual(parsed.withClass("bar").last.map { Double($0.attributes["y"]!)! }, zero, "negative totals hang from 0")
        XCTAssertEqual(parsed.withClass("value").map(\.text), ["-50", "\u{2212}25", "-75"])
    }
}
