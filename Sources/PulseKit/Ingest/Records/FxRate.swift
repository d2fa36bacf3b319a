import Tabular

/// An exchange rate for one month: reporting-currency units per one unit of `currency`
/// (`crm/fx_rates.csv`).
package struct FxRate: Sendable, Equatable {
    /// The month the rate applies to.
    package var month: YearMonth
    /// The ISO 4217 currency converted from.
    package var currency: String
    /// Reporting-currency units per one unit of `currency` (> 0).
    package var rate: ExactDecimal
}
