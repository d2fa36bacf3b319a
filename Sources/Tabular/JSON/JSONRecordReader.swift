#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file that is JSON Lines or one JSON array of records, record by record.
///
/// A UTF-8 byte order mark at the start is skipped (and not counted in line 1's columns).
/// Error positions are file positions: the physical line, the column within that line, and the
/// byte offset from the start of the file.
public struct JSONRecordReader {
    /// How the records are laid out in the file.
    public enum Layout: Sendable {
        /// One JSON value per line (JSON Lines / NDJSON).
        case lines
        /// One JSON array whose elements are the records.
        case array
    }

    /// One record or the error that stopped it.
    public struct Record: Equatable, Sendable {
        /// The 1-based line number for JSON Lines; the 1-based element index for an array.
        public let position: Int
        /// The 1-based physical line where the record starts.
        public let line: Int
        /// The parsed value, or why the record is not JSON.
        public let result: Result<JSONValue, JSONSyntaxError>
        /// The record's source text, without its line end; at most ``maximumRawTextBytes``
        /// bytes (cut at a character boundary). Invalid UTF-8 is shown as U+FFFD.
        public let rawText: String

        /// Creates a record.
        public init(position: Int, line: Int, result: Result<JSONValue, JSONSyntaxError>, rawText: String) {
            self.position = position
            self.line = line
            self.result = result
            self.rawText = rawText
        }
    }

    /// One record as the spans of its top-level members, or the error that stopped it; handed
    /// out by ``readSpans(_:layout:options:_:)`` and valid only during that call.
    public struct SpanRecord {
        /// The 1-based line number for JSON Lines; the 1-based element index for an array.
        public let position: Int
        /// The 1-based physical line where the record starts.
        public let line: Int
        /// The record's bytes within the input: for JSON Lines the line without its line end,
        /// for an array the element's text. The offsets of ``spans`` refer to this buffer.
        public let document: UnsafeBufferPointer<UInt8>
        /// Where ``document`` lies in the input, as byte offsets from its start.
        public let byteRange: Range<Int>
        /// Success when the record is valid JSON, or why it is not (the same error as
        /// ``Record/result`` of ``read(_:layout:options:_:)``).
        public let result: Result<Void, JSONSyntaxError>
        /// The record's top-level members (none when it failed or is not an object; see
        /// ``JSONMemberSpans/topLevelKind``). Reused for the next record.
        public let spans: JSONMemberSpans

        /// The record's source text, made when asked for, as ``Record/rawText``: at most
        /// ``maximumRawTextBytes`` bytes, cut at a character boundary, invalid UTF-8 as U+FFFD.
        public var rawText: String {
            guard let start = document.baseAddress else { return "" }
            return JSONRecordReader.rawText(start, from: 0, to: document.count)
        }
    }

    /// The most bytes of source text kept in ``Record/rawText``.
    public static let maximumRawTextBytes = 4096

    /// The layout of `bytes`: `.array` when the first byte after an optional byte order mark and
    /// whitespace is `[`, otherwise `.lines`.
    public static func detectLayout(_ bytes: UnsafeBufferPointer<UInt8>) -> Layout {
        var i = bomLength(bytes)
        while i < bytes.count {
            switch bytes[i] {
            case Byte.space, Byte.tab, Byte.lf, Byte.cr: i += 1
            case Byte.openBracket: return .array
            default: return .lines
            }
        }
        return .lines
    }

