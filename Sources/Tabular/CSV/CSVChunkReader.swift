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

        /// A chunk holding `bytes`.
        public init(bytes: [UInt8], firstLine: Int) {
            storage = .owned(bytes)
            self.firstLine = firstLine
        }

        init(mapped file: MappedFile, range: Range<Int>, firstLine: Int) {
            storage = .mapped(file, range)
            self.firstLine = firstLine
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
                // The header is complete only if a line break follows it (or the file ended).
                if scanner.position >= bytes.count && !exhausted && (info.range.upperBound == bytes.count) { return nil }
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

    /// The next chunk of a mapped UTF-8 file: whole records up to about `chunkSize` bytes,
    /// validated as UTF-8.
    private func nextMappedChunk(_ mapping: MappedFile) throws(TextFileError) -> Chunk? {
        let all = mapping.bytes
        let start = mappedOffset
        guard start < all.count else { return nil }
        var size = chunkSize
        var boundary: (end: Int, lineFeeds: Int)
        var isASCII = false
        while true {
            let end = min(all.count, start + size)
            let slice = UnsafeBufferPointer(rebasing: all[start..<end])
            if end == all.count {
                let scan = CSVRecordBoundary.asciiQuotesAndLineFeeds(in: slice)
                boundary = (slice.count, scan.lineFeeds)
                isASCII = scan.isASCII
                break
            }
            // The last line feed of the slice; one pass then tells whether it ends a record
            // (an even number of quotes before it), counts the lines and checks for ASCII.
            var last = slice.count - 1
            while last >= 0 && slice[last] != 0x0A { last -= 1 }
            if last >= 0 {
                let scan = CSVRecordBoundary.asciiQuotesAndLineFeeds(in: UnsafeBufferPointer(rebasing: slice[0...last]))
                if scan.quotes & 1 == 0 {
                    boundary = (last + 1, scan.lineFeeds)
                    isASCII = scan.isASCII
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
        switch isASCII ? .valid : UTF8Validation.validate(UnsafeBufferPointer(rebasing: all[range])) {
        case .valid:
            break
        case .truncated(let prefix):
            throw TextFileError(path: path, message: "not valid utf-8: the file ends inside a UTF-8 character at byte offset \(start + prefix)", byteOffset: start + prefix)
        case .invalid(let offset):
            let byte = String(all[start + offset], radix: 16, uppercase: true)
            throw TextFileError(path: path, message: "not valid utf-8: byte 0x\(byte) is not valid UTF-8 at byte offset \(start + offset)", byteOffset: start + offset)
        }
        mappedOffset = range.upperBound
        let line = nextLine
        nextLine += boundary.lineFeeds
        return Chunk(mapped: mapping, range: range, firstLine: line)
    }
}
