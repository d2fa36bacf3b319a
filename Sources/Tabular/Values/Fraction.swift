import BigInt

/// The integers an exact ``Fraction`` is built on: arithmetic that reports overflow by throwing
/// instead of trapping, so that a computation can start on fast fixed-width integers and be redone on
/// unbounded ones when a value outgrows them.
public protocol FractionInteger: SignedInteger, Sendable {
    /// `self + other`.
    func adding(_ other: Self) throws(FractionOverflow) -> Self
    /// `self − other`.
    func subtracting(_ other: Self) throws(FractionOverflow) -> Self
    /// `self × other`.
    func multiplied(by other: Self) throws(FractionOverflow) -> Self
    /// 2ⁿ for n ≥ 0.
    static func power(ofTwo n: Int) throws(FractionOverflow) -> Self
    /// 10ⁿ for n ≥ 0.
    static func power(ofTen n: Int) throws(FractionOverflow) -> Self
}

/// A value outgrew the integers of the fraction: redo the computation on wider ones.
public struct FractionOverflow: Error, Sendable {}

extension Int128: FractionInteger {
    /// `self + other`.
    public func adding(_ other: Int128) throws(FractionOverflow) -> Int128 {
        let (value, overflow) = addingReportingOverflow(other)
        if overflow { throw FractionOverflow() }
        return value
    }

    /// `self − other`.
    public func subtracting(_ other: Int128) throws(FractionOverflow) -> Int128 {
        let (value, overflow) = subtractingReportingOverflow(other)
        if overflow { throw FractionOverflow() }
        return value
    }

    /// `self × other`.
    public func multiplied(by other: Int128) throws(FractionOverflow) -> Int128 {
        let (value, overflow) = multipliedReportingOverflow(by: other)
        if overflow { throw FractionOverflow() }
        return value
    }

    /// 2ⁿ.
    public static func power(ofTwo n: Int) throws(FractionOverflow) -> Int128 {
        guard n >= 0, n < 126 else { throw FractionOverflow() }
        return 1 << n
    }

    /// 10ⁿ.
    public static func power(ofTen n: Int) throws(FractionOverflow) -> Int128 {
        guard n >= 0, n <= 37 else { throw FractionOverflow() }
        var value: Int128 = 1
        for _ in 0..<n { value *= 10 }
        return value
    }
}

extension BigInt: FractionInteger {
    /// `self + other`; never overflows.
    public func adding(_ other: BigInt) throws(FractionOverflow) -> BigInt { self + other }
    /// `self − other`; never overflows.
    public func subtracting(_ other: BigInt) throws(FractionOverflow) -> BigInt { self - other }
    /// `self × other`; never overflows.
    public func multiplied(by other: BigInt) throws(FractionOverflow) -> BigInt { self * other }
    /// 2ⁿ.
    public static func power(ofTwo n: Int) throws(FractionOverflow) -> BigInt { BigInt(1) << n }
    /// 10ⁿ.
    public static func power(ofTen n: Int) throws(FractionOverflow) -> BigInt { BigInt(10).power(n) }
}

/// An exact rational number `numerator / denominator`, kept in lowest terms with a positive
/// denominator: for figures that must land on the right side of a threshold and be written as the
/// nearest binary double of their true value (a health score of exactly 50 is 50, not 49.9999999998).
public struct Fraction<Integer: FractionInteger>: Sendable, Equatable {
    /// The numerator, sign included.
    public let numerator: Integer
    /// The denominator, always positive.
    public let denominator: Integer

    /// `numerator / denominator` in lowest terms; the denominator must not be 0.
    public init(_ numerator: Integer, _ denominator: Integer) {
        precondition(denominator != 0, "a fraction's denominator is never 0")
        let g = Self.gcd(numerator.magnitude, denominator.magnitude)
        var n = numerator, d = denominator
        if g > 1 {
            n /= Integer(g)
            d /= Integer(g)
        }
        if d < 0 {
            n = 0 - n
            d = 0 - d
        }
        self.numerator = n
        self.denominator = d
    }

    /// The integer `value`.
    public init(_ value: Integer) {
        numerator = value
        denominator = 1
    }

    /// A decimal exactly (`0.2` is 1/5).
    public init(_ decimal: ExactDecimal) throws(FractionOverflow) {
        self.init(Integer(decimal.significand), try Integer.power(ofTen: decimal.scale))
    }

    /// A finite double exactly (every double is a dyadic rational).
    public init(exactly value: Double) throws(FractionOverflow) {
        precondition(value.isFinite, "only finite doubles are exact fractions")
        guard value != 0 else {
            self.init(0)
            return
        }
        // value = significand × 2^(exponent − 52), the significand an integer below 2^53.
        let significand = Integer(value.significandBitPattern | (value.isNormal ? 1 << 52 : 0))
        let exponent = (value.isNormal ? Int(value.exponent) : Int(Double.leastNormalMagnitude.exponent)) - 52
        let signed = value < 0 ? 0 - significand : significand
        if exponent >= 0 {
            self.init(try signed.multiplied(by: Integer.power(ofTwo: exponent)), 1)
        } else {
            self.init(signed, try Integer.power(ofTwo: -exponent))
        }
    }

