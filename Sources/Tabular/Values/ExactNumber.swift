import BigInt

/// An exact rational number that computes on 128-bit integers and moves to unbounded ones only when a
/// value outgrows them: exact arithmetic at nearly the cost of fixed-width arithmetic for the common
/// case, and still exact for the rare one.
public enum ExactNumber: Sendable, CustomStringConvertible {
    /// A fraction of 128-bit integers.
    case small(Fraction<Int128>)
    /// A fraction of unbounded integers.
    case big(Fraction<BigInt>)

    /// `numerator / denominator`; the denominator must not be 0.
    public init(_ numerator: Int64, _ denominator: Int64 = 1) {
        self = .small(Fraction(Int128(numerator), Int128(denominator)))
    }

    /// A decimal exactly (`0.2` is 1/5).
    public init(_ decimal: ExactDecimal) {
        if let small = try? Fraction<Int128>(decimal) { self = .small(small) } else { self = .big(try! Fraction<BigInt>(decimal)) }
    }

    /// A finite double exactly, as the binary fraction it is.
    public init(exactly value: Double) {
        if let small = try? Fraction<Int128>(exactly: value) { self = .small(small) } else {
            self = .big(try! Fraction<BigInt>(exactly: value))
        }
    }

    /// The decimal a person wrote to get `value`: the shortest decimal that reads back as `value`
    /// (a pipeline's `0.2` is 1/5, not the binary fraction nearest to it).
    public init(decimalOf value: Double) {
        if let small = try? Fraction<Int128>(decimalOf: value) { self = .small(small) } else {
            self = .big(try! Fraction<BigInt>(decimalOf: value))
        }
    }

    /// 0.
    public static let zero = ExactNumber(0)

    /// The value on unbounded integers.
    public var wide: Fraction<BigInt> {
        switch self {
        case let .small(f): Fraction<BigInt>(BigInt(f.numerator), BigInt(f.denominator))
        case let .big(f): f
        }
    }

    /// Applies `operation` on 128-bit integers when both are small and nothing overflows, else on
    /// unbounded ones.
    private static func combine(_ lhs: ExactNumber, _ rhs: ExactNumber,
                                _ small: (Fraction<Int128>, Fraction<Int128>) throws -> Fraction<Int128>,
                                _ big: (Fraction<BigInt>, Fraction<BigInt>) throws -> Fraction<BigInt>) -> ExactNumber {
        if case let .small(a) = lhs, case let .small(b) = rhs {
            if let value = try? small(a, b) { return .small(value) }
            if let value = try? small(a.reducedForm, b.reducedForm) { return .small(value) }
        }
        return .big(try! big(lhs.wide, rhs.wide).reducedForm)
    }

    /// `lhs + rhs`.
    public static func + (lhs: ExactNumber, rhs: ExactNumber) -> ExactNumber { combine(lhs, rhs, { try $0 + $1 }, { try $0 + $1 }) }
    /// `lhs − rhs`.
    public static func - (lhs: ExactNumber, rhs: ExactNumber) -> ExactNumber { combine(lhs, rhs, { try $0 - $1 }, { try $0 - $1 }) }
    /// `lhs × rhs`.
    public static func * (lhs: ExactNumber, rhs: ExactNumber) -> ExactNumber { combine(lhs, rhs, { try $0 * $1 }, { try $0 * $1 }) }
    /// `lhs ÷ rhs`; `rhs` must not be 0.
    public static func / (lhs: ExactNumber, rhs: ExactNumber) -> ExactNumber { combine(lhs, rhs, { try $0 / $1 }, { try $0 / $1 }) }

    /// −1, 0 or 1 as `self` is below, equal to or above `other`.
    public func compare(_ other: ExactNumber) -> Int {
        if case let .small(a) = self, case let .small(b) = other {
            if let order = try? a.compare(b) { return order }
            if let order = try? a.reducedForm.compare(b.reducedForm) { return order }
        }
        return try! wide.compare(other.wide)
    }

    /// Whether the value is 0.
    public var isZero: Bool {
        switch self {
        case let .small(f): f.numerator == 0
        case let .big(f): f.numerator == 0
        }
    }

    /// The nearest double (ties to even): the value as written.
    public var double: Double {
        if case let .small(f) = self, let value = try? f.nearestDouble() { return value }
        return try! wide.nearestDouble()
    }

    /// `numerator/denominator`, for messages and tests.
    public var description: String {
        switch self {
        case let .small(f): "\(f.reducedForm.numerator)/\(f.reducedForm.denominator)"
        case let .big(f): "\(f.reducedForm.numerator)/\(f.reducedForm.denominator)"
        }
    }
}

extension ExactNumber: Comparable {
    /// Equal values are equal whatever integers hold them.
    public static func == (lhs: ExactNumber, rhs: ExactNumber) -> Bool { lhs.compare(rhs) == 0 }
    /// Ordered by value.
    public static func < (lhs: ExactNumber, rhs: ExactNumber) -> Bool { lhs.compare(rhs) < 0 }
}

extension ExactNumber {
    /// The mean of non-negative `values`, correctly rounded to the nearest double; nil when empty.
    ///
    /// Summing many exact fractions makes their common denominator grow without bound, so each value
    /// is first cut to a multiple of 2⁻⁶⁴: the true sum then lies in [Σ cut, Σ cut + n × 2⁻⁶⁴). When both
    /// ends round to the same double that double is the correctly rounded mean; in the rare case they
    /// do not, the values are summed exactly.
    public static func mean(of values: [ExactNumber]) -> Double? {
        guard !values.isEmpty else { return nil }
        let n = Int128(values.count)
        var sum: Int128 = 0
        var fits = true
        for value in values {
            guard case let .small(unreduced) = value, case let f = unreduced.reducedForm, f.numerator >= 0, f.denominator < Int128(1) << 62,
                  f.numerator / f.denominator < Int128(1) << 40 else { fits = false; break }
            let whole = f.numerator / f.denominator
            let rest = f.numerator % f.denominator
            let (next, overflow) = sum.addingReportingOverflow((whole << 64) + (rest << 64) / f.denominator)
            guard !overflow else { fits = false; break }
            sum = next
        }
        if fits, let scale = try? Int128.power(ofTwo: 64), let denominator = try? n.multiplied(by: scale),
           let upper = try? sum.adding(n) {
            let low = ExactNumber.small(Fraction(sum, denominator)).double
            let high = ExactNumber.small(Fraction(upper, denominator)).double
            if low == high { return low }
        }
        var exact = Fraction<BigInt>(0)
        for value in values { exact = try! (exact + value.wide).reducedForm }
        return try! (exact / Fraction<BigInt>(BigInt(values.count))).nearestDouble()
    }
}
