import Tabular

/// Figures as people read them in the reports: thousands separators, the currency's symbol and
/// minor digits, rates as percentages with one decimal, "n/a" for undefined values. Deterministic
/// (no locale of the machine is read), the same in English and Japanese but for the day and minute
/// suffixes.
package struct DisplayNumber: Sendable {
    /// The reporting currency (ISO 4217).
    package let currency: String
    /// The language of unit words.
    package let language: ReportLanguage

    /// A formatter for `currency` and `language`.
    package init(currency: String, language: ReportLanguage) {
        self.currency = currency
        self.language = language
    }

    /// What an undefined value reads as.
    package static let undefined = "n/a"

    /// Digits after the decimal mark of the currency's money (0 for yen and won, else 2).
    package var currencyPlaces: Int { ["JPY", "KRW", "VND", "CLP", "ISK"].contains(currency) ? 0 : 2 }

    /// The currency's symbol when it has a common one, else its code and a space.
    package var currencyPrefix: String {
        switch currency {
        case "JPY": "¥"
        case "USD": "$"
        case "EUR": "€"
        case "GBP": "£"
        case "KRW": "₩"
        case "CNY": "CN¥"
        default: currency + " "
        }
    }

    /// `value` in `unit`, e.g. `¥39,548,630`, `100.6%`, `1,139`, `49 days`; "n/a" when nil.
    package func text(_ value: Double?, unit: MetricUnit) -> String {
        guard let value, value.isFinite else { return Self.undefined }
        switch unit {
        case .money: return money(value)
        case .rate: return Self.grouped(value * 100, places: 1) + "%"
        case .count: return Self.grouped(value, places: value == value.rounded() ? 0 : 1)
        case .days: return Self.grouped(value, places: value == value.rounded() ? 0 : 1) + (language == .ja ? " 日" : " days")
        case .minutes: return Self.grouped(value, places: 0) + (language == .ja ? " 分" : " min")
        case .score: return Self.grouped(value, places: 1)
        case .ratio: return Self.grouped(value, places: 2)
        }
    }

    /// Money with the currency's symbol and minor digits, e.g. `¥1,234` or `-$12.50`.
    package func money(_ value: Double) -> String {
        let body = Self.grouped(abs(value), places: currencyPlaces)
        return (value < 0 && body.contains(where: { $0 != "0" && $0 != "," && $0 != "." }) ? "-" : "") + currencyPrefix + body
    }

    /// A compact money label for chart axes: `¥39.5M`, `¥120K`, `$950`.
    package func compactMoney(_ value: Double) -> String {
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        for (limit, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "K")] where magnitude >= limit {
            return sign + currencyPrefix + NumberText.fixed(magnitude / limit, places: 1) + suffix
        }
        return sign + currencyPrefix + NumberText.fixed(magnitude, places: 0)
    }

    /// The change from `previous` to `current` with an arrow and a sign that carry its direction
    /// without colour: `▲ +1.2 pt`, `▼ -¥32,000`, `– 0`; nil when either is undefined.
    package func change(from previous: Double?, to current: Double?, unit: MetricUnit) -> String? {
        guard let previous, let current, previous.isFinite, current.isFinite else { return nil }
        let delta = current - previous
        let body: String
        switch unit {
        case .rate: body = Self.grouped(abs(delta) * 100, places: 1) + " pt"
        case .money: body = money(abs(delta))
        default: body = text(abs(delta), unit: unit)
        }
        let isZero = !body.contains(where: { ("1"..."9").contains($0) })
        if isZero { return "– " + body }
        return delta > 0 ? "▲ +" + body : "▼ -" + body
    }

    /// `value` with `places` decimals and a comma every three integer digits (`-1,234.5`).
    package static func grouped(_ value: Double, places: Int) -> String {
        // Beyond 15 digits a fixed rendering could overflow; such a value is shown as written in kpis.csv.
        guard abs(value) < 1e15 else { return NumberText.shortest(value) }
        var text = NumberText.fixed(value, places: places)
        var negative = false
        if text.hasPrefix("-") {
            negative = true
            text.removeFirst()
        }
        let parts = text.split(separator: ".", maxSplits: 1)
        let integer = Array(parts[0])
        var out = ""
        for (k, digit) in integer.enumerated() {
            if k > 0, (integer.count - k) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        if parts.count > 1 { out += "." + parts[1] }
        if negative, out.contains(where: { ("1"..."9").contains($0) }) { out = "-" + out }
        return out
    }
}
