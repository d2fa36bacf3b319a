/// Text hygiene for SVG output: strips characters that are illegal (or unsafe) in XML,
/// escapes markup characters, and sanitizes identifiers.
enum SVGText {
    /// The ellipsis appended to shortened text.
    static let ellipsis = "\u{2026}"

    /// Whether a scalar must never reach the output: XML-illegal control characters
    /// (U+0000–U+001F except tab/LF/CR), C1 controls and DEL (U+007F–U+009F),
    /// the non-characters U+FFFE/U+FFFF, and bidi embedding/override/isolate controls
    /// (U+202A–U+202E, U+2066–U+2069), which could visually spoof a label.
    static func isDropped(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Cleans untrusted text for display: drops dropped scalars (see `isDropped`), turns
    /// tab/LF/CR into spaces, trims surrounding spaces, and caps the length at `limit`
    /// Unicode scalars (appending "…" when cut).
    static func clean(_ text: String, limit: Int = 1000) -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        var cut = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if isDropped(value) { continue }
            if count >= limit { cut = true; break }
            if value == 0x09 || value == 0x0A || value == 0x0D {
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
            count += 1
        }
        var result = String(scalars)
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        if cut { result += ellipsis }
        return result
    }

    /// Escapes `& < > " '` as `&amp; &lt; &gt; &quot; &#39;` (the only references the output
    /// ever contains) and, as a second line of defence, drops XML-illegal scalars.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default:
                if !isDropped(scalar.value) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Reduces a caller-given identifier to `[A-Za-z0-9_-]` (at most 64 characters);
    /// falls back to "chart" when nothing is left.
    static func identifier(_ id: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in id.unicodeScalars where scalars.count < 64 {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D: scalars.append(scalar)
            default: continue
            }
        }
        return scalars.isEmpty ? "chart" : String(scalars)
    }

    /// Joins names as "A", "A and B", "A, B and C".
    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        }
    }
}
