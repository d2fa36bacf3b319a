#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a large CSV file as a sequence of chunks that each hold only whole records, so the
/// chunks can be parsed in parallel while memory stays bounded by the chunk size.
///
/// The header record is read first (``header``); every chunk after it knows the physical line
/// its first record starts on.
public final class CSVChunkReader {
    /// A run of whole records.
    public struct Chunk: Sendable {
        /// Where the bytes live: a buffer of their own, or a range of a mapped file.
        enum Storage: Sendable {
            case owned([UInt8])
            case mapped(MappedFile, Range<Int>)
        }

        let storage: Storage
        /// The physical line of the first record.
        public var firstLine: Int
        /// The file, for errors.
        let path: String

        /// A chunk holding `bytes`.
        public init(bytes: [UInt8], firstLine: Int) {
            storage = .owned(bytes)
            self.firstLine = firstLine
            path = ""
        }

        init(mapped file: MappedFile, range: Range<Int>, firstLine: Int, path: String) {
            storage = .mapped(file, range)
            self.firstLine = firstLine
            self.path = path
        }

        /// Checks that a chunk read in place is UTF-8 (a transcoded chunk already is); the error
        /// names the byte offset in the file.
        public func validate() throws(TextFileError) {
            guard case .mapped(let file, let range) = storage else { return }
            switch UTF8Validation.validate(UnsafeBufferPointer(rebasing: file.bytes[range])) {
            case .valid:
                return
            case .truncated(let prefix):
                let at = range.lowerBound + prefix
                throw TextFileError(path: path, message: "not valid utf-8: the file ends inside a UTF-8 character at byte offset \(at)", byteOffset: at)
            case .invalid(let offset):
                let at = range.lowerBound + offset
                let byte = String(file.bytes[at], radix: 16, uppercase: true)
                throw TextFileError(path: path, message: "not valid utf-8: byte 0x\(byte) is not valid UTF-8 at byte offset \(at)", byteOffset: at)
            }
        }

        /// Calls `body` with the records' UTF-8 bytes, which end with a line break (or the end
        /// of the file).
        public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            switch storage {
            case .owned(let bytes): return try bytes.withUnsafeBufferPointer(body)
            case .mapped(let file, let range): return try body(UnsafeBufferPointer(rebasing: file.bytes[range]))
            }
        }

        /// Releases the memory of a chunk read in place once its records are parsed.
        public func discard() {
            if case .mapped(let file, let range) = storage { file.discard(range) }
        }

