/// Scans RFC 4180 CSV in UTF-8 bytes, one record at a time, without copying fields.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; records end with LF or CRLF
/// (a lone CR inside an unquoted field is kept as data). Every record carries the physical line
/// it starts on. The scanner reuses the caller's field array, so scanning allocates nothing per
/// record.
///
/// ```swift
/// var scanner = CSVScanner(bytes)
/// var fields: [CSVField] = []
/// while let info = scanner.next(into: &fields) {
///     let name = scanner.string(fields[1])
/// }
/// ```
public struct CSVScanner {
    /// The bytes being scanned (UTF-8).
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next record.
    public private(set) var position: Int
    /// The physical line number of the next record.
    public private(set) var line: Int
    /// Whether the input ended inside a quoted field (a truncated export).
    public private(set) var endedInsideQuotes = false

    /// Starts scanning `bytes`, whose first byte is on line `firstLine`.
    public init(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) {
        self.bytes = bytes
        self.position = 0
        self.line = firstLine
    }

    /// Scans the next record into `fields` (cleared first); nil at the end of the input.
    ///
    /// An empty line yields a record with one empty field.
    /// - Complexity: O(length of the record).
    public mutating func next(into fields: inout [CSVField]) -> CSVRecordInfo? {
        var buffer = CSVFieldBuffer(reusing: fields)
        let info = next(into: &buffer)
        fields = buffer.fields
        return info
    }

    /// Scans the next record into `buffer` (its fields replaced); nil at the end of the input.
    /// The buffer grows when a record has more fields than it holds, so scanning allocates
    /// nothing per record.
    ///
    /// - Complexity: O(length of the record).
    public mutating func next(into buffer: inout CSVFieldBuffer) -> CSVRecordInfo? {
        let saved = (position, line, endedInsideQuotes)
        while true {
            let (info, fieldCount) = buffer.storage.withUnsafeMutableBufferPointer { scanRecord(into: $0) }
            if fieldCount <= buffer.storage.count {
                buffer.count = fieldCount
                return info
            }
            // More fields than room: grow and scan the record again.
            (position, line, endedInsideQuotes) = saved
            buffer.storage = [CSVField](repeating: CSVField(start: 0, end: 0), count: fieldCount * 2)
        }
    }

