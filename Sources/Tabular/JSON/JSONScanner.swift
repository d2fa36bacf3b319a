/// The engine behind ``JSONParser`` and ``JSONRecordReader``: an iterative, strict JSON parser
/// over a borrowed buffer of UTF-8 bytes. One scanner can parse many values of the same buffer
/// (the lines or elements of a file), reusing its stacks and scratch space.
///
/// All reads are guarded by `end`; nothing here traps on input.
struct JSONScanner {
    /// The first byte of the whole buffer; offsets are relative to it.
    let base: UnsafePointer<UInt8>
    /// One past the last byte the current parse may read.
    var end: Int
    /// The deepest nesting allowed, counting enclosing containers.
    let maximumDepth: Int
    /// Whether duplicate keys are an error.
    let rejectsDuplicateKeys: Bool
    /// The offset where line ``lineNumber`` starts; error positions are counted from here.
    var lineStart = 0
    /// The 1-based line number of the line that starts at ``lineStart``.
    var lineNumber = 1

    /// Values of the open containers, innermost last.
    private var values: [JSONValue] = []
    /// Keys of the open objects, innermost last.
    private var keys: [String] = []
    /// The open containers, innermost last.
    private var frames: [Frame] = []
    /// Fingerprints of `keys`, parallel to it, when duplicate keys are rejected.
    private var keyHashes: [UInt64] = []
    /// Key sets of open objects with many members, by frame index.
    private var keySets: [Int: Set<String>] = [:]
    /// Where strings with escapes are decoded.
    private var scratch: [UInt8] = []
    /// Whether the last string parsed had escapes (so its decoded bytes are in `scratch`).
    private var lastStringWasEscaped = false

    /// An open array or object.
    private struct Frame {
        var isObject: Bool
        var valueBase: Int
        var keyBase: Int
    }

    /// Objects with more members than this check duplicates with a set instead of a scan.
    private static let linearKeyLimit = 64

    init(base: UnsafePointer<UInt8>, count: Int, options: JSONParser.Options) {
        self.base = base
        self.end = count
        self.maximumDepth = options.maximumDepth
        self.rejectsDuplicateKeys = options.rejectsDuplicateKeys
    }

    // MARK: - Entry points

    /// Parses the bytes `[start, end)` as one JSON text: a value with whitespace around it.
    mutating func parseDocument(from start: Int) throws(JSONSyntaxError) -> JSONValue {
        let first = skipWhitespace(start)
        let (value, after) = try parseValue(at: first, enclosingDepth: 0)
        let rest = skipWhitespace(after)
        if rest < end {
            throw error(at: rest, "unexpected \(describe(rest)) after the JSON value")
        }
        return value
    }

