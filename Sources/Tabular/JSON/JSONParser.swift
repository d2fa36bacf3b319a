/// Parses one JSON text (RFC 8259, strictly) from UTF-8 bytes into a ``JSONValue``.
///
/// Rejects trailing commas, `NaN`/`Infinity`, leading zeros, single quotes, comments, unescaped
/// control characters, invalid escapes, lone surrogates, invalid UTF-8, a byte order mark,
/// nesting deeper than ``Options/maximumDepth`` and (by default) duplicate keys. The parser is
/// iterative, so deep input is an error and never a stack overflow.
public struct JSONParser {
    /// How strict the parser is beyond the grammar.
    public struct Options: Sendable {
        /// The deepest nesting of arrays and objects allowed; `[[1]]` has depth 2. Deeper input is
        /// an error. (A limit in the many thousands lets through trees that are deep to free.)
        public var maximumDepth = 512
        /// Whether an object with two members of the same key is an error.
        public var rejectsDuplicateKeys = true

        /// Options with the given limits.
        public init(maximumDepth: Int = 512, rejectsDuplicateKeys: Bool = true) {
            self.maximumDepth = maximumDepth
            self.rejectsDuplicateKeys = rejectsDuplicateKeys
        }
    }

    /// Parses `bytes` as one JSON text: a value with optional whitespace around it.
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, options: Options = .init()
    ) throws(JSONSyntaxError) -> JSONValue {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw JSONSyntaxError(
                message: "unexpected end of input, expected a value", line: 1, column: 1, byteOffset: 0)
        }
        var scanner = JSONScanner(base: base, count: bytes.count, options: options)
        return try scanner.parseDocument(from: 0)
    }

    /// Parses an array of UTF-8 bytes as one JSON text.
    public static func parse(_ bytes: [UInt8], options: Options = .init()) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) {
                return .success(try parse(buffer, options: options))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses the UTF-8 of a string as one JSON text.
    public static func parse(_ text: String, options: Options = .init()) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), options: options)
    }
}
