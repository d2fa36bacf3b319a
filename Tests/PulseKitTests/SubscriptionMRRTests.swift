import Foundation
import Testing
@testable import PulseKit
import Tabular

/// `mrr(s) = round_half_even(amount × rate / months, 4 decimals)` in exact arithmetic (docs/metrics.md §1).
@Suite struct SubscriptionMRRTests {
    static func mrr(_ amount: String, rate: String = "1", months: Int) throws -> String? {
        try SubscriptionMRR.mrr(amount: DecimalGrammar.parseExact(amount), rate: DecimalGrammar.parseExact(rate), months: months)?.description
    }

    @Test func dividesByTheBillingMonths() throws {
        #expect(try Self.mrr("1200000", months: 12) == "100000.0000")
        #expect(try Self.mrr("100000", months: 12) == "8333.3333")
        #expect(try Self.mrr("200000", months: 12) == "16666.6667")
        #expect(try Self.mrr("30000", months: 3) == "10000.0000")
        #expect(try Self.mrr("2400000", months: 24) == "100000.0000")
        #expect(try Self.mrr("3600000", months: 36) == "100000.0000")
    }

    @Test func roundsHalfToEvenAtTheFourthDecimal() throws {
        #expect(try Self.mrr("0.001", months: 4) == "0.0002")    // 0.00025 → even 2
        #expect(try Self.mrr("0.0014", months: 4) == "0.0004")   // 0.00035 → even 4
        #expect(try Self.mrr("0.0010", months: 8) == "0.0001")   // 0.000125 → above half: up
        #expect(try Self.mrr("0.0001", months: 3) == "0.0000")   // 0.0000333… → down
    }

    @Test func convertsWithTheRateExactly() throws {
        #expect(try Self.mrr("1,000.00", rate: "151.2345", months: 1) == "151234.5000")
        #expect(try Self.mrr("99.99", rate: "0.006789", months: 12) == "0.0566")        // 0.05656934… 
        #expect(try Self.mrr("1", rate: "0.00000000000000000001", months: 1) == "0.0000")
    }

    @Test func tooLargeToHoldIsNil() throws {
        #expect(try Self.mrr("999999999999999999", rate: "1000", months: 1) == nil)
        #expect(try Self.mrr("900000000000000", months: 1) == "900000000000000.0000")
    }

    @Test func readerQuarantinesAnMRRTooLargeToHold() throws {
        let subscriptions = """
            subscription_id,account_id,start_date,billing_period,amount
            S1,A1,2024-04-01,monthly,999999999999999999

            """
        let data = try IngestFixture(["crm/subscriptions.csv": subscriptions]).extract()
        #expect(data.subscriptions.isEmpty)
        #expect(IngestFixture.quarantined(data, .subscriptions)
                == ["2 amount: amount 999999999999999999 JPY gives an MRR too large to hold exactly (over 922 trillion)"])
    }
}
