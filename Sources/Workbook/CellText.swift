/// Text clean-up applied before strings reach libxlsxwriter.
///
/// libxlsxwriter 1.1.4 escapes C0 control characters as `_xHHHH_` in cell strings, but
/// writes them raw into chart caches, titles and document properties, and never touches
/// U+FFFE/U+FFFF; raw, all of these make the XML invalid. So they are replaced with U+FFFD
/// everywhere. Literal `_xHHHH_` sequences in cell text are protected as `_x005F_xHHHH_`
/// so that Excel shows them as typed instead of decoding them.
enum CellText {
    /// Excel's limit on the length of a cell string, in UTF-16 code units.
    static let maximumLength = 32_767

    /// The marker appended to truncated cell text.
    static let ellipsis: Character = "…"

    /// Prepares a cell string: sanitized, truncated to Excel's limit and `_x` escaped.
    static func cell(_ text: String) -> String {
        if isPlain(text) { return text }
        let clean = sanitized(text)
        var limit = maximumLength
        while true {
            let result = escapedUnderscores(truncated(clean, toUTF16Length: limit))
            // libxlsxwriter rejects strings over 32,767 code points; escaping can add some.
            let overflow = result.unicodeScalars.count - maximumLength
            if overflow <= 0 { return result }
            limit -= overflow
        }
    }

    /// Replaces characters that XML 1.0 forbids (C0 controls other than tab, LF and CR;
    /// U+FFFE; U+FFFF) with U+FFFD.
    static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isIllegalInXML) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isIllegalInXML(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// Cuts text at a Character boundary so that it, plus a trailing "…", fits in `limit`
    /// UTF-16 code units; returns it unchanged when it already fits.
    static func truncated(_ text: String, toUTF16Length limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        let budget = limit - 1  // room for the ellipsis (one UTF-16 unit)
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = text[index].utf16.count
            if used + width > budget { break }
            used += width
            end = text.index(after: index)
        }
        return String(text[..<end]) + String(ellipsis)
    }

    /// Escapes the underscore of every `_xHHHH_` sequence as `_x005F_`.
    static func escapedUnderscores(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 7 else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 14)
        var index = 0
        var changed = false
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "_"), isEscapeSequence(bytes, at: index) {
                output.append(contentsOf: Array("_x005F".utf8))
                changed = true
            }
            output.append(bytes[index])
            index += 1
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    /// True for scalars XML 1.0 does not allow in a document.
    static func isIllegalInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Fast check: short enough, no control bytes, no U+FFFE/U+FFFF, no `_x`.
    private static func isPlain(_ text: String) -> Bool {
        var count = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            count += 1
            if byte < 0x20 || byte == 0xEF { return false }
            if previous == UInt8(ascii: "_"), byte == UInt8(ascii: "x") { return false }
            previous = byte
        }
        // UTF-16 length never exceeds UTF-8 length.
        return count <= maximumLength
    }

    /// True when `bytes[start...]` reads `_x` + four hex digits + `_`.
    private static func isEscapeSequence(_ bytes: [UInt8], at start: Int) -> Bool {
        guard start + 6 < bytes.count, bytes[start + 1] == UInt8(ascii: "x"),
              bytes[start + 6] == UInt8(ascii: "_")
        else { return false }
        return bytes[(start + 2)...(start + 5)].allSatisfy(isHexDigit)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "a")...UInt8(ascii: "f"),
             UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }
}

extension CellText {
    /// Text for chart titles, series and axis names: sanitized, and protected against
    /// libxlsxwriter's rule that a leading "=" makes it a cell reference (a zero-width
    /// space U+200B is put in front).
    static func label(_ text: String) -> String {
        let clean = sanitized(text)
        return clean.hasPrefix("=") ? "\u{200B}" + clean : clean
    }
}
