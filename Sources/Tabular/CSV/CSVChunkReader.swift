/// Reads a large CSV file as a sequence of chunks that each hold only whole records, so the
/// chunks can be parsed in parallel while memory stays bounded by the chunk size.
///
/// The header record is read first (``header``); every chunk after it knows the physical line
/// its first record starts on.
public final class CSVChunkReader {
    /// A run of whole records.
    public struct Chunk: Sendable {
        /// The records' UTF-8 bytes, ending with a line break (or the end of the file).
        public var bytes: [UInt8]
        /// The physical line of the first record.
        public var firstLine: Int
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
    private var carry: [UInt8] = []
    private var nextLine = 1
    private var exhausted = false

    /// Opens `path` and reads its header record.
    public init(path: String, encoding: TextEncoding?, chunkSize: Int = 8 << 20) throws(TextFileError) {
        file = try TextFileReader(path: path, encoding: encoding, chunkSize: chunkSize)
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
                carry.removeFirst(end)
                nextLine = line
                return
            }
            if exhausted { return }  // empty file: no header
        }
    }

    /// The next chunk of whole records; nil at the end of the file.
    ///
    /// - Throws: ``TextFileError`` when the bytes do not decode.
    public func nextChunk() throws(TextFileError) -> Chunk? {
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
}
