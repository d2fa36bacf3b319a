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
    /// The magnitude when it is at most 2⁵³ (exact in a double), else nil.
    var smallMagnitude: UInt64? { get }
    /// `numerator / denominator` in lowest terms with a positive denominator (not 0).
    static func reduced(_ numerator: Self, _ denominator: Self) -> (Self, Self)
}

/// A value outgrew the integers of the fraction: redo the computation on wider ones.
public struct FractionOverflow: Error, Sendable {
    /// An overflow.
    public init() {}
}

extension Int128: FractionInteger {
    /// `self + other`.
    @inlinable
    public func adding(_ other: Int128) throws(FractionOverflow) -> Int128 {
        let (value, overflow) = addingReportingOverflow(other)
        if overflow { throw FractionOverflow() }
        return value
    }

    /// `self − other`.
    @inlinable
    public func subtracting(_ other: Int128) throws(FractionOverflow) -> Int128 {
        let (value, overflow) = subtractingReportingOverflow(other)
        if overflow { throw FractionOverflow() }
        return value
    }

    /// `self × other`.
    @inlinable
    public func multiplied(by other: Int128) throws(FractionOverflow) -> Int128 {
        let (value, overflow) = multipliedReportingOverflow(by: other)
        if overflow { throw FractionOverflow() }
        return value
    }

    /// 2ⁿ.
    @inlinable
    public static func power(ofTwo n: Int) throws(FractionOverflow) -> Int128 {
        guard n >= 0, n < 126 else { throw FractionOverflow() }
        return 1 << n
    }

    /// 10ⁿ.
    @inlinable
    public static func power(ofTen n: Int) throws(FractionOverflow) -> Int128 {
        guard n >= 0, n <= 37 else { throw FractionOverflow() }
        var value: Int128 = 1
        for _ in 0..<n { value *= 10 }
        return value
    }

    /// The magnitude when it is at most 2⁵³.
    @inlinable
    public var smallMagnitude: UInt64? {
        let m = magnitude
        return m <= 1 << 53 ? UInt64(truncatingIfNeeded: m) : nil
    }

    /// `numerator / denominator` in lowest terms with a positive denominator; values that fit in 64
    /// bits are reduced with 64-bit arithmetic, far cheaper than 128-bit division.
    @inlinable
    public static func reduced(_ numerator: Int128, _ denominator: Int128) -> (Int128, Int128) {
        let limit: Int128 = 1 << 62
        guard numerator > -limit, numerator < limit, denominator > -limit, denominator < limit else {
            return Fraction<Int128>.reducedByEuclid(numerator, denominator)
        }
        var n = Int64(truncatingIfNeeded: numerator), d = Int64(truncatingIfNeeded: denominator)
        var (x, y) = (n.magnitude, d.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        if x > 1 {
            n /= Int64(x)
            d /= Int64(x)
        }
        if d < 0 {
            n = -n
            d = -d
        }
        return (Int128(n), Int128(d))
    }
}

extension BigInt: FractionInteger {
    /// `self + other`; never overflows.
    @inlinable
    public func adding(_ other: BigInt) throws(FractionOverflow) -> BigInt { self + other }
    /// `self − other`; never overflows.
    @inlinable
    public func subtracting(_ other: BigInt) throws(FractionOverflow) -> BigInt { self - other }
    /// `self × other`; never overflows.
    @inlinable
    public func multiplied(by other: BigInt) throws(FractionOverflow) -> BigInt { self * other }
    /// 2ⁿ.
    @inlinable
    public static func power(ofTwo n: Int) throws(FractionOverflow) -> BigInt { BigInt(1) << n }
    /// 10ⁿ.
    @inlinable
    public static func power(ofTen n: Int) throws(FractionOverflow) -> BigInt { BigInt(10).power(n) }
    /// The magnitude when it is at most 2⁵³.
    @inlinable
    public var smallMagnitude: UInt64? { magnitude <= BigUInt(1) << 53 ? UInt64(magnitude) : nil }
    /// `numerator / denominator` in lowest terms with a positive denominator.
    @inlinable
    public static func reduced(_ numerator: BigInt, _ denominator: BigInt) -> (BigInt, BigInt) {
        Fraction<BigInt>.reducedByEuclid(numerator, denominator)
    }
}

/// An exact rational number `numerator / denominator` with a positive denominator, reduced to lowest
/// terms where it is built from parts and when it is rounded (arithmetic leaves its results unreduced,
/// which is cheaper; ``reducedForm`` reduces): for figures that must land on the right side of a threshold and be written as the
/// nearest binary double of their true value (a health score of exactly 50 is 50, not 49.9999999998).
public struct Fraction<Integer: FractionInteger>: Sendable, Equatable {
    /// The numerator, sign included.
    public let numerator: Integer
    /// The denominator, always positive.
    public let denominator: Integer

