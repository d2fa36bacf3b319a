/// Splits expression text into ``RuleToken``s, one at a time, tracking line and column.
///
/// Whitespace is space, tab, CR and LF. Lines are counted by LF; a CR directly before an LF takes
/// no column. Columns count Unicode scalars.
struct RuleLexer {
    private let scalars: [Unicode.Scalar]
    private var offset = 0
    private var position = RuleSourcePosition.start
    /// Just past the last token read: where the end of the text is reported.
    private var endOfLastToken = RuleSourcePosition.start

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// The next token, or the end token (again and again) once the text is exhausted.
    mutating func next() throws(RuleError) -> RuleToken {
        skipWhitespace()
        guard let scalar = peek() else {
            return RuleToken(kind: .end, text: "", position: endOfLastToken)
        }
        let start = position
        let startOffset = offset
        let kind: RuleToken.Kind
        switch scalar {
        case "(":
            advance()
            kind = .openParen
        case ")":
            advance()
            kind = .closeParen
        case "\"":
            kind = .string(try string())
        case "0"..."9":
            kind = .number(try number())
        case "-" where peek(1).map(Self.isDigit) == true:
            kind = .number(try number())
        case "a"..."z", "A"..."Z", "_":
            kind = name()
        default:
            kind = .comparison(try comparison())
        }
        endOfLastToken = position
        let text = String(String.UnicodeScalarView(scalars[startOffset..<offset]))
        return RuleToken(kind: kind, text: text, position: start)
    }

    // MARK: - Tokens

    /// A name or keyword: `[A-Za-z_][A-Za-z0-9_.]*`.
    private mutating func name() -> RuleToken.Kind {
        let startOffset = offset
        while let scalar = peek(), Self.isNameScalar(scalar) { advance() }
        switch String(String.UnicodeScalarView(scalars[startOffset..<offset])) {
        case "and": return .and
        case "or": return .or
        case "not": return .not
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default: return .name
        }
    }

    /// A number: an optional `-`, digits, and optionally `.` and digits; not followed by a letter,
    /// `_` or `.` (so `1e5`, `1.` and `2x` are errors).
    private mutating func number() throws(RuleError) -> Double {
        let startOffset = offset
        if peek() == "-" { advance() }
        while let scalar = peek(), Self.isDigit(scalar) { advance() }
        if peek() == ".", peek(1).map(Self.isDigit) == true {
            advance()
            while let scalar = peek(), Self.isDigit(scalar) { advance() }
        }
        if let scalar = peek(), Self.isNameScalar(scalar) {
            throw RuleError(at: position, Self.unexpected(scalar))
        }
        let text = String(String.UnicodeScalarView(scalars[startOffset..<offset]))
        guard let value = Double(text) else {
            throw RuleError(at: position, "'\(text)' is not a number")   // unreachable for this grammar
        }
        return value
    }

    /// A string literal in double quotes; `\"` and `\\` are its only escapes.
    private mutating func string() throws(RuleError) -> String {
        let opening = position
        advance()
        var value = String.UnicodeScalarView()
        while true {
            guard let scalar = peek() else {
                throw RuleError(at: opening, "unterminated string; expected a closing '\"'")
            }
            switch scalar {
            case "\"":
                advance()
                return String(value)
            case "\\":
                let backslash = position
                advance()
                guard let escaped = peek() else {
                    throw RuleError(at: opening, "unterminated string; expected a closing '\"'")
                }
                guard escaped == "\"" || escaped == "\\" else {
                    let shown = Self.isPrintable(escaped) ? "'\\\(escaped)'" : "'\\' before \(Self.codePoint(escaped))"
                    throw RuleError(at: backslash, "unknown escape \(shown) in a string; only \\\" and \\\\ are allowed")
                }
                advance()
                value.append(escaped)
            default:
                advance()
                value.append(scalar)
            }
        }
    }

    /// A comparison operator, or the error for whatever else is here.
    private mutating func comparison() throws(RuleError) -> RuleComparison {
        let start = position
        let scalar = peek()!
        let second = peek(1)
        switch (scalar, second) {
        case ("=", "="): advance(2); return .equal
        case ("!", "="): advance(2); return .notEqual
        case ("<", "="): advance(2); return .lessOrEqual
        case (">", "="): advance(2); return .greaterOrEqual
        case ("<", _): advance(); return .less
        case (">", _): advance(); return .greater
        case ("=", _): throw RuleError(at: start, "unexpected '='; use '==' to compare")
        case ("!", _): throw RuleError(at: start, "unexpected '!'; use 'not' or '!='")
        case ("&", "&"): throw RuleError(at: start, "unexpected '&&'; use 'and'")
        case ("|", "|"): throw RuleError(at: start, "unexpected '||'; use 'or'")
        default: throw RuleError(at: start, Self.unexpected(scalar))
        }
    }

    // MARK: - Scalars

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        offset + ahead < scalars.count ? scalars[offset + ahead] : nil
    }

    /// Moves past `count` scalars, keeping line and column.
    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count {
            let scalar = scalars[offset]
            offset += 1
            if scalar == "\n" {
                position.line += 1
                position.column = 1
            } else if scalar == "\r", peek() == "\n" {
                // A CR before an LF ends the line with it and takes no column.
            } else {
                position.column += 1
            }
        }
    }

    private mutating func skipWhitespace() {
        while let scalar = peek(), scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" {
            advance()
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 0x30 < 10
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", ".": true
        default: false
        }
    }

    /// `unexpected character 'c'`, or `unexpected character U+0000` for one that does not print.
    private static func unexpected(_ scalar: Unicode.Scalar) -> String {
        isPrintable(scalar) ? "unexpected character '\(scalar)'" : "unexpected character \(codePoint(scalar))"
    }

    /// Whether a scalar shows as itself in a message (not a control, format, separator or
    /// combining mark, and assigned).
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .nonspacingMark, .enclosingMark, .spacingMark, .surrogate, .privateUse, .unassigned:
            false
        default:
            true
        }
    }

    /// `U+XXXX` for a scalar.
    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