        /// The number of bytes.
        public var count: Int {
            switch storage {
            case .owned(let bytes): bytes.count
            case .mapped(_, let range): range.count
            }
        }
    }

    /// The header fields, trimmed of surrounding spaces.
    public private(set) var header: [String] = []
    /// A syntax problem in the header record, if any.
    public private(set) var headerProblem: CSVSyntaxProblem?
    /// How the file is encoded.
    public var detected: DetectedEncoding { file.detected }
    /// The file's size in bytes.
    public var fileSize: Int { file.fileSize }

    private let file: TextFileReader
    private let path: String
    private let chunkSize: Int
    private var carry: [UInt8] = []
    private var nextLine = 1
    private var exhausted = false
    /// A UTF-8 file is parsed in place from a mapping; `mappedOffset` is where the next chunk starts.
    private var mapped: MappedFile?
    private var mappedOffset = 0

    /// Opens `path` and reads its header record.
    public init(path: String, encoding: TextEncoding?, chunkSize: Int = 8 << 20) throws(TextFileError) {
        file = try TextFileReader(path: path, encoding: encoding, chunkSize: chunkSize)
        self.path = path
        self.chunkSize = chunkSize
        // Read until the header record is complete.
        while true {
            let more = try file.nextChunk(into: &carry)
            if !more { exhausted = true }
            let headerEnd = carry.withUnsafeBufferPointer { bytes -> (Int, [String], CSVSyntaxProblem?, Int)? in
                var scanner = CSVScanner(bytes)
                var fields: [CSVField] = []
                guard let info = scanner.next(into: &fields) else { return nil }
                // The header is complete only if its line feed has been read (or the file ended): a
                // CR at the end of what was read may be the first half of a CRLF split between reads.
                let endsWithLineFeed = scanner.position > 0 && bytes[scanner.position - 1] == 0x0A
                if !endsWithLineFeed && !exhausted { return nil }
                if scanner.endedInsideQuotes && !exhausted { return nil }
                let names = fields.map { field in
                    scanner.withValue(field) { String(decoding: TextTrimming.trimmed($0), as: UTF8.self) }
                }
                return (scanner.position, names, info.problem ?? (scanner.endedInsideQuotes ? CSVSyntaxProblem(fieldNumber: fields.count, message: "the header ends inside quotes") : nil), scanner.line)
            }
            if let (end, names, problem, line) = headerEnd {
                header = names
                headerProblem = problem
                nextLine = line
                // UTF-8 (the usual large export): parse the rest in place from a mapping.
                if file.detected.encoding == .utf8, !exhausted, let mapping = MappedFile(path: path) {
                    mapped = mapping
                    mappedOffset = (file.detected.hasByteOrderMark ? 3 : 0) + end
                    carry = []
                    return
                }
                carry.removeFirst(end)
                return
            }
            if exhausted { return }  // empty file: no header
        }
    }

    /// The next chunk of whole records; nil at the end of the file.
    ///
    /// - Throws: ``TextFileError`` when the bytes do not decode.
    public func nextChunk() throws(TextFileError) -> Chunk? {
        if let mapped { return try nextMappedChunk(mapped) }
        while true {
            if !exhausted {
                let before = carry.count
                if !(try file.nextChunk(into: &carry)) { exhausted = true }
                if carry.count == before && !exhausted { continue }
            }
            if carry.isEmpty { return nil }
            let boundary: (end: Int, lineFeeds: Int)? = exhausted
                ? (carry.count, carry.withUnsafeBufferPointer { CSVRecordBoundary.lineFeeds(in: $0) })
                : carry.withUnsafeBufferPointer { CSVRecordBoundary.endOfLastRecord(in: $0) }
            guard let boundary, boundary.end > 0 else { continue }  // one record longer than a chunk: read more
            // Hand out the buffer itself and keep only the (short) partial record after the boundary.
            let remainder = Array(carry[boundary.end...])
            var bytes = carry
            carry = remainder
            bytes.removeLast(bytes.count - boundary.end)
            let line = nextLine
            nextLine += boundary.lineFeeds
            return Chunk(bytes: bytes, firstLine: line)
        }
    }

    /// The next chunk of a mapped UTF-8 file: whole records up to about `chunkSize` bytes. Its
    /// bytes are checked as UTF-8 by ``Chunk/validate()``, which the parallel workers call, so
    /// this serial step only finds the boundary and counts lines.
    private func nextMappedChunk(_ mapping: MappedFile) throws(TextFileError) -> Chunk? {
        let all = mapping.bytes
        let start = mappedOffset
        guard start < all.count else { return nil }
        var size = chunkSize
        var boundary: (end: Int, lineFeeds: Int)
        while true {
            let end = min(all.count, start + size)
            let slice = UnsafeBufferPointer(rebasing: all[start..<end])
            if end == all.count {
                boundary = (slice.count, CSVRecordBoundary.lineFeeds(in: slice))
                break
            }
            // The last line feed of the slice ends a record when no quote comes before it (the
            // usual case, found by memchr) or when the quotes before it are balanced.
            var last = slice.count - 1
            while last >= 0 && slice[last] != 0x0A { last -= 1 }
            if last >= 0 {
                let prefix = UnsafeBufferPointer(rebasing: slice[0...last])
                if let base = prefix.baseAddress, memchr(base, 0x22, prefix.count) == nil {
                    boundary = (last + 1, CSVRecordBoundary.lineFeeds(in: prefix))
                    break
                }
                if let found = CSVRecordBoundary.endOfLastRecord(in: slice) {
                    boundary = found
                    break
                }
            }
            size *= 2  // one record longer than a chunk: look further
        }
        let range = start..<(start + boundary.end)
        mappedOffset = range.upperBound
        let line = nextLine
        nextLine += boundary.lineFeeds
        return Chunk(mapped: mapping, range: range, firstLine: line, path: path)
    }
}
