#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The engine behind ``JSONParser`` and ``JSONRecordReader``: an iterative, strict JSON parser
/// over a borrowed buffer of UTF-8 bytes. One scanner can parse many values of the same buffer
/// (the lines or elements of a file), reusing its stacks and scratch space.
///
/// One grammar serves two outputs (``Mode``): a ``JSONValue`` tree, or the spans of an object's
/// top-level members (``JSONMemberSpans``) with everything else validated but not built, so both
/// accept and reject exactly the same bytes with the same errors.
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

    /// The stacks and scratch space reused from one parse to the next.
    var work = Workspace()
    /// The members recorded by ``scanSpans(at:enclosingDepth:)``.
    var spans = JSONMemberSpans()
    /// The offset that span offsets are relative to (the start of the current document).
    var spanOrigin = 0
    /// One bit per fingerprint (its top six bits) of the top-level keys seen in `.spans` mode.
    private var topLevelKeyBits: UInt64 = 0
    /// Whether the last string scanned had escapes (so its decoded bytes are in `work.scratch`).
    private var lastStringWasEscaped = false

    /// The scanner's reusable storage, kept apart so a ``JSONMemberSpans`` can carry it between
    /// scans and no scan after the first allocates.
    struct Workspace {
        /// Values of the open containers, innermost last (only when building a tree).
        var values: [JSONValue] = []
        /// Keys of the open objects, innermost last.
        var keys: [String] = []
        /// The open containers, innermost last.
        var frames: [Frame] = []
        /// Fingerprints of `keys`, parallel to it, when duplicate keys are rejected.
        var keyHashes: [UInt64] = []
        /// Key sets of open objects with many members, by frame index.
        var keySets: [Int: Set<UTF8Key>] = [:]
        /// Where strings with escapes are decoded.
        var scratch: [UInt8] = []
    }

    /// What a scan of a value builds.
    enum Mode {
        /// The value as a ``JSONValue`` tree.
        case tree
        /// Nothing but the top-level members of an object, as offsets in ``spans``; everything
        /// is validated exactly as for a tree.
        case spans
    }

    /// An open array or object.
    struct Frame {
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
        try expectEndOfDocument(after)
        return value
    }

    /// Validates the bytes `[start, end)` as one JSON text exactly as ``parseDocument(from:)``
    /// does, recording the top-level members in ``spans`` (offsets from ``spanOrigin``) instead
    /// of building a tree. After an error, ``spans`` is emptied.
    mutating func scanSpansDocument(from start: Int) throws(JSONSyntaxError) {
        let first = skipWhitespace(start)
        let after = try scanSpans(at: first, enclosingDepth: 0)
        do throws(JSONSyntaxError) {
            try expectEndOfDocument(after)
        } catch {
            spans.removeAll()
            throw error
        }
    }

    /// Throws unless only whitespace follows the value that ends at `after`.
    private func expectEndOfDocument(_ after: Int) throws(JSONSyntaxError) {
        let rest = skipWhitespace(after)
        if rest < end {
            throw error(at: rest, "unexpected \(describe(rest)) after the JSON value")
        }
    }

    /// Parses one value starting exactly at `start` and returns it with the offset just after it.
    /// `enclosingDepth` containers already surround the value (they count toward the limit).
    mutating func parseValue(at start: Int, enclosingDepth: Int) throws(JSONSyntaxError) -> (JSONValue, Int) {
        try scanValue(at: start, enclosingDepth: enclosingDepth, mode: .tree)
    }

    /// Validates one value starting exactly at `start` as ``parseValue(at:enclosingDepth:)``
    /// does, and returns the offset just after it. When the value is an object, its members are
    /// recorded in ``spans``; otherwise ``spans`` has no members. After an error, ``spans`` is
    /// emptied.
    mutating func scanSpans(at start: Int, enclosingDepth: Int) throws(JSONSyntaxError) -> Int {
        spans.removeAll()
        topLevelKeyBits = 0
        do throws(JSONSyntaxError) {
            let (_, after) = try scanValue(at: start, enclosingDepth: enclosingDepth, mode: .spans)
            spans.topLevelKind = Self.kind(startingWith: base[start])
            return after
        } catch {
            spans.removeAll()
            throw error
        }
    }

    /// The one grammar behind every entry point: scans the value at `start`, building what
    /// `mode` asks for. In `.spans` mode the returned value is a placeholder.
    @inline(__always)
    private mutating func scanValue(
        at start: Int, enclosingDepth: Int, mode: Mode
    ) throws(JSONSyntaxError) -> (JSONValue, Int) {
        let building = mode == .tree
        let allowed = maximumDepth - enclosingDepth
        work.values.removeAll(keepingCapacity: true)
        work.keys.removeAll(keepingCapacity: true)
        work.keyHashes.removeAll(keepingCapacity: true)
        work.frames.removeAll(keepingCapacity: true)
        work.keySets.removeAll()
        var i = start
        nextValue: while true {
            // A value is expected at i (whitespace already skipped).
            guard i < end else { throw error(at: i, "unexpected end of input, expected a value") }
            var value = JSONValue.null
            switch base[i] {
            case Byte.quote:
                if building {
                    let (s, after) = try parseString(at: i)
                    value = .string(s)
                    i = after
                } else {
                    i = try scanString(at: i)
                }
            case Byte.openBrace:
                guard work.frames.count < allowed else { throw depthError(at: i) }
                i = skipWhitespace(i + 1)
                if i < end && base[i] == Byte.closeBrace {
                    if building { value = .object(JSONObject()) }
                    i += 1
                } else {
                    work.frames.append(Frame(isObject: true, valueBase: work.values.count, keyBase: work.keys.count))
                    i = try parseKey(at: i, afterComma: nil, mode: mode)
                    continue nextValue
                }
            case Byte.openBracket:
                guard work.frames.count < allowed else { throw depthError(at: i) }
                i = skipWhitespace(i + 1)
                if i < end && base[i] == Byte.closeBracket {
                    if building { value = .array([]) }
                    i += 1
                } else {
                    work.frames.append(Frame(isObject: false, valueBase: work.values.count, keyBase: work.keys.count))
                    continue nextValue
                }
            case Byte.n:
                try expectLiteral("null", at: i)
                i += 4
            case Byte.t:
                try expectLiteral("true", at: i)
                if building { value = .bool(true) }
                i += 4
            case Byte.f:
                try expectLiteral("false", at: i)
                if building { value = .bool(false) }
                i += 5
            case Byte.minus, Byte.zero...Byte.nine:
                let after = try scanNumber(at: i)
                if building {
                    value = .number(String(decoding: UnsafeBufferPointer(start: base + i, count: after - i), as: UTF8.self))
                }
                i = after
            default:
                throw error(at: i, unexpectedValueMessage(at: i))
            }

            // Attach the value to its container; close containers as they end.
            while true {
                guard let frame = work.frames.last else { return (value, i) }
                if building {
                    work.values.append(value)
                } else if work.frames.count == 1 && frame.isObject {
                    finishMemberSpan(valueEnd: i)
                }
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
                        i = try parseKey(at: i, afterComma: comma, mode: mode)
                    } else if i < end && base[i] == Byte.closeBracket {
                        throw error(at: comma, "trailing comma before ']'")
                    }
                    continue nextValue
                }
                i += 1
                if frame.isObject {
                    if building {
                        value = .object(JSONObject(
                            keys: Array(work.keys[frame.keyBase...]), values: Array(work.values[frame.valueBase...])))
                    } else {
                        value = .null
                    }
                    work.keys.removeSubrange(frame.keyBase...)
                    if rejectsDuplicateKeys { work.keyHashes.removeSubrange(frame.keyBase...) }
                    work.values.removeSubrange(frame.valueBase...)
                    if !work.keySets.isEmpty { work.keySets[work.frames.count - 1] = nil }
                } else if building {
                    let array = Array(work.values[frame.valueBase...])
                    work.values.removeSubrange(frame.valueBase...)
                    value = .array(array)
                } else {
                    value = .null
                }
                work.frames.removeLast()
            }
        }
    }

    /// The kind of the (valid) value whose first byte is `b`.
    @inline(__always)
    static func kind(startingWith b: UInt8) -> JSONMemberSpans.Kind {
        switch b {
        case Byte.quote: return .string
        case Byte.openBrace: return .object
        case Byte.openBracket: return .array
        case Byte.t: return .true
        case Byte.f: return .false
        case Byte.n: return .null
        default: return .number
        }
    }

    /// Completes the span of the top-level member whose value ends just before `valueEnd`.
    @inline(__always)
    private mutating func finishMemberSpan(valueEnd: Int) {
        let m = spans.members.count - 1
        let valueStart = spans.members[m].valueStart
        let kind = Self.kind(startingWith: base[spanOrigin + valueStart])
        spans.members[m].kind = kind
        if kind == .string {
            spans.members[m].valueStart = valueStart + 1
            spans.members[m].valueEnd = valueEnd - 1 - spanOrigin
            spans.members[m].valueHasEscapes = lastStringWasEscaped
        } else {
            spans.members[m].valueEnd = valueEnd - spanOrigin
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

    /// Parses `"key"`, whitespace, `:` and whitespace at `i`; records the key (as a string for a
    /// tree or a nested object, as a span for a top-level member in `.spans` mode) and returns
    /// the offset of the member's value.
    private mutating func parseKey(at i: Int, afterComma comma: Int?, mode: Mode) throws(JSONSyntaxError) -> Int {
        guard i < end, base[i] == Byte.quote else {
            if let comma, i < end, base[i] == Byte.closeBrace {
                throw error(at: comma, "trailing comma before '}'")
            }
            if i < end, base[i] == Byte.apostrophe {
                throw error(at: i, "single-quoted strings are not JSON; expected a double-quoted key")
            }
            throw error(at: i, "expected a double-quoted key, found \(describe(i))")
        }
        let after: Int
        var topLevelKeyHasEscapes: Bool?
        if mode == .tree || (rejectsDuplicateKeys && work.frames.count > 1) {
            let key: String
            (key, after) = try parseString(at: i)
            if rejectsDuplicateKeys {
                try checkDuplicate(key, hash: keyFingerprint(quoteAt: i, after: after), at: i)
            }
            work.keys.append(key)
        } else if work.frames.count > 1 {
            // A nested key in `.spans` mode, with duplicates allowed: only validated.
            after = try scanString(at: i)
        } else {
            // A member of the top-level object in `.spans` mode.
            after = try scanString(at: i)
            let escaped = lastStringWasEscaped
            if rejectsDuplicateKeys {
                try checkTopLevelDuplicate(quoteAt: i, after: after, escaped: escaped)
            }
            topLevelKeyHasEscapes = escaped
        }
        let colon = skipWhitespace(after)
        guard colon < end, base[colon] == Byte.colon else {
            throw error(at: colon, "expected ':' after key \(JSONWriter.quoted(keyText(quoteAt: i))), found \(describe(colon))")
        }
        let valueStart = skipWhitespace(colon + 1)
        if let keyHasEscapes = topLevelKeyHasEscapes {
            spans.members.append(JSONMemberSpans.Member(
                keyStart: i + 1 - spanOrigin, keyEnd: after - 1 - spanOrigin,
                valueStart: valueStart - spanOrigin, valueEnd: valueStart - spanOrigin,
                kind: .null, keyHasEscapes: keyHasEscapes, valueHasEscapes: false))
        }
        return valueStart
    }

    /// The decoded text of the (already scanned) string whose opening quote is at `q`; used for
    /// messages and for comparing escaped keys.
    private mutating func keyText(quoteAt q: Int) -> String {
        (try? parseString(at: q))?.0 ?? ""
    }

    /// The fingerprint of the string just scanned, whose opening quote is at `i`.
    @inline(__always)
    private func keyFingerprint(quoteAt i: Int, after: Int) -> UInt64 {
        if lastStringWasEscaped {
            return work.scratch.withUnsafeBufferPointer { Self.fingerprint($0) }
        }
        return Self.fingerprint(UnsafeBufferPointer(start: base + i + 1, count: after - i - 2))
    }

    /// ``checkDuplicate(_:hash:at:)`` for a top-level member in `.spans` mode, whose earlier keys
    /// are spans: the same decisions (keys with equal decoded bytes are duplicates), with a
    /// cheaper fingerprint, comparing raw bytes when neither key has escapes and decoded strings
    /// otherwise.
    private mutating func checkTopLevelDuplicate(quoteAt i: Int, after: Int, escaped: Bool) throws(JSONSyntaxError) {
        let hash: UInt64
        if escaped {
            hash = work.scratch.withUnsafeBufferPointer { Self.quickFingerprint($0.baseAddress, $0.count) }
        } else {
            hash = Self.quickFingerprint(base + i + 1, after - i - 2)
        }
        let n = spans.members.count
        let bit: UInt64 = 1 << (hash >> 58)
        if n < Self.linearKeyLimit {
            // No earlier key has this fingerprint's bit: no earlier key can be equal.
            var k = topLevelKeyBits & bit == 0 ? n : 0
            while k < n {
                if spans.keyHashes[k] == hash && sameTopLevelKey(k, quoteAt: i, after: after, escaped: escaped) {
                    throw error(at: i, "duplicate key \(JSONWriter.quoted(keyText(quoteAt: i)))")
                }
                k += 1
            }
        } else {
            let key = keyText(quoteAt: i)
            if work.keySets[0] == nil {
                var set = Set<UTF8Key>(minimumCapacity: n)
                for k in 0..<n { set.insert(UTF8Key(keyText(quoteAt: spanOrigin + spans.members[k].keyStart - 1))) }
                work.keySets[0] = set
            }
            if work.keySets[0]?.insert(UTF8Key(key)).inserted == false {
                throw error(at: i, "duplicate key \(JSONWriter.quoted(key))")
            }
        }
        spans.keyHashes.append(hash)
        topLevelKeyBits |= bit
    }

    /// Whether top-level member `k`'s key equals the key whose opening quote is at `i`.
    private mutating func sameTopLevelKey(_ k: Int, quoteAt i: Int, after: Int, escaped: Bool) -> Bool {
        let member = spans.members[k]
        if !escaped && !member.keyHasEscapes {
            let count = after - i - 2
            guard member.keyEnd - member.keyStart == count else { return false }
            return count == 0 || memcmp(base + spanOrigin + member.keyStart, base + i + 1, count) == 0
        }
        return keyText(quoteAt: spanOrigin + member.keyStart - 1).utf8.elementsEqual(keyText(quoteAt: i).utf8)
    }

    /// Throws when the innermost object already has a member named `key`; records the key's
    /// fingerprint. Keys are compared by fingerprint first, then as strings.
    private mutating func checkDuplicate(_ key: String, hash: UInt64, at i: Int) throws(JSONSyntaxError) {
        let frameIndex = work.frames.count - 1
        if frameIndex >= 0 {
            let keyBase = work.frames[frameIndex].keyBase
            if work.keys.count - keyBase < Self.linearKeyLimit {
                var k = keyBase
                while k < work.keys.count {
                    if work.keyHashes[k] == hash && work.keys[k].utf8.elementsEqual(key.utf8) {
                        throw error(at: i, "duplicate key \(JSONWriter.quoted(key))")
                    }
                    k += 1
                }
            } else {
                if work.keySets[frameIndex] == nil { work.keySets[frameIndex] = Set(work.keys[keyBase...].map(UTF8Key.init)) }
                if work.keySets[frameIndex]?.insert(UTF8Key(key)).inserted == false {
                    throw error(at: i, "duplicate key \(JSONWriter.quoted(key))")
                }
            }
        }
        work.keyHashes.append(hash)
    }

    /// A fingerprint of a key's decoded UTF-8 bytes that reads at most 16 of them: its length,
    /// first and last eight bytes. Enough to tell the keys of a record apart.
    @inline(__always)
    private static func quickFingerprint(_ p: UnsafePointer<UInt8>?, _ n: Int) -> UInt64 {
        guard let p, n > 0 else { return 0 }
        let raw = UnsafeRawPointer(p)
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        if n >= 8 {
            h ^= raw.loadUnaligned(as: UInt64.self) &* 0xC2B2_AE3D_27D4_EB4F
            h ^= raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) &* 0x1656_67B1_9E37_79F9
        } else {
            var w: UInt64 = 0
            for k in 0..<n { w = w << 8 | UInt64(p[k]) }
            h ^= w &* 0xC2B2_AE3D_27D4_EB4F
        }
        return h
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
    mutating func parseString(at i: Int) throws(JSONSyntaxError) -> (String, Int) {
        let after = try scanString(at: i)
        if lastStringWasEscaped { return (String(decoding: work.scratch, as: UTF8.self), after) }
        return (String(decoding: UnsafeBufferPointer(start: base + i + 1, count: after - i - 2), as: UTF8.self), after)
    }

    /// The offset of the first byte at or after `j` that may end the string or need a closer look
    /// (a quote, a backslash, a control character or non-ASCII), skipping eight bytes at a time.
    @inline(__always)
    func skipPlainStringBytes(from j: Int) -> Int {
        var j = j
        while j + 8 <= end {
            let word = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
            if Self.needsAttention(word) { break }
            j += 8
        }
        return j
    }

    /// Validates the string whose opening quote is at `i` and returns the offset after its closing
    /// quote. When it has escapes, its decoded bytes are left in `work.scratch` and
    /// `lastStringWasEscaped` is set.
    mutating func scanString(at i: Int) throws(JSONSyntaxError) -> Int {
        let start = i + 1
        var j = start
        while true {
            j = skipPlainStringBytes(from: j)
            guard j < end else { throw error(at: j, "unexpected end of input in a string") }
            let b = base[j]
            if b == Byte.quote {
                lastStringWasEscaped = false
                return j + 1
            }
            if b == Byte.backslash { return try scanEscapedString(start: start, firstEscape: j) }
            if b < Byte.space { throw controlCharacterError(at: j) }
            j = b < 0x80 ? j + 1 : try validateUTF8(at: j)
        }
    }

    /// Continues a string at its first escape, decoding into the scratch buffer.
    private mutating func scanEscapedString(start: Int, firstEscape: Int) throws(JSONSyntaxError) -> Int {
        work.scratch.removeAll(keepingCapacity: true)
        var runStart = start
        var j = firstEscape
        while true {
            j = skipPlainStringBytes(from: j)
            guard j < end else { throw error(at: j, "unexpected end of input in a string") }
            let b = base[j]
            if b == Byte.quote {
                appendRun(from: runStart, to: j)
                lastStringWasEscaped = true
                return j + 1
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
        if b > a { work.scratch.append(contentsOf: UnsafeBufferPointer(start: base + a, count: b - a)) }
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
        work.scratch.append(simple)
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
            work.scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            work.scratch.append(UInt8(0xC0 | scalar >> 6))
            work.scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            work.scratch.append(UInt8(0xE0 | scalar >> 12))
            work.scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            work.scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            work.scratch.append(UInt8(0xF0 | scalar >> 18))
            work.scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            work.scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            work.scratch.append(UInt8(0x80 | scalar & 0x3F))
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

/// A key compared and hashed by its UTF-8 bytes: two keys are duplicates when their decoded bytes
/// are equal, never merely canonically equivalent (`"é"` and `"e\u{301}"` differ), whether an
/// object's keys are checked by a scan or (past 64 members) in a set.
struct UTF8Key: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
    }
}
