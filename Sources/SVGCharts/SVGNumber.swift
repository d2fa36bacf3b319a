/// Locale-free number formatting for SVG coordinates.
enum SVGNumber {
    /// Rounds to one decimal place and formats without locale, exponent, trailing ".0" or "-0".
    /// Non-finite input becomes "0"; magnitudes are clamped to 1e12.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = Swift.max(-1e12, Swift.min(1e12, value))
        let tenths = Int((clamped * 10).rounded())
        if tenths == 0 { return "0" }
        let negative = tenths < 0
        let magnitude = negative ? -tenths : tenths
        var text = negative ? "-" : ""
        text += String(magnitude / 10)
        let fraction = magnitude % 10
        if fraction != 0 { text += "." + String(fraction) }
        return text
    }

    /// Rounds a coordinate to one decimal place (so that derived sizes line up exactly).
    static func round(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return (value * 10).rounded() / 10
    }
}

/// Shorthand for `SVGNumber.format`.
func svgNumber(_ value: Double) -> String { SVGNumber.format(value) }
