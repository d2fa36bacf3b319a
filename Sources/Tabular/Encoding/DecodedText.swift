/// A whole file's text as UTF-8: a buffer of its own, or (for a large UTF-8 file) the file
/// mapped in place, which costs no copy.
public struct DecodedText: Sendable {
    enum Storage: Sendable {
        case owned([UInt8])
        case mapped(MappedFile, Range<Int>)
    }

    let storage: Storage

    /// Text held in a buffer.
    public init(_ bytes: [UInt8]) { storage = .owned(bytes) }

    init(mapped file: MappedFile, range: Range<Int>) { storage = .mapped(file, range) }

    /// Calls `body` with the text's UTF-8 bytes.
    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        switch storage {
        case .owned(let bytes): return try bytes.withUnsafeBufferPointer(body)
        case .mapped(let file, let range): return try body(UnsafeBufferPointer(rebasing: file.bytes[range]))
        }
    }

    /// The number of UTF-8 bytes.
    public var count: Int {
        switch storage {
        case .owned(let bytes): bytes.count
        case .mapped(_, let range): range.count
        }
    }
}

extension TextFileReader {
    /// The rest of the file as one text: a large UTF-8 file is mapped and validated in place,
    /// anything else is read (and transcoded) into a buffer.
    ///
    /// - Throws: ``TextFileError`` naming the byte offset of the first undecodable byte.
    public func readText() throws(TextFileError) -> DecodedText {
        if detected.encoding == .utf8, fileSize > 1 << 20, let mapping = MappedFile(path: path) {
            let start = detected.hasByteOrderMark ? 3 : 0
            let range = start..<mapping.bytes.count
            switch UTF8Validation.validate(UnsafeBufferPointer(rebasing: mapping.bytes[range])) {
            case .valid:
                return DecodedText(mapped: mapping, range: range)
            case .truncated(let prefix):
                throw TextFileError(path: path, message: "not valid utf-8: the file ends inside a UTF-8 character at byte offset \(start + prefix)", byteOffset: start + prefix)
            case .invalid(let offset):
                let byte = String(mapping.bytes[start + offset], radix: 16, uppercase: true)
                throw TextFileError(path: path, message: "not valid utf-8: byte 0x\(byte) is not valid UTF-8 at byte offset \(start + offset)", byteOffset: start + offset)
            }
        }
        return DecodedText(try readAll())
    }
}
