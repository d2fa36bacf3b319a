/// How many fixed-width columns a text takes, for fitting column widths ("a CJK character counts double").
///
/// Each user-perceived character counts 2 if it contains an East Asian Wide or Fullwidth
/// scalar (CJK ideographs, kana, Hangul, fullwidth forms) or is an emoji shown as
/// emoji; 0 if it consists only of combining marks, format or control characters;
/// otherwise 1.
public enum DisplayWidth {
    /// The display width of `text` in columns.
    public static func of(_ text: String) -> Int {
        if let width = simpleWidth(text) { return width }
        var total = 0
        for character in text {
            total += width(of: character)
        }
        return total
    }

    /// The width of text made only of printable ASCII, Latin letters, kana, CJK ideographs, Hangul
    /// syllables and fullwidth forms, where every scalar is its own character (no combining marks,
    /// emoji or joiners); nil for any other text. Names in a CRM export almost always are.
    static func simpleWidth(_ text: String) -> Int? {
        var total = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300: total += 1
            case 0x3000...0x3029, 0x3030...0x303E, 0x3041...0x3096, 0x30A0...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60: total += 2
            default: return nil
            }
        }
        return total
    }

    /// Width of one grapheme cluster: the widest of its scalars, at most 2.
    static func width(of character: Character) -> Int {
        if character.isASCII {
            return character.unicodeScalars.first!.value < 0x20 || character == "\u{7F}" ? 0 : 1
        }
        var widest = 0
        var previous: Unicode.Scalar?
        for scalar in character.unicodeScalars {
            var width = width(of: scalar)
            // An emoji followed by VARIATION SELECTOR-16 is shown as (wide) emoji.
            if scalar.value == 0xFE0F, let previous, previous.properties.isEmoji {
                width = 2
            }
            widest = max(widest, width)
            previous = scalar
        }
        return widest
    }

    /// Width of one scalar on its own.
    static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        let value = scalar.value
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, not counting emoji (handled above).
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2329...0x232A,   // angle brackets
        0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed and compatibility
        0x3400...0x4DBF,   // CJK Extension A
        0x4E00...0x9FFF,   // CJK Unified Ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo Extended-A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK Compatibility Ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth ASCII variants
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FE4, // ideographic symbols
        0x17000...0x18CFF, // Tangut, Khitan
        0x1B000...0x1B2FF, // Kana supplements, Nushu
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x20000...0x2FFFD, // CJK Extensions B–F, compatibility supplement
        0x30000...0x3FFFD, // CJK Extensions G–H
    ]
}
