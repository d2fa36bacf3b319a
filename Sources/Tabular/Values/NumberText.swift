/// Numbers written the way Pulse's CSV and JSON files write them: `.` as the decimal mark, no
/// thousands separators, no exponent, and the fewest digits that read back as the same `Double`.
///
/// ```swift
/// NumberText.shortest(1.05)        // "1.05"
/// NumberText.shortest(0.00001)     // "0.00001"   (Swift's description would say "1e-05")
/// NumberText.shortest(2.0)         // "2"
/// ```
public enum NumberText {
    /// The shortest round-tripping plain decimal text of a finite value (`-0` is written `0`).
    /// - Complexity: O(number of digits).
    public static func shortest(_ value: Double) -> String {
        precondition(value.isFinite, "only finite numbers are written")
        if value == 0 { return "0" }
        let text = value.description   // shortest round-trip digits, sometimes with an exponent
        // The common case: no exponent, so only a trailing ".0" is to go.
        if !text.utf8.contains(UInt8(ascii: "e")) {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...])!
        }
        var negative = false
        if mantissa.first == "-" {
            negative = true
            mantissa = mantissa.dropFirst()
        }
        var integerPart = mantissa
        var fractionPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        // All digits, and where the decimal point falls within them.
        var digits = Array(integerPart.utf8) + Array(fractionPart.utf8)
        var point = integerPart.utf8.count + exponent
        // Trim zeros that carry no value.
        while digits.count > point, digits.count > 1, digits.last == UInt8(ascii: "0") { digits.removeLast() }
        while digits.count > 1, digits.first == UInt8(ascii: "0"), point > 1 {
            digits.removeFirst()
            point -= 1
        }
        var result = negative ? "-" : ""
        if point <= 0 {
            result += "0." + String(repeating: "0", count: -point) + String(decoding: digits, as: UTF8.self)
        } else if point >= digits.count {
            result += String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: point - digits.count)
        } else {
            result += String(decoding: digits[..<point], as: UTF8.self) + "." + String(decoding: digits[point...], as: UTF8.self)
        }
        return result
    }

    /// A value rounded half to even to `places` decimals and written with exactly that many
    /// (e.g. money: `shortest`'s sibling for fixed precision). `places` is 0–9.
    public static func fixed(_ value: Double, places: Int) -> String {
        precondition(value.isFinite && (0...9).contains(places))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let units = (value * scale).rounded(.toNearestOrEven)
        precondition(abs(units) < 9.2e18, "value too large to write with \(places) decimals")
        let integer = Int64(units)
        let magnitude = integer.magnitude
        var power: UInt64 = 1
        for _ in 0..<places { power *= 10 }
        var text = integer < 0 ? "-" : ""
        text += String(magnitude / power)
        if places > 0 {
            var fraction = String(magnitude % power)
            while fraction.count < places { fraction = "0" + fraction }
            text += "." + fraction
        }
        return text
    }
}
