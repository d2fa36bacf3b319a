#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a text file in bounded chunks and hands them out as UTF-8, whatever the file's encoding.
///
/// With `encoding: nil` the encoding is detected from the first chunk: a byte-order mark,
/// else strict UTF-8, else CP932 (Shift_JIS as Windows writes it), else an error naming the
/// byte offset of the first byte that neither can decode. A byte-order mark is never part of
/// the text. Memory stays bounded by the chunk size, however large the file.
public final class TextFileReader {
    /// The file's path, as given.
    public let path: String
    /// The file's size in bytes.
    public let fileSize: Int
    /// How the file is encoded (detected or declared).
    public private(set) var detected: DetectedEncoding
    private let descriptor: Int32
    private let chunkSize: Int
    private var pending: [UInt8] = []        // raw bytes read but not yet handed out
    private var pendingOffset = 0           // file offset of pending[0]
    private var atEnd = false
    private var bytesRead = 0
    private var transcoder: Transcoder?

    /// Opens `path`; `encoding` nil means detect it.
    ///
    /// - Throws: ``TextFileError`` when the file cannot be opened or read, or its first chunk
    ///   decodes in no acceptable encoding.
    public init(path: String, encoding: TextEncoding?, chunkSize: Int = 8 << 20) throws(TextFileError) {
        self.path = path
        self.chunkSize = max(chunkSize, 64)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw TextFileError(path: path, message: errno == ENOENT ? "file not found" : "cannot open: \(String(cString: strerror(errno)))")
        }
        descriptor = fd
        var info = stat()
        if fstat(fd, &info) != 0 || (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw TextFileError(path: path, message: "not a regular file")
        }
        fileSize = Int(info.st_size)
        detected = DetectedEncoding(.utf8)
        // Every stored property is set from here on, so when this throws, deinit runs and closes
        // the descriptor; closing it here too would close whatever another thread opened since.
        try fill()
        try detect(declared: encoding)
    }

    deinit { close(descriptor) }

    /// Appends the next chunk of text, as UTF-8, to `buffer`. Returns false once the file is
    /// exhausted (nothing appended). A chunk may end in the middle of a line but never in the
    /// middle of a character.
    ///
    /// - Throws: ``TextFileError`` naming the byte offset of the first undecodable byte.
    public func nextChunk(into buffer: inout [UInt8]) throws(TextFileError) -> Bool {
        if pending.isEmpty { try fill() }
        if pending.isEmpty && atEnd {
            if let transcoder {
                do { try transcoder.transcode(UnsafeBufferPointer(start: nil, count: 0), final: true, into: &buffer) }
                catch { throw TextFileError(path: path, decoding: error, encoding: detected) }
                self.transcoder = nil
                return true
            }
            return false
        }
        let chunk = pending
        let chunkOffset = pendingOffset
        pending.removeAll(keepingCapacity: true)
        pendingOffset = chunkOffset + chunk.count
        let final = atEnd
        if let transcoder {
            do {
                try chunk.withUnsafeBufferPointer { bytes throws(TextDecodingError) in
                    try transcoder.transcode(bytes, final: final, into: &buffer)
                }
            } catch { throw TextFileError(path: path, decoding: error, encoding: detected) }
            if final { self.transcoder = nil }
            return true
        }
        // UTF-8: validate, hand out the complete characters, keep a split one for later.
        let outcome = chunk.withUnsafeBufferPointer { UTF8Validation.validate($0) }
        switch outcome {
        case .valid:
            if buffer.isEmpty { buffer = chunk } else { buffer.append(contentsOf: chunk) }
        case .truncated(let prefix) where !final:
            buffer.append(contentsOf: chunk[0..<prefix])
            pending = Array(chunk[prefix...])
            pendingOffset = chunkOffset + prefix
            try fill()
        case .truncated(let prefix):
            throw TextFileError(path: path, decoding: TextDecodingError(byteOffset: chunkOffset + prefix, message: "the file ends inside a UTF-8 character"), encoding: detected)
        case .invalid(let offset):
            let byte = String(chunk[offset], radix: 16, uppercase: true)
            throw TextFileError(path: path, decoding: TextDecodingError(byteOffset: chunkOffset + offset, message: "byte 0x\(byte) is not valid UTF-8"), encoding: detected)
        }
        return true
    }

    /// Reads the rest of the file into one UTF-8 buffer.
    public func readAll() throws(TextFileError) -> [UInt8] {
        var all: [UInt8] = []
        all.reserveCapacity(fileSize + fileSize / 2)
        while try nextChunk(into: &all) {}
        return all
    }

    /// Reads raw bytes until `pending` holds a chunk or the file ends.
    private func fill() throws(TextFileError) {
        guard !atEnd else { return }
        // A small file needs no chunk-sized buffer: ask for what is left (plus one byte to see the end).
        let want = min(chunkSize, max(fileSize - bytesRead, 0) + 1)
        var failure: Int32 = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: want) { buffer, initialized in
            var got = 0
            while got < want {
                let n = read(descriptor, buffer.baseAddress! + got, want - got)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                got += n
            }
            initialized = got
        }
        if failure != 0 { throw TextFileError(path: path, message: "cannot read: \(String(cString: strerror(failure)))") }
        bytesRead += chunk.count
        if chunk.count < want { atEnd = true }
        if pending.isEmpty { pending = chunk } else { pending.append(contentsOf: chunk) }
    }

    /// Decides the encoding from the first chunk (or checks the declared one's byte-order mark).
    private func detect(declared: TextEncoding?) throws(TextFileError) {
        let bom = byteOrderMark()
        if let (encoding, length) = bom {
            // A declared encoding that contradicts the mark is still read by the mark: the mark is certain.
            pending.removeFirst(length)
            pendingOffset = length
            detected = DetectedEncoding(encoding, hasByteOrderMark: true)
        } else if let declared {
            detected = DetectedEncoding(declared == .utf16BigEndian ? .utf16BigEndian : declared)
        } else {
            detected = try sniff()
        }
        if detected.encoding != .utf8 {
            do { transcoder = try Transcoder(from: detected.encoding) }
            catch { throw TextFileError(path: path, decoding: error, encoding: detected) }
        }
    }

    private func byteOrderMark() -> (TextEncoding, Int)? {
        if pending.count >= 3, pending[0] == 0xEF, pending[1] == 0xBB, pending[2] == 0xBF { return (.utf8, 3) }
        if pending.count >= 2, pending[0] == 0xFF, pending[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if pending.count >= 2, pending[0] == 0xFE, pending[1] == 0xFF { return (.utf16BigEndian, 2) }
        return nil
    }

    /// Strict UTF-8, else CP932, else an error at the byte where the encoding that reads
    /// further fails. UTF-16 without a byte-order mark (which is valid UTF-8 when it is ASCII)
    /// and a ZIP archive (a workbook saved under a text file's name) are errors that say so.
    private func sniff() throws(TextFileError) -> DetectedEncoding {
        let final = atEnd
        if Self.isZIPArchive(pending) {
            throw TextFileError(path: path, message: "the file is a ZIP archive (an .xlsx workbook?), not text: export the sheet as CSV",
                                byteOffset: 0)
        }
        if let endianness = Self.unmarkedUTF16(pending) {
            throw TextFileError(
                path: path,
                message: "the file looks like UTF-16 \(endianness) without a byte-order mark (every other byte is 0x00); "
                    + "set the source's encoding to utf-16 in the pipeline, or save the file as UTF-8",
                byteOffset: 0)
        }
        let utf8 = pending.withUnsafeBufferPointer { UTF8Validation.validate($0) }
        switch utf8 {
        case .valid: return DetectedEncoding(.utf8)
        case .truncated where !final: return DetectedEncoding(.utf8)
        default: break
        }
        let utf8Offset: Int = switch utf8 {
        case .invalid(let offset): offset
        case .truncated(let prefix): prefix
        case .valid: 0
        }
        do {
            let probe = try Transcoder(from: .shiftJIS)
            var sink: [UInt8] = []
            try pending.withUnsafeBufferPointer { bytes throws(TextDecodingError) in
                try probe.transcode(bytes, final: final, into: &sink)
            }
            return DetectedEncoding(.shiftJIS)
        } catch {
            // The encoding that reads further is the likelier one: its failure is the bad byte.
            let offset = max(utf8Offset, error.byteOffset)
            let byte = String(pending[offset], radix: 16, uppercase: true)
            let further = utf8Offset >= error.byteOffset ? "UTF-8" : "CP932"
            throw TextFileError(
                path: path,
                message: "neither UTF-8 nor CP932 text: byte 0x\(byte) at byte offset \(offset) decodes in neither "
                    + "(UTF-8 fails at \(utf8Offset), CP932 at \(error.byteOffset): the file reads further as \(further)); "
                    + "set the source's encoding in the pipeline",
                byteOffset: offset)
        }
    }
}