    /// Parses one value starting exactly at `start` and returns it with the offset just after it.
    /// `enclosingDepth` containers already surround the value (they count toward the limit).
    mutating func parseValue(at start: Int, enclosingDepth: Int) throws(JSONSyntaxError) -> (JSONValue, Int) {
        let allowed = maximumDepth - enclosingDepth
        values.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        keyHashes.removeAll(keepingCapacity: true)
        frames.removeAll(keepingCapacity: true)
        keySets.removeAll()
        var i = start
        nextValue: while true {
            // A value is expected at i (whitespace already skipped).
            guard i < end else { throw error(at: i, "unexpected end of input, expected a value") }
            var value: JSONValue
            switch base[i] {
            case Byte.quote:
                let (s, after) = try parseString(at: i)
                value = .string(s)
                i = after
            case Byte.openBrace:
                guard frames.count < allowed else { throw depthError(at: i) }
                i = skipWhitespace(i + 1)
                if i < end && base[i] == Byte.closeBrace {
                    value = .object(JSONObject())
                    i += 1
                } else {
                    frames.append(Frame(isObject: true, valueBase: values.count, keyBase: keys.count))
                    i = try parseKey(at: i, afterComma: nil)
                    continue nextValue
                }
            case Byte.openBracket:
                guard frames.count < allowed else { throw depthError(at: i) }
                i = skipWhitespace(i + 1)
                if i < end && base[i] == Byte.closeBracket {
                    value = .array([])
                    i += 1
                } else {
                    frames.append(Frame(isObject: false, valueBase: values.count, keyBase: keys.count))
                    continue nextValue
                }
            case Byte.n:
                try expectLiteral("null", at: i)
                value = .null
                i += 4
            case Byte.t:
                try expectLiteral("true", at: i)
                value = .bool(true)
                i += 4
            case Byte.f:
                try expectLiteral("false", at: i)
                value = .bool(false)
                i += 5
            case Byte.minus, Byte.zero...Byte.nine:
                let after = try scanNumber(at: i)
                value = .number(String(decoding: UnsafeBufferPointer(start: base + i, count: after - i), as: UTF8.self))
                i = after
            default:
                throw error(at: i, unexpectedValueMessage(at: i))
            }

            // Attach the value to its container; close containers as they end.
            while true {
                guard let frame = frames.last else { return (value, i) }
                values.append(value)
                i = skipWhitespace(i)
                let close = frame.isObject ? Byte.closeBrace : Byte.closeBracket
                guard i < end, base[i] == Byte.comma || base[i] == close else {
                    let what = frame.isObject ? "',' or '}' after an object member" : "',' or ']' after an array element"
                    throw error(at: i, "expected \(what), found \(describe(i))")
                }
                if base[i] == Byte.comma {
                    let comma = i
                    i = skipWhitespace(i + 1)
                    if frame.isObject {
                        i = try parseKey(at: i, afterComma: comma)
                    } else if i < end && base[i] == Byte.closeBracket {
                        throw error(at: comma, "trailing comma before ']'")
                    }
                    continue nextValue
                }
                i += 1
                if frame.isObject {
                    let object = JSONObject(
                        keys: Array(keys[frame.keyBase...]), values: Array(values[frame.valueBase...]))
                    keys.removeSubrange(frame.keyBase...)
                    if rejectsDuplicateKeys { keyHashes.removeSubrange(frame.keyBase...) }
                    values.removeSubrange(frame.valueBase...)
                    if !keySets.isEmpty { keySets[frames.count - 1] = nil }
                    value = .object(object)
                } else {
                    let array = Array(values[frame.valueBase...])
                    values.removeSubrange(frame.valueBase...)
                    value = .array(array)
                }
                frames.removeLast()
            }
        }
    }

    /// Finds where a broken array element ends, to resume after it: the offset of the `,` or `]`
    /// that follows it at nesting level zero, skipping strings. Nil when there is none.
    func recoverElementEnd(from start: Int) -> Int? {
        var depth = 0
        var i = start
        while i < end {
            let b = base[i]
            switch b {
            case Byte.quote:
                i += 1
                while i < end && base[i] != Byte.quote {
                    i += base[i] == Byte.backslash ? 2 : 1
                }
                if i >= end { return nil }
            case Byte.openBrace, Byte.openBracket:
                depth += 1
            case Byte.closeBrace, Byte.closeBracket:
                if depth == 0 { return b == Byte.closeBracket ? i : nil }
                depth -= 1
            case Byte.comma:
                if depth == 0 { return i }
            default:
                break
            }
            i += 1
        }
        return nil
    }

    // MARK: - Tokens

    /// Skips JSON whitespace (space, tab, LF, CR) from `i`.
    @inline(__always)
    func skipWhitespace(_ i: Int) -> Int {
        var i = i
        while i < end {
            let b = base[i]
            guard b <= Byte.space, b == Byte.space || b == Byte.lf || b == Byte.cr || b == Byte.tab else { break }
            i += 1
        }
        return i
    }

    /// Parses `"key"`, whitespace, `:` and whitespace at `i`; records the key and returns the
    /// offset of the member's value.
    private mutating func parseKey(at i: Int, afterComma comma: Int?) throws(JSONSyntaxError) -> Int {
        guard i < end, base[i] == Byte.quote else {
            if let comma, i < end, base[i] == Byte.closeBrace {
                throw error(at: comma, "trailing comma before '}'")
            }
            if i < end, base[i] == Byte.apostrophe {
                throw error(at: i, "single-quoted strings are not JSON; expected a double-quoted key")
            }
            throw error(at: i, "expected a double-quoted key, found \(describe(i))")
        }
        let (key, after) = try parseString(at: i)
        if rejectsDuplicateKeys {
            let hash: UInt64
            if lastStringWasEscaped {
                hash = scratch.withUnsafeBufferPointer { Self.fingerprint($0) }
            } else {
                hash = Self.fingerprint(UnsafeBufferPointer(start: base + i + 1, count: after - i - 2))
            }
            try checkDuplicate(key, hash: hash, at: i)
        }
        keys.append(key)
        let colon = skipWhitespace(after)
        guard colon < end, base[colon] == Byte.colon else {
            throw error(at: colon, "expected ':' after key \(JSONWriter.quoted(key)), found \(describe(colon))")
        }
        return skipWhitespace(colon + 1)
    }