    /// 0.
    public static var zero: Fraction { Fraction(0) }

    /// Whether the value is below 0.
    public var isNegative: Bool { numerator < 0 }

    /// `lhs + rhs`.
    public static func + (lhs: Fraction, rhs: Fraction) throws(FractionOverflow) -> Fraction {
        if lhs.denominator == rhs.denominator {
            return Fraction(try lhs.numerator.adding(rhs.numerator), lhs.denominator)
        }
        let left = try lhs.numerator.multiplied(by: rhs.denominator)
        let right = try rhs.numerator.multiplied(by: lhs.denominator)
        return Fraction(try left.adding(right), try lhs.denominator.multiplied(by: rhs.denominator))
    }

    /// `lhs − rhs`.
    public static func - (lhs: Fraction, rhs: Fraction) throws(FractionOverflow) -> Fraction {
        try lhs + Fraction(0 - rhs.numerator, rhs.denominator)
    }

    /// `lhs × rhs`.
    public static func * (lhs: Fraction, rhs: Fraction) throws(FractionOverflow) -> Fraction {
        // Cross-reducing first keeps the products small.
        let a = gcd(lhs.numerator.magnitude, rhs.denominator.magnitude)
        let b = gcd(rhs.numerator.magnitude, lhs.denominator.magnitude)
        let (ln, rd) = a > 1 ? (lhs.numerator / Integer(a), rhs.denominator / Integer(a)) : (lhs.numerator, rhs.denominator)
        let (rn, ld) = b > 1 ? (rhs.numerator / Integer(b), lhs.denominator / Integer(b)) : (rhs.numerator, lhs.denominator)
        return Fraction(try ln.multiplied(by: rn), try ld.multiplied(by: rd))
    }

    /// `lhs ÷ rhs`; `rhs` must not be 0.
    public static func / (lhs: Fraction, rhs: Fraction) throws(FractionOverflow) -> Fraction {
        precondition(rhs.numerator != 0, "division by a zero fraction")
        return try lhs * Fraction(rhs.denominator, rhs.numerator)
    }

    /// −1, 0 or 1 as `self` is below, equal to or above `other`.
    public func compare(_ other: Fraction) throws(FractionOverflow) -> Int {
        let left = try numerator.multiplied(by: other.denominator)
        let right = try other.numerator.multiplied(by: denominator)
        return left < right ? -1 : left == right ? 0 : 1
    }

    /// The nearest double (ties to even), as a correctly rounding division would give it.
    public func nearestDouble() throws(FractionOverflow) -> Double {
        guard numerator != 0 else { return 0 }
        // An estimate within a few units in the last place, then moved until the value lies between
        // the midpoints to its neighbours. Operands that fit in 53 bits divide exactly rounded.
        var n = numerator.magnitude, d = denominator.magnitude
        let limit = Integer.Magnitude(1) << 53
        if n <= limit, d <= limit {
            let q = Double(n) / Double(d)
            return numerator < 0 ? -q : q
        }
        let excess = Swift.max(Self.bitLength(n), Self.bitLength(d)) - 1000
        if excess > 0 {
            n >>= excess
            d >>= excess
        }
        var candidate = d == 0 ? Double.greatestFiniteMagnitude : Double(n) / Double(d)
        if !candidate.isFinite { candidate = .greatestFiniteMagnitude }
        if candidate == .greatestFiniteMagnitude { return numerator < 0 ? -candidate : candidate }
        let magnitude = Fraction(Integer(numerator.magnitude), denominator)
        for _ in 0..<64 {
            let here = try Fraction(exactly: candidate)
            let up = try (here + Fraction(exactly: candidate.nextUp)) * Fraction(1, 2)
            let down = try (here + Fraction(exactly: candidate.nextDown)) * Fraction(1, 2)
            let even = candidate.significandBitPattern & 1 == 0
            let above = try magnitude.compare(up)
            let below = try magnitude.compare(down)
            if above > 0 || (above == 0 && !even) {
                candidate = candidate.nextUp
            } else if below < 0 || (below == 0 && !even) {
                candidate = candidate.nextDown
            } else {
                break
            }
        }
        return numerator < 0 ? -candidate : candidate
    }

    /// The number of bits up to the highest set one.
    static func bitLength(_ value: Integer.Magnitude) -> Int {
        let words = Array(value.words)
        guard let top = words.lastIndex(where: { $0 != 0 }) else { return 0 }
        return top * UInt.bitWidth + (UInt.bitWidth - words[top].leadingZeroBitCount)
    }

    /// The greatest common divisor (Euclid).
    static func gcd(_ a: Integer.Magnitude, _ b: Integer.Magnitude) -> Integer.Magnitude {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}

