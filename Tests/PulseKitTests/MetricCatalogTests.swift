import Foundation
import Testing
@testable import PulseKit

/// The metric catalog covers every figure a run writes, with the unit the reports show it in.
@Suite struct MetricCatalogTests {
    @Test func everyWrittenMetricIsInTheCatalog() throws {
        let kpis = try String(contentsOf: GoldenFilesTests.expected.appendingPathComponent("kpis.csv"), encoding: .utf8)
        let metrics = Set(kpis.split(separator: "\n").dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[2]) })
        #expect(metrics.count > 80)
        for metric in metrics { #expect(MetricCatalog.definition(of: metric) != nil, "\(metric)") }
        // Breakdowns are read as their base metric.
        #expect(MetricCatalog.definition(of: "tickets_created.priority.P1")?.name == "tickets_created")
        #expect(MetricCatalog.definition(of: "feature_adoption.ai.assist")?.unit == .rate)
        #expect(MetricCatalog.definition(of: "no_such_metric") == nil)
    }

    @Test func unitsAndFamilies() {
        #expect(MetricUnit.of("arpa") == .money)
        #expect(MetricUnit.of("nrr_ttm") == .rate)
        #expect(MetricUnit.of("first_response_business_minutes_p90") == .minutes)
        #expect(MetricUnit.of("ttfv_median_days") == .days)
        #expect(MetricUnit.of("health_avg") == .score)
        #expect(MetricUnit.of("ces") == .ratio)
        #expect(MetricCatalog.definition(of: "backlog_end")?.family == .support)
        #expect(MetricCatalog.definition(of: "health_red")?.direction == .lowerIsBetter)
        #expect(Set(MetricCatalog.all.map(\.name)).count == MetricCatalog.all.count)
    }
}

/// Figures stay typed until they are written; their text is the written form of docs/metrics.md §10.1.
@Suite struct FigureValueTests {
    @Test func textIsMadeWhereTheFigureIsWritten() {
        #expect(FigureValue.count(42).text == "42")
        #expect(FigureValue.money(10_000_000).text == "1000.0000")
        #expect(FigureValue.approximateMoney(1234.56785).text == "1234.5678")
        #expect(FigureValue.ratio(Ratio(1, 3)).text == "0.3333333333333333")
        #expect(FigureValue.defined(2, over: 0) == nil)   // undefined, never 0 or NaN
        #expect(FigureValue.number(0.1 + 0.2).text == "0.30000000000000004")
        #expect(FigureValue.money(-15_000).double == -1.5)
    }
}
