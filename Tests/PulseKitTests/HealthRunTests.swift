import Foundation
import Testing
@testable import PulseKit

/// Health through a whole run: the delta against a score computed as of M−1 (M_start), overrides in
/// `accounts.csv`, and a health-drop alert that is new.
@Suite struct HealthRunTests {
    static func column(_ csv: String, row: Int, _ name: String) -> String {
        let lines = csv.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        // The fixture's names hold no comma for A1.
        return lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)[header.firstIndex(of: name)!]
    }

    @Test func deltaComparesWithTheScoreAsOfTheStartOfTheMonth() throws {
        // Only CSAT is known (no usage, tickets or NPS): October's 90 days before 11-01 hold the rating 1
        // of 10-15 (csat 0 → 0 points); September's 90 days before 10-01 hold the 5 of 07-15 (csat 1 → 100).
        let csat = """
            response_id,account_id,rating,responded_at
            R1,A1,5,2026-07-15T10:00:00+09:00
            R2,A1,1,2026-10-15T10:00:00+09:00

            """
        let overrides = """
            account_id,score,band,reason,author,expires_on
            A1,,green,Executive sponsor confirmed the renewal,佐藤,2026-12-01
            A1,95,,An old override,佐藤,2026-10-01

            """
        let fixture = try RunFixture(files: ["surveys/csat.csv": csat, "overrides/health_overrides.csv": overrides])
        try fixture.run()
        let accounts = try fixture.published("accounts.csv")
        #expect(Self.column(accounts, row: 1, "health_score") == "0")
        #expect(Self.column(accounts, row: 1, "health_band") == "red")
        #expect(Self.column(accounts, row: 1, "health_delta") == "-100")
        #expect(Self.column(accounts, row: 1, "health_score_final") == "0")          // a band override keeps the score
        #expect(Self.column(accounts, row: 1, "health_band_final") == "green")
        #expect(Self.column(accounts, row: 1, "override_reason") == "Executive sponsor confirmed the renewal")
        #expect(Self.column(accounts, row: 1, "component.csat") == "0")
        #expect(Self.column(accounts, row: 1, "component.nps") == "")
        #expect(Self.column(accounts, row: 1, "csat_90d") == "0")
        let alerts = try fixture.published("alerts.csv")
        #expect(alerts.contains("A1,health-drop,risk,new,csm,Find out what changed since last month and contact the customer,health_delta=-100\n"))
        #expect(!alerts.contains("health-red"))   // the final band is green
        // The expired override is listed with the warnings, not dropped silently.
        #expect(try fixture.published("warnings.csv").contains(
            "health_overrides,overrides/health_overrides.csv,3,expires_on,override for A1 expired on 2026-10-01: not applied,\n"))
    }

    @Test func aDropThatAlsoHappenedLastMonthIsOngoing() throws {
        // CSAT windows: M−2 (as of 09-01) [06-03, 09-01), M−1 (as of 10-01) [07-03, 10-01), M [08-03, 11-01).
        // M−2: five 5s → csat 1 (100 points); M−1: four 5s and a 1 → 0.8 (50); M: the 1 and a 5 → 0.5 (0).
        let csat = """
            response_id,account_id,rating,responded_at
            R1,A1,5,2026-06-10T10:00:00+09:00
            R2,A1,5,2026-07-10T10:00:00+09:00
            R3,A1,5,2026-07-11T10:00:00+09:00
            R4,A1,5,2026-07-12T10:00:00+09:00
            R5,A1,5,2026-07-13T10:00:00+09:00
            R6,A1,1,2026-09-10T10:00:00+09:00
            R7,A1,5,2026-10-10T10:00:00+09:00

            """
        let fixture = try RunFixture(files: ["surveys/csat.csv": csat])
        try fixture.run()
        #expect(Self.column(try fixture.published("accounts.csv"), row: 1, "health_delta") == "-50")
        #expect(try fixture.published("alerts.csv").contains("A1,health-drop,risk,ongoing,"))
    }
}
