import XCTest
@testable import SVGCharts

/// Regressions from looking at the rendered KPI review: month labels that ran into each other,
/// value labels clipped at the chart's left edge, health bands in borrowed colours, an English
/// waterfall legend on a Japanese page.
final class ReviewFindingsTests: XCTestCase {
    func testTwelveMonthLabelsUnderAWideMoneyAxisAreThinned() throws {
        let months = TestFormat.months
        let chart = StackedBarChart(frame: ChartFrame(id: "mrr", title: "MRR movements", description: ""), categories: months,
                                    series: [ChartSeries(name: "New", values: months.map { _ in 400_000 }),
                                             ChartSeries(name: "Churned", values: months.map { _ in -400_000 })],
                                    format: { "¥\(Int($0 / 1000)).0K" })
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(chart.svg()))
        let shown = parsed.withClass("category").map(\.text)
        XCTAssertEqual(shown, ["2025-12", "2026-02", "2026-04", "2026-06", "2026-08", "2026-10"])
    }

    func testPercentLabelsFitLeftOfThePlot() {
        // "100.0%" is about 40 points wide in DejaVu Sans at 10 points; the margin leaves room for it.
        let layout = PlotLayout(width: 640, height: 280, leftLabels: ["80.0%", "100.0%"], rightLabels: nil,
                                legendItems: [], categories: ["a"])
        XCTAssertGreaterThanOrEqual(layout.left - 6, 40)
    }

    func testSeriesColoursOverrideThePalette() throws {
        let chart = StackedBarChart(frame: ChartFrame(id: "bands", title: "Bands", description: ""), categories: ["2026-10"],
                                    series: [ChartSeries(name: "green", values: [3], color: "#009E73"),
                                             ChartSeries(name: "red", values: [2], color: "#D55E00"),
                                             ChartSeries(name: "odd", values: [1], color: "red\" onload=\"x")],
                                    format: { "\($0)" })
        let svg = chart.svg()
        XCTAssertTrue(svg.contains("fill=\"#009E73\""))
        XCTAssertTrue(svg.contains("fill=\"#D55E00\""))
        XCTAssertFalse(svg.contains("onload"), "a colour that is not #RRGGBB is ignored")
        XCTAssertTrue(svg.contains("fill=\"\(ChartPalette.color(forSeries: 2))\""))
    }

    func testWaterfallLegendSpeaksThePagesLanguage() {
        let svg = WaterfallChart(frame: ChartFrame(id: "w", title: "MRR", description: ""),
                                 steps: [WaterfallStep(label: "期首", value: 10, kind: .total), WaterfallStep(label: "新規", value: 2, kind: .change),
                                         WaterfallStep(label: "解約", value: -1, kind: .change), WaterfallStep(label: "期末", value: 11, kind: .total)],
                                 format: { "\($0)" }, legendNames: .init(total: "合計", increase: "増加", decrease: "減少")).svg()
        for word in ["合計", "増加", "減少"] { XCTAssertTrue(svg.contains(">\(word)<"), word) }
        XCTAssertFalse(svg.contains(">Total<"))
    }
}
