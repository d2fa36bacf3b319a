/// Trimming of the spaces that surround a value in an export.
public enum TextTrimming {
    /// `bytes` without leading and trailing ASCII spaces, tabs, U+3000 IDEOGRAPHIC SPACE
    /// (`E3 80 80` in UTF-8) and U+FEFF ZERO WIDTH NO-BREAK SPACE (`EF BB BF`: a byte-order mark
    /// left inside the text, where two exports were concatenated).
    ///
    /// - Complexity: O(number of trimmed bytes).
    @inlinable @inline(__always)
    public static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        // An empty field still has an address (just past the previous byte): read nothing there.
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return bytes }
        // Nearly every cell starts and ends with something other than a space: nothing to do.
        let first = base[0], last = base[bytes.count - 1]
        if first != 0x20 && first != 0x09 && first != 0xE3 && first != 0xEF && last != 0x20 && last != 0x09 && last != 0x80 && last != 0xBF {
            return bytes
        }
        var start = 0
        var end = bytes.count
        while start < end {
            let b = base[start]
            if b == 0x20 || b == 0x09 { start += 1; continue }
            if b == 0xE3 && start + 2 < end && base[start + 1] == 0x80 && base[start + 2] == 0x80 { start += 3; continue }
            if b == 0xEF && start + 2 < end && base[start + 1] == 0xBB && base[start + 2] == 0xBF { start += 3; continue }
            break
        }
        while end > start {
            let b = base[end - 1]
            if b == 0x20 || b == 0x09 { end -= 1; continue }
            if b == 0x80 && end - 3 >= start && base[end - 3] == 0xE3 && base[end - 2] == 0x80 { end -= 3; continue }
            if b == 0xBF && end - 3 >= start && base[end - 3] == 0xEF && base[end - 2] == 0xBB { end -= 3; continue }
            break
        }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }
}

extension TextTrimming {
    /// `text` without leading and trailing ASCII spaces, tabs, U+3000 and U+FEFF; the same string, not a
    /// copy, when there is nothing to trim.
    public static func trimmed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            let inner = trimmed(bytes)
            if inner.count == bytes.count { return nil }
            return String(decoding: inner, as: UTF8.self)
        } ?? text
    }
}