    /// Throws when the innermost object already has a member named `key`; records the key's
    /// fingerprint. Keys are compared by fingerprint first, then as strings.
    private mutating func checkDuplicate(_ key: String, hash: UInt64, at i: Int) throws(JSONSyntaxError) {
        let frameIndex = frames.count - 1
        if frameIndex >= 0 {
            let keyBase = frames[frameIndex].keyBase
            if keys.count - keyBase < Self.linearKeyLimit {
                var k = keyBase
                while k < keys.count {
                    if keyHashes[k] == hash && keys[k] == key {
                        throw error(at: i, "duplicate key \(JSONWriter.quoted(key))")
                    }
                    k += 1
                }
            } else {
                if keySets[frameIndex] == nil { keySets[frameIndex] = Set(keys[keyBase...]) }
                if keySets[frameIndex]?.insert(key).inserted == false {
                    throw error(at: i, "duplicate key \(JSONWriter.quoted(key))")
                }
            }
        }
        keyHashes.append(hash)
    }

    /// FNV-1a over a key's decoded UTF-8 bytes.
    @inline(__always)
    private static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// Checks that the bytes at `i` spell `literal`.
    private func expectLiteral(_ literal: StaticString, at i: Int) throws(JSONSyntaxError) {
        let n = literal.utf8CodeUnitCount
        let lit = literal.utf8Start
        var k = 0
        while k < n {
            guard i + k < end, base[i + k] == lit[k] else {
                throw error(at: i, "invalid literal, expected '\(literal)'")
            }
            k += 1
        }
    }

    /// Checks the number grammar at `i` and returns the offset just after the number.
    private func scanNumber(at i: Int) throws(JSONSyntaxError) -> Int {
        var j = i
        if base[j] == Byte.minus { j += 1 }
        guard j < end, isDigit(base[j]) else {
            throw error(at: j, "expected a digit after '-', found \(describe(j))")
        }
        if base[j] == Byte.zero {
            j += 1
            if j < end && isDigit(base[j]) { throw error(at: i, "numbers must not have leading zeros") }
        } else {
            while j < end && isDigit(base[j]) { j += 1 }
        }
        if j < end && base[j] == Byte.dot {
            j += 1
            guard j < end, isDigit(base[j]) else {
                throw error(at: j, "expected a digit after '.', found \(describe(j))")
            }
            while j < end && isDigit(base[j]) { j += 1 }
        }
        if j < end && (base[j] == Byte.e || base[j] == Byte.upperE) {
            j += 1
            if j < end && (base[j] == Byte.plus || base[j] == Byte.minus) { j += 1 }
            guard j < end, isDigit(base[j]) else {
                throw error(at: j, "expected a digit in the exponent, found \(describe(j))")
            }
            while j < end && isDigit(base[j]) { j += 1 }
        }
        return j
    }

    @inline(__always)
    private func isDigit(_ b: UInt8) -> Bool { b &- Byte.zero < 10 }

    // MARK: - Strings

    /// Parses the string whose opening quote is at `i`; returns it and the offset after its
    /// closing quote. Strings without escapes are built straight from the bytes.
    private mutating func parseString(at i: Int) throws(JSONSyntaxError) -> (String, Int) {
        let start = i + 1
        var j = start
        while true {
            while j + 8 <= end {
                let word = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
                if Self.needsAttention(word) { break }
                j += 8
            }
            guard j < end else { throw error(at: j, "unexpected end of input in a string") }
            let b = base[j]
            if b == Byte.quote {
                let s = String(decoding: UnsafeBufferPointer(start: base + start, count: j - start), as: UTF8.self)
                lastStringWasEscaped = false
                return (s, j + 1)
            }
            if b == Byte.backslash { return try parseEscapedString(start: start, firstEscape: j) }
            if b < Byte.space { throw controlCharacterError(at: j) }
            j = b < 0x80 ? j + 1 : try validateUTF8(at: j)
        }
    }