    /// `numerator / denominator` in lowest terms; the denominator must not be 0.
    public init(_ numerator: Integer, _ denominator: Integer) {
        precondition(denominator != Integer.zero, "a fraction's denominator is never 0")
        (self.numerator, self.denominator) = Integer.reduced(numerator, denominator)
    }

    /// `numerator / denominator` in lowest terms by Euclid's algorithm, the denominator positive.
    @inlinable
    static func reducedByEuclid(_ numerator: Integer, _ denominator: Integer) -> (Integer, Integer) {
        let g = gcd(numerator.magnitude, denominator.magnitude)
        var n = numerator, d = denominator
        if g > Integer.Magnitude(1) {
            n /= Integer(g)
            d /= Integer(g)
        }
        if d < Integer.zero {
            n = Integer.zero - n
            d = Integer.zero - d
        }
        return (n, d)
    }

    /// `numerator / denominator` as given, only the sign moved to the numerator: the arithmetic
    /// reduces when it must (before a value outgrows its integers, and before it is rounded).
    @inlinable
    init(unreduced numerator: Integer, _ denominator: Integer) {
        if denominator < Integer.zero {
            self.numerator = Integer.zero - numerator
            self.denominator = Integer.zero - denominator
        } else {
            self.numerator = numerator
            self.denominator = denominator
        }
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

    /// The decimal a person wrote to get `value` — the shortest decimal that reads back as it — exactly
    /// (`0.2` is 1/5, not the binary fraction nearest to it).
    @inlinable
    public init(decimalOf value: Double) throws(FractionOverflow) {
        if let decimal = try? DecimalGrammar.parseExact(NumberText.shortest(value)) {
            try self.init(decimal)
        } else {
            try self.init(exactly: value)
        }
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
        let signed = value < 0 ? Integer.zero - significand : significand
        if exponent >= 0 {
            self.init(try signed.multiplied(by: Integer.power(ofTwo: exponent)), 1)
        } else {
            self.init(signed, try Integer.power(ofTwo: -exponent))
        }
    }

    /// 0.
    @inlinable
    public static var zero: Fraction { Fraction(0) }

    /// Whether the value is below 0.
    @inlinable
    public var isNegative: Bool { numerator < Integer.zero }

    /// `lhs + rhs` (not reduced).
    @inlinable
    public static func + (lhs: Fraction, rhs: Fraction) throws(FractionOverflow) -> Fraction {
        if lhs.denominator == rhs.denominator {
            return Fraction(unreduced: try lhs.numerator.adding(rhs.numerator), lhs.denominator)
        }
        let left = try lhs.numerator.multiplied(by: rhs.denominator)
        let right = try rhs.numerator.multiplied(by: lhs.denominator)
        return Fraction(unreduced: try left.adding(right), try lhs.denominator.multiplied(by: rhs.denominator))
    }

    /// `lhs − rhs` (not reduced).
    @inlinable
    public static func - (lhs: Fraction, rhs: Fraction) throws(FractionOverflow) -> Fraction {
        try lhs + Fraction(unreduced: Integer.zero - rhs.numerator, rhs.denominator)
    }

    /// `lhs × rhs` (not reduced).
    @inlinable
    public static func * (lhs: Fraction, rhs: Fraction) throws(FractionOverflow) -> Fraction {
        Fraction(unreduced: try lhs.numerator.multiplied(by: rhs.numerator), try lhs.denominator.multiplied(by: rhs.denominator))
    }

    /// `lhs ÷ rhs` (not reduced); `rhs` must not be 0.
    @inlinable
    public static func / (lhs: Fraction, rhs: Fraction) throws(FractionOverflow) -> Fraction {
        precondition(rhs.numerator != Integer.zero, "division by a zero fraction")
        return Fraction(unreduced: try lhs.numerator.multiplied(by: rhs.denominator),
                        try lhs.denominator.multiplied(by: rhs.numerator))
    }

    /// The same value in lowest terms.
    @inlinable
    public var reducedForm: Fraction { Fraction(numerator, denominator) }

    /// Equal values are equal, in lowest terms or not.
    @inlinable
    public static func == (lhs: Fraction, rhs: Fraction) -> Bool {
        let (a, b) = (lhs.reducedForm, rhs.reducedForm)
        return a.numerator == b.numerator && a.denominator == b.denominator
    }

    /// −1, 0 or 1 as `self` is below, equal to or above `other`.
    @inlinable
    public func compare(_ other: Fraction) throws(FractionOverflow) -> Int {
        let left = try numerator.multiplied(by: other.denominator)
        let right = try other.numerator.multiplied(by: denominator)
        return left < right ? -1 : left == right ? 0 : 1
    }

    /// The nearest double (ties to even), as a correctly rounding division would give it.
    @inlinable
    public func nearestDouble() throws(FractionOverflow) -> Double {
        guard numerator != Integer.zero else { return 0 }
        // An estimate within a few units in the last place, then moved until the value lies between
        // the midpoints to its neighbours. Operands that fit in 53 bits divide exactly rounded.
        if let n = numerator.smallMagnitude, let d = denominator.smallMagnitude {
            let q = Double(n) / Double(d)
            return numerator < Integer.zero ? -q : q
        }
        let lowest = reducedForm
        if let n = lowest.numerator.smallMagnitude, let d = lowest.denominator.smallMagnitude {
            let q = Double(n) / Double(d)
            return numerator < Integer.zero ? -q : q
        }
        var n = lowest.numerator.magnitude, d = lowest.denominator.magnitude
        let excess = Swift.max(Self.bitLength(n), Self.bitLength(d)) - 1000
        if excess > 0 {
            n >>= excess
            d >>= excess
        }
        var candidate = d == 0 ? Double.greatestFiniteMagnitude : Double(n) / Double(d)
        if !candidate.isFinite { candidate = .greatestFiniteMagnitude }
        if candidate == .greatestFiniteMagnitude { return numerator < Integer.zero ? -candidate : candidate }
        let magnitude = Fraction(Integer(lowest.numerator.magnitude), lowest.denominator)
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
        return numerator < Integer.zero ? -candidate : candidate
    }

    /// The number of bits up to the highest set one.
    @inlinable
    static func bitLength(_ value: Integer.Magnitude) -> Int {
        let words = Array(value.words)
        guard let top = words.lastIndex(where: { $0 != 0 }) else { return 0 }
        return top * UInt.bitWidth + (UInt.bitWidth - words[top].leadingZeroBitCount)
    }

    /// The greatest common divisor (Euclid).
    @inlinable
    static func gcd(_ a: Integer.Magnitude, _ b: Integer.Magnitude) -> Integer.Magnitude {
        var (x, y) = (a, b)
        while y != Integer.Magnitude.zero { (x, y) = (y, x % y) }
        return x
    }
}

