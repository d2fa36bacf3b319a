/// The boolean grammar of the exports: `true`/`false`, `yes`/`no`, `1`/`0`, in any letter case.
public enum BooleanGrammar {
    /// Parses a whole boolean cell: `true`, `false`, `yes`, `no`, `1` or `0`, case-insensitive
    /// (`TRUE`, `True`, `Yes`), trimmed; full-width letters and digits read as ASCII.
    ///
    /// ```swift
    /// try BooleanGrammar.parse("TRUE")   // true
    /// try BooleanGrammar.parse("No")     // false
    /// ```
    /// - Throws: ``ValueError`` for empty text or any other word.
    /// - Complexity: O(n) in the length of the text; no allocation unless it throws.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(ValueError) -> Bool {
        var scanner = CellScanner(trimming: bytes)
        guard !scanner.isEmpty else { throw ValueError.empty }
        // The lowercased ASCII of up to 5 scalars, one byte each, first scalar highest.
        var word: UInt64 = 0
        for _ in 0..<5 {
            let next = scanner.peek()
            // U+0000 would shift in as a zero byte and leave the word unchanged ("\0true" is "true").
            guard next.scalar > 0, next.scalar < 0x80 else { break }
            var byte = UInt64(next.scalar)
            if byte >= 0x41, byte <= 0x5A { byte += 0x20 }
            word = word << 8 | byte
            scanner.advance(by: next.length)
        }
        if scanner.isAtEnd {
            switch word {
            case 0x74_72_75_65, 0x79_65_73, 0x31: return true             // "true", "yes", "1"
            case 0x66_61_6C_73_65, 0x6E_6F, 0x30: return false            // "false", "no", "0"
            default: break
            }
        }
        throw ValueError("expected true/false, yes/no or 1/0, got \(scanner.quotedText())")
    }

    /// Parses a whole boolean cell given as text; see ``parse(_:)-(UnsafeBufferPointer<UInt8>)``.
    public static func parse(_ text: some StringProtocol) throws(ValueError) -> Bool {
        try parseUTF8(of: text) { bytes throws(ValueError) in try parse(bytes) }
    }
}
