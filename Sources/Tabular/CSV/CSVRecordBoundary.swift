/// Finds where complete CSV records end in a chunk of bytes, so that chunks of a large file can
/// be parsed independently and in parallel.
public enum CSVRecordBoundary {
    /// The offset just past the last line break that ends a record in `bytes`, assuming
    /// `bytes` starts at a record boundary (outside quotes); nil when no record ends in it.
    ///
    /// - Complexity: O(n); a chunk without quotes costs one counting pass.
    public static func endOfLastRecord(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        var last = bytes.count - 1
        while last >= 0 && base[last] != 0x0A { last -= 1 }
        guard last >= 0 else { return nil }
        // Quotes before that line break: an even number means it ends a record.
        var quotes = 0
        for k in 0..<last { quotes &+= base[k] == 0x22 ? 1 : 0 }
        if quotes & 1 == 0 { return last + 1 }
        // Rare: the last line break is inside quotes. Walk forward, tracking quote state.
        var inQuotes = false
        var boundary: Int?
        for k in 0..<bytes.count {
            let b = base[k]
            if b == 0x22 { inQuotes.toggle() } else if b == 0x0A && !inQuotes { boundary = k + 1 }
        }
        return boundary
    }

    /// The number of line feeds in `bytes` (every physical line break, quoted or not).
    public static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in bytes { n &+= b == 0x0A ? 1 : 0 }
        return n
    }
}
