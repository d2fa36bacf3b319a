import Foundation
import Testing
@testable import PulseKit

/// Regressions from looking at the rendered KPI review and QBRs of the golden dataset.
@Suite struct ReviewFindingsTests {
    @Test func aRiseOfChurnIsColouredAsBadNews() {
        #expect(KPIReviewPage.verdict("▲ +3.4 pt", direction: .lowerIsBetter) == "worse")
        #expect(KPIReviewPage.verdict("▼ -0.5 pt", direction: .lowerIsBetter) == "better")
        #expect(KPIReviewPage.verdict("▲ +¥26,000", direction: .higherIsBetter) == "better")
        #expect(KPIReviewPage.verdict("▼ -0.5 pt", direction: .higherIsBetter) == "worse")
        #expect(KPIReviewPage.verdict("▲ +3", direction: .neutral) == "")
        #expect(KPIReviewPage.verdict("– 0", direction: .higherIsBetter) == "")
        #expect(KPIReviewPage.verdict(nil, direction: .lowerIsBetter) == "")
        // Every tile's metric has a direction in the catalog; churn is bad news.
        for metric in KPIReviewPage.tileMetrics { #expect(MetricCatalog.definition(of: metric)?.direction != .neutral, "\(metric)") }
        #expect(MetricCatalog.definition(of: "logo_churn_rate")?.direction == .lowerIsBetter)
    }

    @Test func headersOfNumberColumnsAreRightAligned() {
        let table = ReportPage.Table(id: "t", caption: "t", headers: ["Month", "MRR", "Note"],
                                     rows: [ReportPage.Row(cells: [.text("2026-10"), .number("¥1"), .text("x")])])
        #expect(table.headers.map(\.numeric) == [false, true, false])
    }

    @Test func healthComponentRawValuesAreShownInTheirUnits() {
        #expect(QBRPage.unit(of: .licenseUtilization) == .rate)
        #expect(QBRPage.unit(of: .usageTrend) == .rate)
        #expect(QBRPage.unit(of: .support) == .count)
        #expect(QBRPage.unit(of: .nps) == .score)
    }

    /// The golden page (which GoldenFilesTests keeps equal to a fresh run).
    static func goldenPage(_ name: String) throws -> String {
        try String(contentsOf: GoldenFilesTests.expected.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func aCategoryWithoutTicketsThisMonthCountsZero() throws {
        let page = try Self.goldenPage("kpi-review.html")
        #expect(page.contains(#"<th scope="row">feature_request</th><td class="num">0</td><td class="num">2</td><td class="num">▼ -2</td>"#))
    }

    @Test func undefinedFiguresAreNotFlaggedAsSmallSamples() throws {
        let page = try Self.goldenPage("kpi-review.html")
        #expect(page.contains(#"n/a"#) && !page.contains(#"n/a<span class="flag""#))
        #expect(page.contains(#"<span class="worse">Change: ▲ +3.4 pt</span>"#), "logo churn rose")
    }

    @Test func qbrRuleStatusAndOwnerAreNotBrokenAcrossLines() throws {
        let page = try Self.goldenPage("qbr/A00006.html")
        #expect(page.contains(#"<td class="code">health-red</td>"#))
    }
}
