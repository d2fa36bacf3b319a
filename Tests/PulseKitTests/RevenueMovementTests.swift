import Foundation
import Testing
@testable import PulseKit

/// One hand-computed case per rule and trap of docs/metrics.md §1: how an account's MRR moves in May 2026.
@Suite struct RevenueMovementTests {
    @Test func upgradeIsExpansion() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-01-01", "2026-05-01", amount: "10000")
        f.subscription("A1", "2026-05-01", amount: "15000")
        #expect(try f.movements("2026-05") == ["A1 expansion 10000.0000 15000.0000"])
        let k = try f.kpis("2026-05")
        #expect(k["expansion_mrr"] == "5000.0000")
        #expect(k["nrr"] == "1.5")
        #expect(k["grr"] == "1")
        #expect(k["quick_ratio"] == nil)   // nothing lost: denominator 0
    }

    @Test func downgradeIsContraction() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-01-01", "2026-05-01", amount: "10000")
        f.subscription("A1", "2026-05-01", amount: "6000")
        #expect(try f.movements("2026-05") == ["A1 contraction 10000.0000 6000.0000"])
        let k = try f.kpis("2026-05")
        #expect(k["contraction_mrr"] == "4000.0000")
        #expect(k["nrr"] == "0.6")
        #expect(k["grr"] == "0.6")
        #expect(k["gross_mrr_churn_rate"] == "0.4")
        #expect(k["net_mrr_churn_rate"] == "0.4")
        #expect(k["logo_churn_rate"] == "0")
    }

    @Test func endingOneOfTwoSubscriptionsIsContractionNotChurn() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-01-01", amount: "10000")
        f.subscription("A1", "2026-02-01", "2026-05-15", amount: "5000")
        #expect(try f.movements("2026-05") == ["A1 contraction 15000.0000 10000.0000"])
        let k = try f.kpis("2026-05")
        #expect(k["churned_customers"] == "0")
        #expect(k["churned_mrr"] == "0.0000")
        #expect(k["contraction_mrr"] == "5000.0000")
    }

    @Test func addingASubscriptionIsExpansion() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-01-01", amount: "10000")
        f.subscription("A1", "2026-05-20", amount: "2500")
        #expect(try f.movements("2026-05") == ["A1 expansion 10000.0000 12500.0000"])
    }

    @Test func lastSubscriptionEndingIsChurn() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-01-01", "2026-05-20", amount: "10000")
        f.subscription("A2", "2026-01-01", amount: "30000")
        #expect(try f.movements("2026-05") == ["A1 churn 10000.0000 0.0000", "A2 flat 30000.0000 30000.0000"])
        let k = try f.kpis("2026-05")
        #expect(k["churned_customers"] == "1")
        #expect(k["churned_mrr"] == "10000.0000")
        #expect(k["logo_churn_rate"] == "0.5")
        #expect(k["revenue_churn_rate"] == "0.25")
        #expect(k["nrr"] == "0.75")
        #expect(k["grr"] == "0.75")
        #expect(k["customers_start"] == "2")
        #expect(k["customers_end"] == "1")
    }

    @Test func payingAgainAfterAGapIsReactivation() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-01-01", "2026-03-01", amount: "10000")   // paid Jan, Feb
        f.subscription("A1", "2026-05-01", amount: "12000")                 // nothing Mar, Apr
        #expect(try f.movements("2026-05") == ["A1 reactivation 0.0000 12000.0000"])
        #expect(try f.movements("2026-03") == ["A1 churn 10000.0000 0.0000"])
        let k = try f.kpis("2026-05")
        #expect(k["reactivation_mrr"] == "12000.0000")
        #expect(k["reactivated_customers"] == "1")
        #expect(k["new_customers"] == "0")
        #expect(k["nrr"] == nil)   // nobody paid at the end of April: empty cohort
        #expect(k["grr"] == nil)
    }

    @Test func reactivationLooksBackOverEveryMonth() throws {
        // docs/metrics.md §1.5: paid once, years ago.
        var f = RevenueFixture()
        f.subscription("A1", "2021-03-01", "2021-04-01", amount: "1000")
        f.subscription("A1", "2026-05-01", amount: "1000")
        #expect(try f.movements("2026-05") == ["A1 reactivation 0.0000 1000.0000"])
    }

    @Test func firstEverStartIsNew() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-05-10", amount: "8000")
        #expect(try f.movements("2026-05") == ["A1 new 0.0000 8000.0000"])
        let k = try f.kpis("2026-05")
        #expect(k["new_mrr"] == "8000.0000")
        #expect(k["new_customers"] == "1")
        #expect(k["arpa"] == "8000.0000")
    }

    @Test func subscriptionInsideOneMonthIsInvisibleAtMonthEnd() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-05-03", "2026-05-25", amount: "9000")
        #expect(try f.movements("2026-05") == ["A1 flat 0.0000 0.0000"])
        #expect(try f.movements("2026-06") == ["A1 flat 0.0000 0.0000"])
        let k = try f.kpis("2026-05")
        #expect(k["customers_end"] == "0")
        #expect(k["new_customers"] == "0")
        // It never paid at a month end, so a later start is new, not a reactivation.
        var g = f
        g.subscription("A1", "2026-07-01", amount: "9000")
        #expect(try g.movements("2026-07") == ["A1 new 0.0000 9000.0000"])
    }

    @Test func endDateOnTheLastDayOfAMonthEndsThatMonth() throws {
        // end_date is the first day not in service: ending 05-31 means not in service on 05-31.
        var f = RevenueFixture()
        f.subscription("A1", "2026-01-01", "2026-05-31", amount: "10000")
        f.subscription("A2", "2026-01-01", "2026-06-01", amount: "10000")
        #expect(try f.movements("2026-05") == ["A1 churn 10000.0000 0.0000", "A2 flat 10000.0000 10000.0000"])
        #expect(try f.movements("2026-06") == ["A1 flat 0.0000 0.0000", "A2 churn 10000.0000 0.0000"])
    }

    @Test func billingPeriodsDivideIntoMonths() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-01-01", amount: "1,200,000", billing: "annual")
        f.subscription("A2", "2026-01-01", amount: "30000", billing: "quarterly")
        f.subscription("A3", "2026-01-01", amount: "2,400,000", billing: "biennial")
        f.subscription("A4", "2026-01-01", amount: "100000", billing: "annual")   // 8333.33333…
        f.subscription("A5", "2026-01-01", amount: "3,600,000", billing: "triennial")
        f.subscription("A6", "2026-01-01", amount: "70000", billing: "7")
        #expect(try f.movements("2026-05") == [
            "A1 flat 100000.0000 100000.0000", "A2 flat 10000.0000 10000.0000", "A3 flat 100000.0000 100000.0000",
            "A4 flat 8333.3333 8333.3333", "A5 flat 100000.0000 100000.0000", "A6 flat 10000.0000 10000.0000",
        ])
    }

    @Test func foreignContractUsesItsStartMonthRateForLife() throws {
        var f = RevenueFixture()
        f.fxRates = ["2026-01,USD,150", "2026-03,USD,160.5", "2026-05,USD,120"]
        f.subscription("A1", "2026-02-15", amount: "100", currency: "USD")   // Feb has no rate: January's 150
        f.subscription("A2", "2026-03-01", amount: "$1,000.00", currency: "USD")   // 160.5
        #expect(try f.movements("2026-05") == ["A1 flat 15000.0000 15000.0000", "A2 flat 160500.0000 160500.0000"])
        let k = try f.kpis("2026-05")
        #expect(k["expansion_mrr"] == "0.0000")
        #expect(k["contraction_mrr"] == "0.0000")
        #expect(k["nrr"] == "1")
    }

    @Test func contractWithoutAnyEarlierRateIsQuarantined() throws {
        var f = RevenueFixture()
        f.fxRates = ["2026-03,USD,150"]
        f.subscription("A1", "2026-02-01", amount: "100", currency: "USD")
        let data = try f.extract()
        #expect(data.subscriptions.isEmpty)
        #expect(IngestFixture.quarantined(data, .subscriptions) == ["2 currency: no exchange rate for USD in 2026-02 or any earlier month"])
    }

    @Test func amountZeroTrialIsNotACustomer() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-04-01", amount: "0")
        f.subscription("A2", "2026-04-01", "2026-05-10", amount: "0")
        #expect(try f.movements("2026-05") == ["A1 flat 0.0000 0.0000", "A2 flat 0.0000 0.0000"])
        let k = try f.kpis("2026-05")
        #expect(k["customers_end"] == "0")
        #expect(k["customers_start"] == "0")
        #expect(k["arpa"] == nil)
        // A trial that converts is new, not a reactivation.
        var g = f
        g.subscription("A1", "2026-05-01", amount: "5000")
        #expect(try g.movements("2026-05")[0] == "A1 new 0.0000 5000.0000")
    }

    @Test func scheduledCancellationIsMRRUnderNotice() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-01-01", "2026-08-01", amount: "10000", canceled: "2026-05-20")   // under notice
        f.subscription("A2", "2026-01-01", "2026-08-01", amount: "20000", canceled: "2026-06-02")   // notice after as-of
        f.subscription("A3", "2026-01-01", amount: "40000", canceled: "2026-05-02")                 // no end date (docs/metrics.md §1.7)
        f.subscription("A4", "2026-01-01", "2026-05-25", amount: "80000", canceled: "2026-04-01")   // already ended
        #expect(try f.kpis("2026-05")["scheduled_churn_mrr"] == "10000.0000")
        #expect(try f.kpis("2026-06")["scheduled_churn_mrr"] == "30000.0000")
        #expect(try f.kpis("2026-04")["scheduled_churn_mrr"] == "80000.0000")   // A4: canceled 04-01, ends after April
        // as-of mid-month: a cancellation dated the as-of date counts only once its day has begun.
        #expect(try f.kpis("2026-05", asOf: "2026-05-20T12:00:00+09:00")["scheduled_churn_mrr"] == "10000.0000")
        #expect(try f.kpis("2026-05", asOf: "2026-05-20T00:00:00+09:00")["scheduled_churn_mrr"] == "0.0000")
    }

    @Test func quarterlyAndTrailingTwelveMonthCohorts() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2025-06-01", amount: "10000")                       // paying since June 2025
        f.subscription("A1", "2026-04-01", amount: "5000")                        // +5000 from April 2026
        f.subscription("A2", "2026-01-01", "2026-05-01", amount: "20000")         // Jan–Apr 2026
        // May 2026: the M−12 cohort (May 2025) is empty: nrr_ttm undefined.
        var k = try f.kpis("2026-05")
        #expect(k["nrr_ttm"] == nil)
        #expect(k["grr_ttm"] == nil)
        // The M−3 cohort (February): A1 10000 → 15000, A2 20000 → 0.
        #expect(k["nrr_quarterly"] == "0.5")              // 15000 / 30000
        #expect(k["grr_quarterly"] == "0.3333333333333333") // 10000 / 30000
        // June 2026: the June 2025 cohort is A1 alone, 10000 → 15000.
        k = try f.kpis("2026-06")
        #expect(k["nrr_ttm"] == "1.5")
        #expect(k["grr_ttm"] == "1")
    }

    @Test func arpaRoundsHalfToEven() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-01-01", amount: "0.0001")
        f.subscription("A2", "2026-01-01", amount: "0.0002")
        f.subscription("A3", "2026-01-01", amount: "0.0002")
        f.subscription("A4", "2026-01-01", amount: "0.0001")
        // 0.0006 / 4 = 0.00015 → 0.0002 (half to even)
        #expect(try f.kpis("2026-05")["arpa"] == "0.0002")
        var g = RevenueFixture()
        g.subscription("A1", "2026-01-01", amount: "0.0001")
        g.subscription("A2", "2026-01-01", amount: "0.0001")
        g.subscription("A3", "2026-01-01", amount: "0.0001")
        g.subscription("A4", "2026-01-01", amount: "0.0007")
        // 0.0010 / 4 = 0.00025 → 0.0002 (half to even)
        #expect(try g.kpis("2026-05")["arpa"] == "0.0002")
    }

    @Test func ltvDividesArpaByTheSixMonthMeanOfLogoChurn() throws {
        // Four accounts paying 10000 each since 2025; one churns in March and one in May 2026.
        var f = RevenueFixture()
        f.subscription("A1", "2025-01-01", amount: "10000")
        f.subscription("A2", "2025-01-01", amount: "10000")
        f.subscription("A3", "2025-01-01", "2026-03-15", amount: "10000")
        f.subscription("A4", "2025-01-01", "2026-05-15", amount: "10000")
        // Dec…May logo churn: 0, 0, 0, 1/4, 0, 1/3 → mean 7/72; arpa 10000 → ltv 102857.142857…
        let k = try f.kpis("2026-05")
        #expect(k["logo_churn_rate"] == "0.3333333333333333")
        #expect(k["ltv"] == "102857.1429")
        // No churn in the six months: the mean is 0 and ltv is undefined.
        #expect(try f.kpis("2025-12")["ltv"] == nil)
    }

    @Test func nrrAndGRRAreUndefinedForAnEmptyCohort() throws {
        let f = RevenueFixture()
        let k = try f.kpis("2026-05")
        #expect(k["nrr"] == nil)
        #expect(k["grr"] == nil)
        #expect(k["net_mrr_churn_rate"] == nil)
        #expect(k["logo_churn_rate"] == nil)
        #expect(k["mrr_end"] == "0.0000")
        #expect(k["customers_end"] == "0")
    }

    @Test func grrCapsEachAccountNotTheTotal() throws {
        var f = RevenueFixture()
        f.subscription("A1", "2026-01-01", "2026-05-01", amount: "10000")
        f.subscription("A1", "2026-05-01", amount: "30000")                   // +20000
        f.subscription("A2", "2026-01-01", "2026-05-01", amount: "10000")
        f.subscription("A2", "2026-05-01", amount: "5000")                    // −5000
        let k = try f.kpis("2026-05")
        #expect(k["nrr"] == "1.75")   // 35000 / 20000
        #expect(k["grr"] == "0.75")   // (10000 + 5000) / 20000, not min(35000, 20000) / 20000
    }
}
