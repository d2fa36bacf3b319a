/// An amount of money in the reporting currency, held exactly as an integer number of ten-thousandths
/// (4 decimals, the precision of a subscription's MRR), so that sums and the MRR bridge are exact.
///
/// ```swift
/// Money(tenThousandths: 12_345_000).description   // "1234.5000"
/// ```
package struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in units of 0.0001.
    package var tenThousandths: Int64

    /// The amount `tenThousandths × 0.0001`.
    package init(tenThousandths: Int64) {
        self.tenThousandths = tenThousandths
    }

    /// A whole amount, e.g. `Money(whole: 5000)` is 5000.0000.
    package init(whole: Int64) {
        self.tenThousandths = whole * Self.unitsPerWhole
    }

    /// Ten-thousandths per whole currency unit.
    package static let unitsPerWhole: Int64 = 10_000

    /// Nothing.
    package static let zero = Money(tenThousandths: 0)

    /// The amount with exactly 4 decimals and `.` as the decimal mark, e.g. `-12.0500`.
    package var description: String { Self.text(tenThousandths) }

    /// Ten-thousandths as a number of currency units (for workbook cells and display; exact text is ``text(_:)``).
    package static func double(_ units: Int64) -> Double { Double(units) / 10_000 }

    /// An amount in ten-thousandths written with exactly 4 decimals.
    package static func text(_ units: Int64) -> String {
        let magnitude = units.magnitude
        let whole = magnitude / 10_000
        let fraction = magnitude % 10_000
        var digits = String(fraction)
        while digits.count < 4 { digits = "0" + digits }
        return (units < 0 ? "-" : "") + String(whole) + "." + digits
    }

    /// `numerator ÷ denominator` in ten-thousandths, rounded half to even; `denominator` > 0.
    /// Used for money divided by a count (`arpa`).
    static func roundedHalfEven(_ numerator: Int64, dividedBy denominator: Int64) -> Int64 {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let twice = 2 * remainder.magnitude
        if twice > denominator.magnitude || (twice == denominator.magnitude && quotient & 1 != 0) {
            return numerator < 0 ? quotient - 1 : quotient + 1
        }
        return quotient
    }

    /// Orders by amount.
    package static func < (a: Money, b: Money) -> Bool { a.tenThousandths < b.tenThousandths }
}
