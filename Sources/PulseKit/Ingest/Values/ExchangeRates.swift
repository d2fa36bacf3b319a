import Tabular

/// The exchange rates of `crm/fx_rates.csv`, looked up the way subscription MRR needs them: the rate of
/// a month, or of the latest earlier month that has one.
package struct ExchangeRates: Sendable {
    /// Per currency, (month ordinal, rate) sorted by month.
    private let table: [String: [(month: Int, rate: ExactDecimal)]]

    /// Indexes the rates (one per month and currency, as the reader keeps them).
    package init(_ rates: [FxRate]) {
        var table: [String: [(month: Int, rate: ExactDecimal)]] = [:]
        for rate in rates { table[rate.currency, default: []].append((rate.month.ordinal, rate.rate)) }
        for key in table.keys { table[key]!.sort { $0.month < $1.month } }
        self.table = table
    }

    /// The rate of `currency` for `month`: that month's, else the latest earlier month's; nil when
    /// the currency has no rate in or before `month`.
    /// - Complexity: O(log n) in the months with a rate for the currency.
    package func rate(of currency: String, in month: YearMonth) -> ExactDecimal? {
        guard let rates = table[currency] else { return nil }
        var low = 0
        var high = rates.count
        while low < high {
            let middle = (low + high) / 2
            if rates[middle].month <= month.ordinal { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : rates[low - 1].rate
    }
}
