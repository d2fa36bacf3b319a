import Foundation
import Testing
@testable import PulseKit

/// The revenue outputs of a whole run: `kpis.csv`/`kpis.json` rows, `movements.csv`, the revenue
/// columns of `accounts.csv`, and the history recorded in the warehouse.
@Suite struct RevenueRunTests {
    // The fixture CRM: A1 (enterprise) pays ¥12,000,000 a year from 2024-04-01, open-ended;
    // A2 (starter, "Yamada Shoji, Inc.") pays ¥30,000 a month from 2024-06-15 to 2025-06-15.

    @Test func churnMonthPublishesMovementsAccountsAndKPIs() throws {
        let fixture = try RunFixture()
        try fixture.run(period: "2025-06")
        #expect(try fixture.published("movements.csv", period: "2025-06") == """
            account_id,movement,mrr_start,mrr_end,amount
            A2,churn,30000.0000,0.0000,30000.0000

            """)
        // The revenue columns of accounts.csv (the health, adoption, survey and support columns follow).
        let accounts = try fixture.published("accounts.csv", period: "2025-06").split(separator: "\n").map(String.init)
        #expect(accounts.count == 3)
        #expect(accounts[0].hasPrefix("account_id,name,plan,tier,csm,mrr_start,mrr_end,movement,health_score,"))
        #expect(accounts[1].hasPrefix("A1,株式会社みらい,enterprise,high_touch,山田 花子,1000000.0000,1000000.0000,flat,"))
        #expect(accounts[2].hasPrefix(#"A2,"Yamada Shoji, Inc.",starter,tech_touch,,30000.0000,0.0000,churn,"#))
        let kpis = try fixture.published("kpis.csv", period: "2025-06")
        #expect(kpis.contains("2025-06,company,mrr_start,1030000.0000\n"))
        #expect(kpis.contains("2025-06,company,mrr_end,1000000.0000\n"))
        #expect(kpis.contains("2025-06,company,arr_end,12000000.0000\n"))
        #expect(kpis.contains("2025-06,company,churned_mrr,30000.0000\n"))
        #expect(kpis.contains("2025-06,company,logo_churn_rate,0.5\n"))
        #expect(kpis.contains("2025-06,tier:tech_touch,churned_customers,1\n"))
        #expect(kpis.contains("2025-06,tier:low_touch,customers_start,0\n"))   // every tier, even empty
        #expect(kpis.contains("2025-06,tier:low_touch,nrr,\n"))                // undefined: empty
        #expect(kpis.contains("2025-06,plan:starter,nrr,0\n"))
        #expect(kpis.contains("2025-06,plan:enterprise,nrr,1\n"))
        #expect(!kpis.contains("untiered"))
        let json = try fixture.published("kpis.json", period: "2025-06")
        #expect(json.contains("\"tier:low_touch\": {"))
        #expect(json.contains("\"nrr\": null"))
        #expect(json.contains("\"revenue_churn_rate\": 0.02912621359223301"))   // 30000 / 1030000
    }

    @Test func scopesAreCompanyThenTiersThenPlans() throws {
        let fixture = try RunFixture()
        try fixture.run(period: "2026-10")
        let kpis = try fixture.published("kpis.csv")
        var scopes: [String] = []
        for line in kpis.split(separator: "\n").dropFirst() {
            let scope = String(line.split(separator: ",")[1])
            if scopes.last != scope { scopes.append(scope) }
        }
        #expect(scopes == ["company", "tier:high_touch", "tier:low_touch", "tier:tech_touch", "plan:enterprise", "plan:starter"])
        #expect(try fixture.published("movements.csv") == "account_id,movement,mrr_start,mrr_end,amount\n")
        // Only A1 paid in September or October.
        #expect(try fixture.published("accounts.csv").split(separator: "\n").count == 2)
    }

    @Test func warehouseKeepsThirteenMonthsOfKPIsAndAccountSnapshots() throws {
        let fixture = try RunFixture()
        try fixture.run(period: "2026-10")
        let periods = try fixture.rows("SELECT DISTINCT period FROM kpi_values ORDER BY period").map { $0[0] }
        #expect(periods.count == 13)
        #expect(periods.first == "2025-10" && periods.last == "2026-10")
        #expect(try fixture.rows("SELECT value FROM kpi_values WHERE period = '2025-10' AND scope = 'company' AND metric = 'mrr_end'")
                == [["1000000.0000"]])
        let snapshots = try fixture.rows("SELECT account_id, facts FROM account_snapshots")
        #expect(snapshots.map { $0[0] } == ["A1"])
        #expect(snapshots[0][1].hasPrefix(#"{"plan":"enterprise","tier":"high_touch","mrr_start":1000000.0000,"mrr_end":1000000.0000,"movement":"flat","health_score":"#))
    }

    @Test func tierRulesFromThePipelineDecideTheTiers() throws {
        let fixture = try RunFixture()
        var yaml = try String(contentsOf: fixture.pipeline, encoding: .utf8)
        yaml += """
            tiers:
              - { name: big, when: 'arr >= 360000' }
              - { name: small, when: 'plan == "starter"' }

            """
        try Data(yaml.utf8).write(to: fixture.pipeline)
        try fixture.run(period: "2025-05")
        // A1: arr 12,000,000 → big; A2: arr 360,000 → big as well (first match wins).
        #expect(try fixture.published("accounts.csv", period: "2025-05").contains("A2,\"Yamada Shoji, Inc.\",starter,big,"))
        let kpis = try fixture.published("kpis.csv", period: "2025-05")
        #expect(kpis.contains("2025-05,tier:big,customers_end,2\n"))
        #expect(kpis.contains("2025-05,tier:small,customers_end,0\n"))
        #expect(!kpis.contains("untiered"))
    }

    @Test func accountsNoRuleMatchesAreUntiered() throws {
        let fixture = try RunFixture()
        var yaml = try String(contentsOf: fixture.pipeline, encoding: .utf8)
        yaml += "tiers:\n  - { name: big, when: 'arr >= 1000000' }\n"
        try Data(yaml.utf8).write(to: fixture.pipeline)
        try fixture.run(period: "2025-05")
        let kpis = try fixture.published("kpis.csv", period: "2025-05")
        #expect(kpis.contains("2025-05,tier:big,customers_end,1\n"))
        #expect(kpis.contains("2025-05,tier:untiered,customers_end,1\n"))
        #expect(try fixture.published("accounts.csv", period: "2025-05").contains(",starter,untiered,"))
    }
}
