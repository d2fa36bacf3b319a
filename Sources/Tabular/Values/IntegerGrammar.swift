/// The integer grammar of the exports: `12`, `-3`, `+3`, `1,200`, `１２`, `－１，２００`.
public enum IntegerGrammar {
    /// Parses a whole integer cell: optional sign (`+`, `-`, U+2212 or full-width), digits (ASCII or
    /// full-width U+FF10–FF19) with optional commas as thousands separators between groups of 3,
    /// surrounding spaces trimmed.
    ///
    /// ```swift
    /// try IntegerGrammar.parse("1,200")   // 1200
    /// try IntegerGrammar.parse("12a")     // throws: expected an integer, got "12a"
    /// ```
    /// - Throws: ``ValueError`` for empty text, any other shape, or a value outside `Int64`.
    /// - Complexity: O(n) in the length of the text; no allocation unless it throws.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(ValueError) -> Int64 {
        // Fast path: one to eighteen plain ASCII digits, the shape almost every cell has.
        if bytes.count > 0 && bytes.count <= 18, let base = bytes.baseAddress {
            var value: Int64 = 0
            var plain = true
            for i in 0..<bytes.count {
                let digit = Int64(base[i]) &- 48
                if digit < 0 || digit > 9 { plain = false; break }
                value = value &* 10 &+ digit
            }
            if plain { return value }
        }
        var scanner = CellScanner(trimming: bytes)
        guard !scanner.isEmpty else { throw ValueError.empty }
        let isNegative = scanner.consumeSign() ?? false
        var groups = DigitGroups()
        var magnitude: UInt64 = 0
        var overflowed = false
        while true {
            let next = scanner.peek()
            if next.scalar == Scalar.comma {
                guard groups.acceptComma() else { throw shapeError(scanner) }
            } else if next.scalar >= 0x30, next.scalar <= 0x39 {
                guard groups.acceptDigit() else { throw shapeError(scanner) }
                let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt64(next.scalar - 0x30))
                overflowed = overflowed || overflow1 || overflow2
                magnitude = sum
            } else {
                break
            }
            scanner.advance(by: next.length)
        }
        guard scanner.isAtEnd, groups.isComplete else { throw shapeError(scanner) }
        let limit = isNegative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        guard !overflowed, magnitude <= limit else {
            throw ValueError("\(scanner.quotedText()) is out of range for an integer")
        }
        return isNegative ? Int64(bitPattern: 0 &- magnitude) : Int64(magnitude)
    }

    /// Parses a whole integer cell given as text; see ``parse(_:)-(UnsafeBufferPointer<UInt8>)``.
    public static func parse(_ text: some StringProtocol) throws(ValueError) -> Int64 {
        try parseUTF8(of: text) { bytes throws(ValueError) in try parse(bytes) }
    }

    /// The error for text that is not shaped like an integer.
    private static func shapeError(_ scanner: CellScanner) -> ValueError {
        ValueError("expected an integer, got \(scanner.quotedText())")
    }
}