    /// Scans one record, writing as many fields as `out` holds; returns the record and its
    /// number of fields (which may exceed `out.count`).
    @inline(__always)
    private mutating func scanRecord(into out: UnsafeMutableBufferPointer<CSVField>) -> (CSVRecordInfo?, Int) {
        let capacity = out.count
        var n = 0
        @inline(__always) func add(_ field: CSVField) {
            if n < capacity { out[n] = field }
            n += 1
        }
        let count = bytes.count
        guard position < count, let base = bytes.baseAddress else { return (nil, 0) }
        let recordStart = position
        let recordLine = line
        var problem: CSVSyntaxProblem?
        var i = position
        var recordEnd = count
        var nextPosition = count
        fieldLoop: while true {
            if i < count && base[i] == 0x22 {  // quoted field
                let start = i + 1
                var j = start
                var doubled = false
                var closed = false
                while j < count {
                    let b = base[j]
                    if b == 0x22 {
                        if j + 1 < count && base[j + 1] == 0x22 { doubled = true; j += 2; continue }
                        closed = true
                        break
                    }
                    if b == 0x0A { line += 1 }
                    j += 1
                }
                add(CSVField(start: start, end: j, isQuoted: true, hasDoubledQuotes: doubled))
                if !closed {
                    endedInsideQuotes = true
                    problem = problem ?? CSVSyntaxProblem(fieldNumber: n, message: "unterminated quoted field (the file ends inside quotes)")
                    recordEnd = count; nextPosition = count
                    break fieldLoop
                }
                i = j + 1
                // After the closing quote: a separator, a line end, or the end of input.
                if i >= count { recordEnd = count; nextPosition = count; break fieldLoop }
                var b = base[i]
                if b != 0x2C && b != 0x0A && !(b == 0x0D && i + 1 < count && base[i + 1] == 0x0A) && !(b == 0x0D && i + 1 == count) {
                    problem = problem ?? CSVSyntaxProblem(fieldNumber: n, message: "unexpected text after the closing quote of field \(n)")
                    // Skip to the next separator or line end, keeping the text out of the field.
                    while i < count {
                        b = base[i]
                        if b == 0x2C || b == 0x0A { break }
                        i += 1
                    }
                    if i >= count { recordEnd = count; nextPosition = count; break fieldLoop }
                }
                if b == 0x2C { i += 1; continue fieldLoop }
                if b == 0x0D { recordEnd = i; nextPosition = min(i + 2, count); line += (i + 1 < count ? 1 : 0); break fieldLoop }
                recordEnd = i; nextPosition = i + 1; line += 1
                break fieldLoop
            }
            // Unquoted field: up to a comma or a line end, eight bytes at a time.
            let start = i
            let raw = UnsafeRawPointer(base)
            while i &+ 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let found = Self.zeroBytes(word ^ 0x2C2C_2C2C_2C2C_2C2C) | Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                if found != 0 {
                    i &+= found.trailingZeroBitCount >> 3
                    break
                }
                i &+= 8
            }
            if i &+ 8 > count {
                while i < count {
                    let b = base[i]
                    if b == 0x2C || b == 0x0A { break }
                    i += 1
                }
            }
            var end = i
            if i >= count {
                if end > start && base[end - 1] == 0x0D { end -= 1 }
                add(CSVField(start: start, end: end))
                recordEnd = end; nextPosition = count
                break fieldLoop
            }
            if base[i] == 0x2C {
                add(CSVField(start: start, end: end))
                i += 1
                continue fieldLoop
            }
            // LF (possibly after CR).
            if end > start && base[end - 1] == 0x0D { end -= 1 }
            add(CSVField(start: start, end: end))
            recordEnd = end; nextPosition = i + 1; line += 1
            break fieldLoop
        }
        position = nextPosition
        return (CSVRecordInfo(line: recordLine, range: recordStart..<recordEnd, problem: problem), n)
    }

    /// The fast path for the usual record of a large export: exactly `width` fields, none of them
    /// quoted. Writes the fields into `fields` (which must hold `width`) and returns the record's
    /// line; returns nil and consumes nothing when the record holds a quote, has another number of
    /// fields, or the input has ended — then ``next(into:)-(CSVFieldBuffer)`` reads it.
    ///
    /// - Complexity: O(length of the record), eight bytes at a time.
    public mutating func nextPlainRecord(width: Int, into fields: UnsafeMutableBufferPointer<CSVField>) -> CSVRecordInfo? {
        let count = bytes.count
        guard position < count, width > 0, fields.count >= width, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = position
        var fieldStart = i
        var k = 0
        while true {
            // The next comma, line feed or quote.
            while i &+ 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let found = Self.zeroBytes(word ^ 0x2C2C_2C2C_2C2C_2C2C) | Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                    | Self.zeroBytes(word ^ 0x2222_2222_2222_2222)
                if found != 0 {
                    i &+= found.trailingZeroBitCount >> 3
                    break
                }
                i &+= 8
            }
            if i &+ 8 > count {
                while i < count {
                    let b = base[i]
                    if b == 0x2C || b == 0x0A || b == 0x22 { break }
                    i += 1
                }
            }
            if i < count && base[i] == 0x2C {
                guard k < width - 1 else { return nil }
                fields[k] = CSVField(start: fieldStart, end: i)
                k += 1
                i += 1
                fieldStart = i
                continue
            }
            if i < count && base[i] == 0x22 { return nil }
            // A line feed, or the end of the input.
            guard k == width - 1 else { return nil }
            var end = i
            if end > fieldStart && base[end - 1] == 0x0D { end -= 1 }
            fields[k] = CSVField(start: fieldStart, end: end)
            let info = CSVRecordInfo(line: line, range: position..<end, problem: nil)
            if i < count {
                position = i + 1
                line += 1
            } else {
                position = count
            }
            return info
        }
    }

    /// High bits set at the zero bytes of `x`; the lowest set bit marks exactly the first zero
    /// byte (bits above it may be false positives, which callers never look at).
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Calls `body` with the field's value as bytes, doubled quotes undone.
    public func withValue<R>(_ field: CSVField, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let slice = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.hasDoubledQuotes else { return try body(slice) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(slice.count)
        var k = 0
        while k < slice.count {
            unescaped.append(slice[k])
            if slice[k] == 0x22 && k + 1 < slice.count && slice[k + 1] == 0x22 { k += 2 } else { k += 1 }
        }
        return try unescaped.withUnsafeBufferPointer(body)
    }

    /// The field's value as a string, doubled quotes undone (not trimmed).
    public func string(_ field: CSVField) -> String {
        withValue(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// The most bytes of a record that ``rawText(_:)`` keeps.
    public static let maximumRawTextBytes = 4096

    /// The record's raw text, as it stands in the file (for quarantine entries): at most
    /// ``maximumRawTextBytes`` bytes, cut at a character boundary, so that a row with a huge
    /// field does not copy it into every report of it.
    public func rawText(_ info: CSVRecordInfo) -> String {
        var end = info.range.upperBound
        if info.range.count > Self.maximumRawTextBytes {
            end = info.range.lowerBound + Self.maximumRawTextBytes
            var back = 0
            while back < 3 && end > info.range.lowerBound && bytes[end] & 0xC0 == 0x80 {
                end -= 1
                back += 1
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[info.range.lowerBound..<end]), as: UTF8.self)
    }
}