    /// Calls `body` for every record of `bytes` in order.
    ///
    /// The layout is detected with ``detectLayout(_:)`` unless given. In JSON Lines, blank lines
    /// (only whitespace, including the CR of a CRLF) are skipped, and a bad line is a record with
    /// `.failure` after which reading continues. In an array, a bad element is a `.failure`
    /// record when its end can still be found (the `,` or `]` after it at nesting level zero);
    /// an error outside the elements (a missing comma, a truncated array, text after the array)
    /// cannot be recovered and is thrown as a ``JSONSyntaxError``. Errors thrown by `body` are
    /// rethrown. `options` apply to each record (in an array, the array itself is one level).
    public static func read(
        _ bytes: UnsafeBufferPointer<UInt8>,
        layout: Layout? = nil,
        options: JSONParser.Options = .init(),
        _ body: (Record) throws -> Void
    ) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var scanner = JSONScanner(base: base, count: bytes.count, options: options)
        switch layout ?? detectLayout(bytes) {
        case .lines:
            try readLines(&scanner, bytes.count, from: bomLength(bytes), body)
        case .array:
            try readArray(&scanner, bytes.count, from: bomLength(bytes), body)
        }
    }

    /// Calls `body` for every record of `bytes` in order; see the buffer overload.
    public static func read(
        _ bytes: [UInt8],
        layout: Layout? = nil,
        options: JSONParser.Options = .init(),
        _ body: (Record) throws -> Void
    ) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            try read(buffer, layout: layout, options: options, body)
        }
    }

    /// All records of `bytes`, in order.
    public static func readAll(
        _ bytes: [UInt8], layout: Layout? = nil, options: JSONParser.Options = .init()
    ) throws -> [Record] {
        var records: [Record] = []
        try read(bytes, layout: layout, options: options) { records.append($0) }
        return records
    }

    /// Calls `body` for every record of `bytes` in order, as the spans of its top-level members
    /// instead of a tree: the same records, positions, lines, errors and layout rules as
    /// ``read(_:layout:options:_:)``, but nothing is built, so reading allocates nothing per
    /// record beyond what `body` asks for. The record (its ``SpanRecord/document`` and
    /// ``SpanRecord/spans``) is valid only during the call of `body`.
    public static func readSpans(
        _ bytes: UnsafeBufferPointer<UInt8>,
        layout: Layout? = nil,
        options: JSONParser.Options = .init(),
        _ body: (SpanRecord) throws -> Void
    ) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var scanner = JSONScanner(base: base, count: bytes.count, options: options)
        switch layout ?? detectLayout(bytes) {
        case .lines:
            try forEachLine(&scanner, bytes.count, from: bomLength(bytes)) { scanner, lineNumber, lineStart, first, contentEnd in
                scanner.spanOrigin = lineStart
                let result: Result<Void, JSONSyntaxError>
                do throws(JSONSyntaxError) {
                    try scanner.scanSpansDocument(from: first)
                    result = .success(())
                } catch {
                    result = .failure(error)
                }
                try body(SpanRecord(
                    position: lineNumber, line: lineNumber,
                    document: UnsafeBufferPointer(start: base + lineStart, count: contentEnd - lineStart),
                    byteRange: lineStart..<contentEnd, result: result, spans: scanner.spans))
            }
        case .array:
            try forEachElement(
                &scanner, bytes.count, from: bomLength(bytes),
                parse: { (scanner, i) throws(JSONSyntaxError) -> Int in
                    scanner.spanOrigin = i
                    return try scanner.scanSpans(at: i, enclosingDepth: 1)
                },
                deliver: { scanner, position, line, start, end, result in
                    try body(SpanRecord(
                        position: position, line: line,
                        document: UnsafeBufferPointer(start: base + start, count: end - start),
                        byteRange: start..<end, result: result, spans: scanner.spans))
                })
        }
    }

    /// Calls `body` for every record of `bytes` in order, as spans; see the buffer overload.
    public static func readSpans(
        _ bytes: [UInt8],
        layout: Layout? = nil,
        options: JSONParser.Options = .init(),
        _ body: (SpanRecord) throws -> Void
    ) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            try readSpans(buffer, layout: layout, options: options, body)
        }
    }

    // MARK: - JSON Lines

    private static func readLines(
        _ scanner: inout JSONScanner, _ count: Int, from start: Int, _ body: (Record) throws -> Void
    ) throws {
        let base = scanner.base
        try forEachLine(&scanner, count, from: start) { scanner, lineNumber, lineStart, first, contentEnd in
            let result: Result<JSONValue, JSONSyntaxError>
            do throws(JSONSyntaxError) {
                result = .success(try scanner.parseDocument(from: first))
            } catch {
                result = .failure(error)
            }
            let raw = rawText(base, from: lineStart, to: contentEnd)
            try body(Record(position: lineNumber, line: lineNumber, result: result, rawText: raw))
        }
    }

    /// Calls `handle` with the line number, line start, first non-blank byte and content end
    /// (before CR LF) of every non-blank line, with the scanner set to parse that line.
    private static func forEachLine(
        _ scanner: inout JSONScanner, _ count: Int, from start: Int,
        _ handle: (_ scanner: inout JSONScanner, _ lineNumber: Int, _ lineStart: Int, _ first: Int, _ contentEnd: Int) throws -> Void
    ) rethrows {
        let base = scanner.base
        var lineStart = start
        var lineNumber = 1
        while lineStart < count {
            let lineEnd = indexOfLineFeed(base, from: lineStart, to: count)
            var contentEnd = lineEnd
            if contentEnd > lineStart && base[contentEnd - 1] == Byte.cr { contentEnd -= 1 }
            var first = lineStart
            while first < contentEnd && isWhitespace(base[first]) { first += 1 }
            if first < contentEnd {
                scanner.end = contentEnd
                scanner.lineStart = lineStart
                scanner.lineNumber = lineNumber
                try handle(&scanner, lineNumber, lineStart, first, contentEnd)
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
    }

    // MARK: - Array

    private static func readArray(
        _ scanner: inout JSONScanner, _ count: Int, from start: Int, _ body: (Record) throws -> Void
    ) throws {
        let base = scanner.base
        var parsed = JSONValue.null
        try forEachElement(
            &scanner, count, from: start,
            parse: { (scanner, i) throws(JSONSyntaxError) -> Int in
                let (value, after) = try scanner.parseValue(at: i, enclosingDepth: 1)
                parsed = value
                return after
            },
            deliver: { _, position, line, elementStart, elementEnd, result in
                let raw = rawText(base, from: elementStart, to: elementEnd)
                let record = result.map { parsed }
                parsed = .null
                try body(Record(position: position, line: line, result: record, rawText: raw))
            })
    }

    /// Walks the elements of an array of records: `parse` scans the element at an offset and
    /// returns the offset after it; `deliver` gets the element's position, line, text range and
    /// outcome. A bad element is delivered as a failure when its end can be found; errors outside
    /// the elements are thrown.
    private static func forEachElement(
        _ scanner: inout JSONScanner, _ count: Int, from start: Int,
        parse: (_ scanner: inout JSONScanner, _ at: Int) throws(JSONSyntaxError) -> Int,
        deliver: (
            _ scanner: inout JSONScanner, _ position: Int, _ line: Int, _ start: Int, _ end: Int,
            _ result: Result<Void, JSONSyntaxError>
        ) throws -> Void
    ) throws {
        let base = scanner.base
        scanner.end = count
        scanner.lineStart = start
        scanner.lineNumber = 1
        // The line cursor: `cursorLine` starts at `cursorLineStart`; LFs before `cursor` are counted.
        var cursor = start
        var cursorLine = 1
        var cursorLineStart = start
        func advance(to target: Int) {
            while cursor < target {
                let lf = indexOfLineFeed(base, from: cursor, to: target)
                if lf >= target { break }
                cursorLine += 1
                cursorLineStart = lf + 1
                cursor = lf + 1
            }
            cursor = max(cursor, target)
        }

        var i = scanner.skipWhitespace(start)
        guard i < count else { return }
        guard base[i] == Byte.openBracket else {
            throw scanner.error(at: i, "expected '[' to start an array of records, found \(scanner.describe(i))")
        }
        i = scanner.skipWhitespace(i + 1)
        var position = 0
        if i < count && base[i] == Byte.closeBracket {
            i += 1
        } else {
            while true {
                guard i < count else {
                    throw scanner.error(at: i, "unexpected end of input, expected an array element")
                }
                position += 1
                advance(to: i)
                scanner.lineStart = cursorLineStart
                scanner.lineNumber = cursorLine
                let elementStart = i
                let result: Result<Void, JSONSyntaxError>
                var elementEnd: Int
                do throws(JSONSyntaxError) {
                    elementEnd = try parse(&scanner, i)
                    result = .success(())
                } catch {
                    guard let recovered = scanner.recoverElementEnd(from: elementStart) else { throw error }
                    result = .failure(error)
                    elementEnd = recovered
                    while elementEnd > elementStart && isWhitespace(base[elementEnd - 1]) { elementEnd -= 1 }
                }
                try deliver(&scanner, position, cursorLine, elementStart, elementEnd, result)

                i = scanner.skipWhitespace(elementEnd)
                guard i < count, base[i] == Byte.comma || base[i] == Byte.closeBracket else {
                    throw scanner.error(at: i, "expected ',' or ']' after an array element, found \(scanner.describe(i))")
                }
                if base[i] == Byte.closeBracket {
                    i += 1
                    break
                }
                let comma = i
                i = scanner.skipWhitespace(i + 1)
                if i < count && base[i] == Byte.closeBracket {
                    throw scanner.error(at: comma, "trailing comma before ']'")
                }
            }
        }
        i = scanner.skipWhitespace(i)
        if i < count {
            throw scanner.error(at: i, "unexpected \(scanner.describe(i)) after the array of records")
        }
    }

    // MARK: - Helpers

    private static func bomLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    @inline(__always)
    private static func isWhitespace(_ b: UInt8) -> Bool {
        b == Byte.space || b == Byte.tab || b == Byte.cr || b == Byte.lf
    }

    /// The offset of the first LF in `[from, to)`, or `to` when there is none.
    private static func indexOfLineFeed(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to else { return to }
        guard let hit = memchr(base + from, Int32(Byte.lf), to - from) else { return to }
        return from + (UnsafeRawPointer(hit) - UnsafeRawPointer(base + from))
    }

    /// The text of `[from, to)`, cut to ``maximumRawTextBytes`` at a character boundary.
    private static func rawText(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> String {
        var end = to
        if end - from > maximumRawTextBytes {
            end = from + maximumRawTextBytes
            var back = 0
            while back < 3 && end > from && base[end] & 0xC0 == 0x80 {
                end -= 1
                back += 1
            }
        }
        return String(decoding: UnsafeBufferPointer(start: base + from, count: end - from), as: UTF8.self)
    }
}
