import Foundation
import Testing
@testable import PulseKit
import Tabular

/// Adoption from usage events through a whole run (docs/metrics.md §5): aggregated rows with a `count`
/// column, events at as-of, unknown accounts, and the same figures whether usage is read as a snapshot
/// or appended to the warehouse.
@Suite struct AdoptionRunTests {
    // A1 (enterprise, 50 seats) pays all of 2026; A2's subscription ended in 2025.
    static let usage = """
        timestamp,account_id,user_id,event,count
        2026-10-05T10:00:00+09:00,A1,u1,report.export,3
        2026-10-06T10:00:00+09:00,A1,u1,login,1
        2026-10-06T11:00:00+09:00,A1,u2,workflow.create,0
        2026-10-07T10:00:00+09:00,A1,u3,dashboard.share,2
        2026-09-10T10:00:00+09:00,A1,u1,login,1
        2026-09-11T10:00:00+09:00,A1,u4,login,1
        2026-08-11T10:00:00+09:00,A1,u4,login,1
        2026-11-01T00:00:00+09:00,A1,u5,login,1
        2026-10-31T23:59:59+09:00,A1,u6,ai.assist,1
        2026-10-01T00:30:00+09:00,X9,u7,login,1

        """

    static func kpis(_ fixture: RunFixture) throws -> [String: String] {
        var values: [String: String] = [:]
        for line in try fixture.published("kpis.csv").split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if cells[1] == "company" { values[cells[2]] = cells[3] }
        }
        return values
    }

    @Test(arguments: ["snapshot", "append"])
    func usageGivesMAUUtilizationBreadthAndChange(load: String) throws {
        let fixture = try RunFixture(files: ["product/usage_events.csv": Self.usage],
                                     sources: "  usage_events:\n    path: product/usage_events.csv\n    load: \(load)\n")
        try fixture.run()
        // October: u1 (5th, 6th), u3 (7th), u6 (31st); u2's row has count 0 (no activity), u5's is at as-of.
        // September: u1, u4. Seats 50. Key features used: report.export, dashboard.share, ai.assist.
        let rows = try fixture.published("accounts.csv").split(separator: "\n")
        let header = rows[0].split(separator: ",").map(String.init)
        let a1 = rows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func column(_ name: String) -> String { a1[header.firstIndex(of: name)!] }
        #expect(column("mau") == "3")
        #expect(column("license_utilization") == "0.06")
        #expect(column("feature_breadth") == "0.6")
        #expect(column("mau_change") == "0.5")
        let k = try Self.kpis(fixture)
        #expect(k["active_account_rate"] == "1")
        #expect(k["mau_total"] == "3")
        #expect(k["license_utilization"] == "0.06")
        #expect(k["stickiness"] == NumberText.shortest(4.0 / 31.0 / 3.0))   // Σ dau_avg / Σ mau; dau_avg = 4 user-days / 31
        #expect(k["feature_adoption.report.export"] == "1")
        #expect(k["feature_adoption.workflow.create"] == "0")
        #expect(k["feature_adoption.integration.sync"] == "0")
    }

    @Test func withoutUsageAdoptionIsUndefined() throws {
        let fixture = try RunFixture()
        try fixture.run()
        let k = try Self.kpis(fixture)
        #expect(k["mau_total"] == "")
        #expect(k["active_account_rate"] == "")
        #expect(k["health_avg"] != nil)
    }

    @Test func licenseUtilizationNeedsSeats() {
        var usage = AccountUsage(daysInMonth: [31, 30, 31])
        usage.mau = [4, 2, 0, 0]   // M, M−1, M−2, M−3
        let withSeats = AccountAdoption(usage, seats: 8, keyFeatureCount: 5, monthsBack: 0)
        #expect(withSeats.licenseUtilization == 0.5 && withSeats.mauChange == 1)
        #expect(AccountAdoption(usage, seats: nil, keyFeatureCount: 5, monthsBack: 0).licenseUtilization == nil)
        #expect(AccountAdoption(usage, seats: 0, keyFeatureCount: 5, monthsBack: 0).licenseUtilization == nil)
        #expect(AccountAdoption(usage, seats: 8, keyFeatureCount: 0, monthsBack: 0).featureBreadth == nil)
        #expect(AccountAdoption(usage, seats: 8, keyFeatureCount: 5, monthsBack: 1).mauChange == nil)   // mau(M−2) = 0
    }
}
