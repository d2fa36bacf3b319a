/// The sample price list: a platform fee plus a price per seat, by plan, in yen; US-dollar
/// contracts are priced at about ¥150 to the dollar with cents.
enum SamplePricing {
    /// The monthly list price in minor units of `currency` (0 for free).
    static func monthlyPrice(plan: SamplePlan, seats: Int, currency: SampleCurrency,
                             _ rng: inout SampleRandom) -> Int {
        let seats = max(1, seats)
        let base: Int
        switch plan {
        case .free: return 0
        case .starter: base = 10_000 + 5_000 * seats
        case .professional: base = 50_000 + 12_000 * seats
        case .enterprise: base = 250_000 + 15_000 * seats
        }
        let yen = roundTo(base * rng.int(90, 112) / 100, 1_000)
        return currency == .jpy ? yen : usdCents(fromYen: yen, &rng)
    }

    /// A yen price converted to a dollar price ending in .00, .50 or .99, in cents.
    static func usdCents(fromYen yen: Int, _ rng: inout SampleRandom) -> Int {
        let dollars = max(10, roundTo(yen / 150, 10))
        switch rng.below(3) {
        case 0: return dollars * 100
        case 1: return dollars * 100 - 50
        default: return dollars * 100 - 1
        }
    }

    /// The price of one billing period for a monthly list price, with the commitment discount;
    /// yen amounts of multi-month periods are rounded to ¥1,000.
    static func periodAmount(monthly: Int, billing: SampleBilling, currency: SampleCurrency) -> Int {
        let raw = monthly * billing.months * billing.pricePercent / 100
        if currency == .jpy && billing.months > 1 { return roundTo(raw, 1_000) }
        return raw
    }

    /// `amount` changed by `percent` percent (a renewal uplift or discount), rounded like prices.
    static func adjusted(_ amount: Int, percent: Int, currency: SampleCurrency) -> Int {
        let raw = amount * (100 + percent) / 100
        return currency == .jpy ? max(0, roundTo(raw, 1_000)) : max(0, raw)
    }

    /// `value` rounded to the nearest multiple of `step` (half up).
    static func roundTo(_ value: Int, _ step: Int) -> Int {
        guard step > 1 else { return value }
        return (value + step / 2) / step * step
    }
}
