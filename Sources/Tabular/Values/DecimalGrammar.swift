import Foundation

/// The exact decimal grammar of the exports, for money and scores: `1200`, `1,200.50`, `¥1,200`,
/// `$1,200.50`, `1,200円`, `１２００`, `-5`, `▲5`.
public enum DecimalGrammar {
    /// The most significant digits a value may have (leading zeros do not count).
    public static let maximumSignificantDigits = 18

    /// Parses a whole decimal cell exactly, from an integer significand and a power-of-ten exponent,
    /// never through binary floating point.
    ///
    /// Accepted, after trimming: an optional sign (`-`, `+`, U+2212, full-width, or the Japanese
    /// accounting marks `▲` and `△`, both meaning minus) and an optional currency mark (`¥`, `￥`,
    /// `$`) in either order, digits with optional thousands commas between groups of 3, an optional
    /// `.` and fraction digits, and `円` at the end when no other currency mark was given.
    /// Full-width digits and punctuation read as ASCII.
    ///
    /// ```swift
    /// try DecimalGrammar.parse("¥1,200")   // 1200
    /// try DecimalGrammar.parse("▲1,500")   // -1500
    /// try DecimalGrammar.parse("1,2")      // throws: expected a decimal number such as 1,200.50, got "1,2"
    /// ```
    /// - Parameter allowNegative: false to reject values below 0 (`-0` is 0 and passes).
    /// - Throws: ``ValueError`` for empty text, `1.2.3`, `1,2`, `12,34.5`, `-`, `NaN`, exponents,
    ///   more than ``maximumSignificantDigits`` significant digits, or a negative value not allowed.
    /// - Complexity: O(n) in the length of the text; no allocation unless it throws.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, allowNegative: Bool = true) throws(ValueError) -> Decimal {
        try parseExact(bytes, allowNegative: allowNegative).decimal
    }

    /// Parses a whole decimal cell exactly into an ``ExactDecimal`` (integer significand and scale); the
    /// grammar and errors are those of ``parse(_:allowNegative:)-(UnsafeBufferPointer<UInt8>,_)``.
    ///
    /// ```swift
    /// try DecimalGrammar.parseExact("1,200.50")   // significand 120050, scale 2
    /// ```
    /// - Complexity: O(n) in the length of the text; no allocation unless it throws.
    public static func parseExact(_ bytes: UnsafeBufferPointer<UInt8>, allowNegative: Bool = true) throws(ValueError) -> ExactDecimal {
        var scanner = CellScanner(trimming: bytes)
        guard !scanner.isEmpty else { throw ValueError.empty }

        var isNegative: Bool?
        var hasCurrency = false
        for _ in 0..<2 {
            let next = scanner.peek()
            if isNegative == nil, let sign = sign(of: next.scalar) {
                isNegative = sign
            } else if !hasCurrency, isCurrencyPrefix(next.scalar) {
                hasCurrency = true
            } else {
                break
            }
            scanner.advance(by: next.length)
        }

        var significand: UInt64 = 0
        var significantDigits = 0
        var fractionDigits = 0
        var groups = DigitGroups()
        var inFraction = false
        while true {
            let next = scanner.peek()
            if next.scalar >= 0x30, next.scalar <= 0x39 {
                if inFraction {
                    fractionDigits += 1
                } else {
                    guard groups.acceptDigit() else { throw shapeError(scanner) }
                }
                let digit = UInt64(next.scalar - 0x30)
                if significantDigits > 0 || digit != 0 {
                    significantDigits += 1
                    guard significantDigits <= maximumSignificantDigits else { throw tooManyDigits(scanner) }
                    significand = significand * 10 + digit
                }
            } else if next.scalar == Scalar.comma, !inFraction {
                guard groups.acceptComma() else { throw shapeError(scanner) }
            } else if next.scalar == Scalar.fullStop, !inFraction, groups.isComplete {
                inFraction = true
            } else {
                break
            }
            scanner.advance(by: next.length)
        }
        guard groups.isComplete, !inFraction || fractionDigits > 0 else { throw shapeError(scanner) }
        if !hasCurrency { _ = scanner.consume(yenSuffix) }
        guard scanner.isAtEnd else { throw shapeError(scanner) }
        guard fractionDigits <= 127 else { throw tooManyDigits(scanner) }

        let negative = isNegative == true && significand != 0
        if negative && !allowNegative {
            throw ValueError("negative value \(scanner.quotedText()) not allowed")
        }
        let value = Int64(significand)
        return ExactDecimal(significand: negative ? -value : value, scale: fractionDigits)
    }

    /// Parses a whole decimal cell given as text; see ``parse(_:allowNegative:)-(UnsafeBufferPointer<UInt8>,_)``.
    public static func parse(_ text: some StringProtocol, allowNegative: Bool = true) throws(ValueError) -> Decimal {
        try parseUTF8(of: text) { bytes throws(ValueError) in try parse(bytes, allowNegative: allowNegative) }
    }

    /// Parses a whole decimal cell given as text into an ``ExactDecimal``.
    public static func parseExact(_ text: some StringProtocol, allowNegative: Bool = true) throws(ValueError) -> ExactDecimal {
        try parseUTF8(of: text) { bytes throws(ValueError) in try parseExact(bytes, allowNegative: allowNegative) }
    }

    /// `円`, accepted after the number.
    private static let yenSuffix: UInt32 = 0x5186

    /// True for a minus mark (`-`, U+2212, `▲`, `△`), false for `+`, nil for anything else.
    private static func sign(of scalar: UInt32) -> Bool? {
        switch scalar {
        case Scalar.hyphenMinus, Scalar.minusSign, 0x25B2, 0x25B3: true
        case Scalar.plus: false
        default: nil
        }
    }

    /// Whether `scalar` is a currency mark accepted before the number: `$`, `¥` (U+00A5) or `￥` (U+FFE5).
    private static func isCurrencyPrefix(_ scalar: UInt32) -> Bool {
        scalar == 0x24 || scalar == 0xA5 || scalar == 0xFFE5
    }

    /// The error for text that is not shaped like a decimal number.
    private static func shapeError(_ scanner: CellScanner) -> ValueError {
        ValueError("expected a decimal number such as 1,200.50, got \(scanner.quotedText())")
    }

    /// The error for a number more precise than a value can hold exactly.
    private static func tooManyDigits(_ scanner: CellScanner) -> ValueError {
        ValueError("\(scanner.quotedText()) has more than \(maximumSignificantDigits) significant digits")
    }
}
