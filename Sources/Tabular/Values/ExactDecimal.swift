import Foundation

/// A decimal number exactly as an export wrote it: an integer significand and a count of digits after
/// the decimal point, so that money and rates never pass through binary floating point.
///
/// ```swift
/// let price = try DecimalGrammar.parseExact("¥1,200.50")   // significand 120050, scale 2
/// price.description                                          // "1200.50"
/// ```
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digits as an integer: the value is `significand × 10^−scale`.
    public let significand: Int64
    /// The number of digits after the decimal point, 0–127.
    public let scale: Int

    /// The value `significand × 10^−scale`.
    public init(significand: Int64, scale: Int = 0) {
        precondition(scale >= 0 && scale <= 127, "scale out of range")
        self.significand = significand
        self.scale = scale
    }

    /// The same value as a Foundation `Decimal`.
    public var decimal: Decimal {
        Decimal(sign: significand < 0 ? .minus : .plus, exponent: -scale, significand: Decimal(significand.magnitude))
    }

    /// Whether the value is 0.
    public var isZero: Bool { significand == 0 }

    /// The value with `scale` digits after the point, e.g. `1200.50`; `-0` never appears.
    public var description: String {
        let digits = String(significand.magnitude)
        let sign = significand < 0 ? "-" : ""
        guard scale > 0 else { return sign + digits }
        let padded = digits.count > scale ? digits : String(repeating: "0", count: scale - digits.count + 1) + digits
        return sign + padded.dropLast(scale) + "." + padded.suffix(scale)
    }

    /// Equal values compare equal whatever their scale (`1.50 == 1.5`).
    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool { a.decimal == b.decimal }

    /// Hashes the value, not its spelling.
    public func hash(into hasher: inout Hasher) { hasher.combine(decimal) }

    /// Orders by value.
    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { a.decimal < b.decimal }
}
