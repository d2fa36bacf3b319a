/// Rough, deterministic text-width estimates (the page's font is unknown, so they lean a little wide
/// for common sans-serif faces: digits, currency signs and "%" as wide as DejaVu Sans, the default
/// sans-serif face of Linux desktops, draws them), used to size margins and to shorten labels with "…".
enum TextMeasure {
    /// Estimated advance of one character, in em.
    static func characterWidth(_ character: Character) -> Double {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0x200B...0x200F, 0x2060...0x2064, 0xFE00...0xFE0F: return 0
        case 0x20, 0x21, 0x27, 0x2C, 0x2E, 0x3A, 0x3B, 0x49, 0x69, 0x6A, 0x6C, 0x7C: return 0.3
        case 0x28, 0x29, 0x2D, 0x2F, 0x5B, 0x5D, 0x66, 0x72, 0x74: return 0.38
        case 0x30...0x39, 0x24, 0xA5, 0x20AC: return 0.64
        case 0x25: return 0.96
        case 0x4D, 0x57, 0x6D, 0x77: return 0.86
        case 0x41...0x5A: return 0.68
        case 0x61...0x7A: return 0.55
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return 1.0
        default: return 0.62
        }
    }

    /// Estimated width of `text` at `fontSize`.
    static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for character in text { em += characterWidth(character) }
        return em * fontSize
    }

    /// The widest estimate among `texts` (0 when empty).
    static func maxWidth(_ texts: [String], fontSize: Double) -> Double {
        texts.reduce(0) { Swift.max($0, width($1, fontSize: fontSize)) }
    }

    /// `text` shortened with "…" so that its estimate fits `maxWidth`; `truncated` says whether it was cut.
    static func truncate(_ text: String, maxWidth: Double, fontSize: Double) -> (text: String, truncated: Bool) {
        if width(text, fontSize: fontSize) <= maxWidth { return (text, false) }
        let budget = maxWidth - characterWidth("\u{2026}") * fontSize
        var out = ""
        var used = 0.0
        for character in text {
            let advance = characterWidth(character) * fontSize
            if used + advance > budget { break }
            out.append(character)
            used += advance
        }
        while out.last == " " { out.removeLast() }
        return (out + SVGText.ellipsis, true)
    }
}