extension TextFileReader {
    /// Whether `bytes` start like a ZIP archive (an .xlsx workbook saved under a text file's name),
    /// which is refused, not read.
    public static func isZIPArchive(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// `LE` or `BE` when the start of `bytes` reads as UTF-16 without a byte-order mark: at
    /// least a quarter of its two-byte units are ASCII (one 0x00 byte, on the high side), and
    /// units with a 0x00 byte on the other side are rare. Text in UTF-8 or CP932 holds no 0x00
    /// bytes at all (one stray NUL is not enough). Such a file is refused, not read.
    public static func unmarkedUTF16(_ bytes: [UInt8]) -> String? {
        let units = min(bytes.count, 4096) / 2
        guard units >= 4 else { return nil }
        var zeroSecond = 0, zeroFirst = 0
        for k in 0..<units {
            let first = bytes[2 * k], second = bytes[2 * k + 1]
            if first != 0 && second == 0 { zeroSecond += 1 }
            if first == 0 && second != 0 { zeroFirst += 1 }
        }
        if zeroSecond * 4 >= units && zeroFirst * 4 < zeroSecond { return "LE" }
        if zeroFirst * 4 >= units && zeroSecond * 4 < zeroFirst { return "BE" }
        return nil
    }
}

/// A file that cannot be read as text: missing, unreadable, or not in its encoding.
public struct TextFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path, as given.
    public let path: String
    /// What is wrong.
    public let message: String
    /// For a decoding problem, the byte offset of the first undecodable byte.
    public let byteOffset: Int?

    /// Creates an error about the whole file.
    public init(path: String, message: String, byteOffset: Int? = nil) {
        self.path = path
        self.message = message
        self.byteOffset = byteOffset
    }

    init(path: String, decoding: TextDecodingError, encoding: DetectedEncoding?) {
        self.path = path
        let prefix = encoding.map { "not valid \($0.encoding.rawValue): " } ?? ""
        self.message = prefix + decoding.message + " at byte offset \(decoding.byteOffset)"
        self.byteOffset = decoding.byteOffset
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
