/// Finds where complete CSV records end in a chunk of bytes, so that chunks of a large file can
/// be parsed independently and in parallel.
public enum CSVRecordBoundary {
    /// The offset just past the last line break that ends a record in `bytes`, assuming
    /// `bytes` starts at a record boundary (outside quotes), and the number of line feeds before
    /// that offset; nil when no record ends in `bytes`.
    ///
    /// Quotes are read as ``CSVScanner`` reads them: a quote opens a quoted field only at the
    /// start of a field; inside an unquoted field (`5" screen`) or in text after a closing quote it
    /// is data. So a line break ends a record here exactly when the scanner ends one there.
    ///
    /// - Complexity: O(n); a chunk with no quote before its last line break costs one counting
    ///   pass, eight bytes at a time.
    public static func endOfLastRecord(in bytes: UnsafeBufferPointer<UInt8>) -> (end: Int, lineFeeds: Int)? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        var last = bytes.count - 1
        while last >= 0 && base[last] != 0x0A { last -= 1 }
        guard last >= 0 else { return nil }
        // The usual chunk: no quote before that line break, so no quoted field can hold it.
        let prefix = UnsafeBufferPointer(start: base, count: last + 1)
        if count(0x22, in: prefix) == 0 { return (last + 1, count(0x0A, in: prefix)) }
        // Walk the fields as the scanner does. (Counting quotes is not enough: a quote inside an
        // unquoted field does not open anything.)
        var boundary: Int?
        var state = FieldState.start
        for k in 0...last {
            let b = base[k]
            switch state {
            case .start:
                if b == 0x22 { state = .quoted } else if b == 0x0A { boundary = k + 1 } else if b != 0x2C { state = .unquoted }
            case .unquoted:
                if b == 0x2C { state = .start } else if b == 0x0A { boundary = k + 1; state = .start }
            case .quoted:
                if b == 0x22 { state = .afterQuote }
            case .afterQuote:
                // A second quote is a doubled quote; anything but a separator is text after the
                // closing quote, which the scanner skips up to the next separator.
                if b == 0x22 { state = .quoted } else if b == 0x2C { state = .start } else if b == 0x0A { boundary = k + 1; state = .start } else { state = .unquoted }
            }
        }
        return boundary.map { ($0, count(0x0A, in: UnsafeBufferPointer(start: base, count: $0))) }
    }

    /// Where a walk through a record is: at the start of a field, inside an unquoted or a quoted
    /// field, or just after a quote inside a quoted field.
    private enum FieldState {
        case start, unquoted, quoted, afterQuote
    }

    /// The number of line feeds in `bytes` (every physical line break, quoted or not).
    public static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        count(0x0A, in: bytes)
    }

    /// How many bytes of `bytes` equal `target`, counted eight at a time (exact SWAR zero-byte test).
    static func count(_ target: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        let pattern = UInt64(target) &* 0x0101_0101_0101_0101
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let raw = UnsafeRawPointer(base)
        var total = 0
        var i = 0
        @inline(__always) func zeros(_ w: UInt64) -> UInt64 {
            let x = w ^ pattern
            // High bit set exactly in the bytes of x that are zero.
            return ~(((x & low7) &+ low7) | x | low7)
        }
        while i &+ 32 <= n {
            // Four words' flags fold into one population count (each flag is a distinct bit
            // position only within its word, so count them separately but cheaply).
            let a = zeros(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let b = zeros(raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self))
            let c = zeros(raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self))
            let d = zeros(raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self))
            total &+= (a | (b >> 1) | (c >> 2) | (d >> 3)).nonzeroBitCount
            i &+= 32
        }
        while i &+ 8 <= n {
            total &+= zeros(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)).nonzeroBitCount
            i &+= 8
        }
        while i < n {
            if base[i] == target { total &+= 1 }
            i &+= 1
        }
        return total
    }
}
