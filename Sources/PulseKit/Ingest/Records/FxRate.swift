import Tabular

/// An exchange rate for one month: reporting-currency units per one unit of `currency`
/// (`crm/fx_rates.csv`).
public struct FxRate: Sendable, Equatable {
    /// The month the rate applies to.
    public var month: YearMonth
    /// The ISO 4217 currency converted from.
    public var currency: String
    /// Reporting-currency units per one unit of `currency` (> 0).
    public var rate: ExactDecimal
}
