/// A contract currency: the reporting currency (yen, whole units) or US dollars (cents).
enum SampleCurrency: Sendable {
    case jpy, usd

    /// The ISO 4217 code.
    var code: String { self == .jpy ? "JPY" : "USD" }

    /// Decimals of the minor unit the generator counts in.
    var scale: Int { self == .jpy ? 0 : 2 }
}
