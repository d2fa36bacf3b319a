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