    /// Continues a string at its first escape, decoding into the scratch buffer.
    private mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JSONSyntaxError) -> (String, Int) {
        scratch.removeAll(keepingCapacity: true)
        var runStart = start
        var j = firstEscape
        while true {
            while j + 8 <= end {
                let word = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
                if Self.needsAttention(word) { break }
                j += 8
            }
            guard j < end else { throw error(at: j, "unexpected end of input in a string") }
            let b = base[j]
            if b == Byte.quote {
                appendRun(from: runStart, to: j)
                lastStringWasEscaped = true
                return (String(decoding: scratch, as: UTF8.self), j + 1)
            }
            if b == Byte.backslash {
                appendRun(from: runStart, to: j)
                j = try decodeEscape(at: j)
                runStart = j
                continue
            }
            if b < Byte.space { throw controlCharacterError(at: j) }
            j = b < 0x80 ? j + 1 : try validateUTF8(at: j)
        }
    }

    @inline(__always)
    private mutating func appendRun(from a: Int, to b: Int) {
        if b > a { scratch.append(contentsOf: UnsafeBufferPointer(start: base + a, count: b - a)) }
    }

    /// Decodes the escape whose backslash is at `i` into the scratch buffer; returns the offset after it.
    private mutating func decodeEscape(at i: Int) throws(JSONSyntaxError) -> Int {
        guard i + 1 < end else { throw error(at: end, "unexpected end of input in a string") }
        let simple: UInt8
        switch base[i + 1] {
        case Byte.quote: simple = Byte.quote
        case Byte.backslash: simple = Byte.backslash
        case Byte.slash: simple = Byte.slash
        case Byte.b: simple = 0x08
        case Byte.f: simple = 0x0C
        case Byte.n: simple = Byte.lf
        case Byte.r: simple = Byte.cr
        case Byte.t: simple = Byte.tab
        case Byte.u:
            let unit = try hex4(escapeAt: i)
            var scalar = UInt32(unit)
            var after = i + 6
            if (0xD800...0xDBFF).contains(unit) {
                guard after + 1 < end, base[after] == Byte.backslash, base[after + 1] == Byte.u else {
                    throw error(at: i, "lone high surrogate \\u\(hexText(unit)) in a string")
                }
                let low = try hex4(escapeAt: after)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error(at: i, "lone high surrogate \\u\(hexText(unit)) in a string")
                }
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                after += 6
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw error(at: i, "lone low surrogate \\u\(hexText(unit)) in a string")
            }
            appendUTF8(scalar)
            return after
        default:
            throw error(at: i, "invalid escape \\\(describeEscapeCharacter(at: i + 1)) in a string")
        }
        scratch.append(simple)
        return i + 2
    }

    /// Reads the four hex digits of the `\u` escape whose backslash is at `i`.
    private func hex4(escapeAt i: Int) throws(JSONSyntaxError) -> UInt16 {
        var v: UInt16 = 0
        var k = i + 2
        while k < i + 6 {
            guard k < end else { throw error(at: end, "unexpected end of input in a \\u escape") }
            let b = base[k]
            let d: UInt8
            switch b {
            case Byte.zero...Byte.nine: d = b - Byte.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw error(at: i, "invalid \\u escape: expected four hex digits")
            }
            v = v << 4 | UInt16(d)
            k += 1
        }
        return v
    }

    private func hexText(_ v: UInt16) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Whether any of the 8 bytes is a quote, a backslash, a control character or non-ASCII.
    @inline(__always)
    private static func needsAttention(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let q = w ^ (ones &* 0x22)
        let s = w ^ (ones &* 0x5C)
        let hasQuote = (q &- ones) & ~q
        let hasBackslash = (s &- ones) & ~s
        let hasControl = w &- ones &* 0x20
        return ((hasQuote | hasBackslash | hasControl) & ~w | w) & high != 0
    }

    /// Validates the UTF-8 sequence whose lead byte (>= 0x80) is at `i`; returns the offset after it.
    private func validateUTF8(at i: Int) throws(JSONSyntaxError) -> Int {
        guard let n = utf8SequenceLength(at: i) else { throw error(at: i, "invalid UTF-8 in a string") }
        return i + n
    }

    /// The length of the valid UTF-8 sequence of a non-ASCII scalar at `i`, or nil when invalid.
    private func utf8SequenceLength(at i: Int) -> Int? {
        let b0 = base[i]
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < end && base[i + k] >= lo && base[i + k] <= hi
        }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) ? 2 : nil
        case 0xE0:
            return cont(1, 0xA0) && cont(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(1) && cont(2) ? 3 : nil
        case 0xED:
            return cont(1, 0x80, 0x9F) && cont(2) ? 3 : nil
        case 0xF0:
            return cont(1, 0x90) && cont(2) && cont(3) ? 4 : nil
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : nil
        case 0xF4:
            return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : nil
        default:
            return nil
        }
    }

    // MARK: - Errors

    /// An error at byte offset `offset`, with its line and column.
    func error(at offset: Int, _ message: String) -> JSONSyntaxError {
        var line = lineNumber
        var start = lineStart
        let target = max(offset, lineStart)
        var k = lineStart
        while k < target {
            if base[k] == Byte.lf {
                line += 1
                start = k + 1
            }
            k += 1
        }
        var column = 1
        k = start
        while k < target {
            if base[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return JSONSyntaxError(message: message, line: line, column: column, byteOffset: offset)
    }

    private func depthError(at i: Int) -> JSONSyntaxError {
        error(at: i, "nesting deeper than \(maximumDepth) levels")
    }

    private func controlCharacterError(at i: Int) -> JSONSyntaxError {
        let code = String(base[i], radix: 16, uppercase: true)
        let padded = code.count < 2 ? "0" + code : code
        return error(at: i, "unescaped control character U+00\(padded) in a string")
    }

    private func unexpectedValueMessage(at i: Int) -> String {
        switch base[i] {
        case Byte.apostrophe:
            return "single-quoted strings are not JSON; expected a value"
        case Byte.slash:
            return "comments are not JSON; expected a value"
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            return "NaN and Infinity are not JSON numbers; expected a value, found \(describe(i))"
        case Byte.closeBracket, Byte.closeBrace:
            return "expected a value, found \(describe(i))"
        default:
            return "expected a value, found \(describe(i))"
        }
    }

    /// Names the byte at `i` for a message: `'x'`, `end of input`, `'é' (U+00E9)`, ...
    func describe(_ i: Int) -> String {
        guard i < end else { return "end of input" }
        let b = base[i]
        switch b {
        case 0x21...0x7E:
            return "'\(Character(Unicode.Scalar(b)))'"
        case 0x00..<0x20, 0x7F:
            let code = String(b, radix: 16, uppercase: true)
            return "control character U+00\(code.count < 2 ? "0" + code : code)"
        case 0x20:
            return "' '"
        default:
            guard let n = utf8SequenceLength(at: i) else {
                return "invalid UTF-8 byte 0x\(String(b, radix: 16, uppercase: true))"
            }
            let text = String(decoding: UnsafeBufferPointer(start: base + i, count: n), as: UTF8.self)
            guard let scalar = text.unicodeScalars.first else { return "a non-ASCII character" }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            if scalar.value == 0xFEFF { return "\(code) (a byte order mark)" }
            return "'\(text)' (\(code))"
        }
    }

    private func describeEscapeCharacter(at i: Int) -> String {
        guard i < end else { return "" }
        let b = base[i]
        if b > 0x20 && b < 0x7F { return String(Character(Unicode.Scalar(b))) }
        return "(\(describe(i)))"
    }
}

/// Byte values used by the JSON scanner.
enum Byte {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let colon = UInt8(ascii: ":")
    static let upperE = UInt8(ascii: "E")
    static let openBracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let closeBracket = UInt8(ascii: "]")
    static let b = UInt8(ascii: "b")
    static let e = UInt8(ascii: "e")
    static let f = UInt8(ascii: "f")
    static let n = UInt8(ascii: "n")
    static let r = UInt8(ascii: "r")
    static let t = UInt8(ascii: "t")
    static let u = UInt8(ascii: "u")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
}
