/// Writes compact JSON text (no whitespace between tokens).
///
/// Strings are escaped per RFC 8259: `"` and `\` with a backslash, control characters
/// (U+0000–U+001F) as `\u00XX` with lowercase hex, everything else (including non-ASCII) left as
/// UTF-8. Numbers are written as their given text, unchecked; objects with their members in the
/// order given. The output for a value is always the same bytes. Deep values are written without
/// recursion.
public struct JSONWriter {
    /// The JSON text of `value`, as UTF-8 bytes.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        append(value, to: &out)
        return out
    }

    /// The JSON text of `value` laid out for people: two-space indentation, one member or
    /// element per line, `": "` after keys, empty containers as `{}` and `[]`, and a final newline.
    public static func prettyBytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        appendPretty(value, indent: 0, to: &out)
        out.append(0x0A)
        return out
    }

    private static func appendPretty(_ value: JSONValue, indent: Int, to out: inout [UInt8]) {
        func newline(_ depth: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: depth * 2))
        }
        switch value {
        case .array(let elements) where !elements.isEmpty:
            out.append(Byte.openBracket)
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(Byte.comma) }
                newline(indent + 1)
                appendPretty(element, indent: indent + 1, to: &out)
            }
            newline(indent)
            out.append(Byte.closeBracket)
        case .object(let object) where !object.isEmpty:
            out.append(Byte.openBrace)
            for i in object.keys.indices {
                if i > 0 { out.append(Byte.comma) }
                newline(indent + 1)
                appendQuoted(object.keys[i], to: &out)
                out.append(Byte.colon)
                out.append(0x20)
                appendPretty(object.values[i], indent: indent + 1, to: &out)
            }
            newline(indent)
            out.append(Byte.closeBrace)
        default:
            append(value, to: &out)
        }
    }

    /// The JSON text of `value`.
    public static func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// `s` as a quoted, escaped JSON string, e.g. `"say \"hi\""`.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a quoted, escaped JSON string.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(Byte.quote)
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                if b >= 0x20 && b != Byte.quote && b != Byte.backslash {
                    i += 1
                    continue
                }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                out.append(Byte.backslash)
                if b < 0x20 {
                    out.append(contentsOf: [Byte.u, Byte.zero, Byte.zero, hexDigit(b >> 4), hexDigit(b & 0xF)])
                } else {
                    out.append(b)
                }
                i += 1
                runStart = i
            }
            if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
        }
        out.append(Byte.quote)
    }

    /// Appends the JSON text of `value`.
    public static func append(_ value: JSONValue, to out: inout [UInt8]) {
        // Containers being written, innermost last, with the index of their next element.
        var stack: [Frame] = []
        var current = value
        while true {
            // Write `current`; containers are opened and pushed.
            switch current {
            case .null:
                appendASCII("null", to: &out)
            case .bool(let b):
                appendASCII(b ? "true" : "false", to: &out)
            case .number(let text):
                out.append(contentsOf: text.utf8)
            case .string(let s):
                appendQuoted(s, to: &out)
            case .array(let elements):
                out.append(Byte.openBracket)
                stack.append(Frame(keys: nil, values: elements, next: 0))
            case .object(let object):
                out.append(Byte.openBrace)
                stack.append(Frame(keys: object.keys, values: object.values, next: 0))
            }
            // Find the next value to write, closing finished containers.
            var found = false
            while let top = stack.last {
                if top.next < top.values.count {
                    if top.next > 0 { out.append(Byte.comma) }
                    if let keys = top.keys {
                        appendQuoted(keys[top.next], to: &out)
                        out.append(Byte.colon)
                    }
                    current = top.values[top.next]
                    stack[stack.count - 1].next += 1
                    found = true
                    break
                }
                out.append(top.keys == nil ? Byte.closeBracket : Byte.closeBrace)
                stack.removeLast()
            }
            if !found { return }
        }
    }

    private struct Frame {
        var keys: [String]?
        var values: [JSONValue]
        var next: Int
    }

    private static func appendASCII(_ s: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? Byte.zero + v : UInt8(ascii: "a") + v - 10
    }
}
