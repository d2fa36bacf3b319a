import Tabular

/// Subscription MRR (docs/metrics.md §1, §1.1): `round_half_even(amount × rate / months, 4 decimals)` in exact
/// integer arithmetic. The rate is that of the start month, so a subscription's MRR is constant for its
/// whole life and exchange-rate moves never show up as expansion or contraction.
package enum SubscriptionMRR {
    /// The MRR of a subscription billed `amount` every `months` months, at `rate` reporting-currency
    /// units per unit of its currency (1 for the reporting currency); nil when the result does not fit
    /// in ``Money`` (more than about 922 trillion), which the reader quarantines.
    ///
    /// ```swift
    /// // 100,000 per year → 8333.3333 per month; 1,000.00 USD monthly at 151.2345 → 151234.5000
    /// ```
    package static func mrr(amount: ExactDecimal, rate: ExactDecimal, months: Int) -> Money? {
        precondition(months > 0 && amount.significand >= 0 && rate.significand >= 0)
        // value = (a × r) / (months × 10^(sa + sr)) in whole units = (a × r) / (months × 10^(sa + sr − 4)) in 1e-4 units.
        let product = Int128(amount.significand) * Int128(rate.significand)   // < 10^36: fits
        let shift = amount.scale + rate.scale - 4
        var numerator = product
        var denominator = Int128(months)
        if shift < 0 {
            let (scaled, overflow) = numerator.multipliedReportingOverflow(by: power10(-shift))
            guard !overflow else { return nil }
            numerator = scaled
        } else if shift > 0 {
            // A denominator over 10^38 exceeds twice any numerator (< 10^36): the value rounds to 0.
            guard shift <= 37 else { return .zero }
            let (scaled, overflow) = denominator.multipliedReportingOverflow(by: power10(shift))
            guard !overflow else { return .zero }
            denominator = scaled
        }
        var (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let twice = 2 * remainder
        if twice > denominator || (twice == denominator && quotient & 1 != 0) { quotient += 1 }
        guard let units = Int64(exactly: quotient) else { return nil }
        return Money(tenThousandths: units)
    }

    /// 10^n for 0 ≤ n ≤ 38.
    private static func power10(_ n: Int) -> Int128 {
        var value: Int128 = 1
        for _ in 0..<n { value *= 10 }
        return value
    }
}
