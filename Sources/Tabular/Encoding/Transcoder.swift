#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts a stream of bytes in one encoding into UTF-8, chunk by chunk (glibc's iconv).
///
/// Feed chunks in order with ``transcode(_:final:)``; a multi-byte character split across two
/// chunks is carried over. The first byte that is not valid in the source encoding is reported
/// with its offset in the whole stream.
public final class Transcoder {
    /// The encoding being converted from.
    public let encoding: TextEncoding
    private let descriptor: iconv_t
    private var carried: [UInt8] = []
    private var consumed = 0

    /// Opens a converter from `encoding` to UTF-8.
    public init(from encoding: TextEncoding) throws(TextDecodingError) {
        self.encoding = encoding
        let cd = iconv_open("UTF-8", encoding.iconvName)
        if cd == iconv_t(bitPattern: -1) {
            throw TextDecodingError(byteOffset: 0, message: "this system cannot convert from \(encoding.rawValue) (iconv)")
        }
        descriptor = cd!
    }

    deinit { iconv_close(descriptor) }

    /// Converts the next chunk, appending UTF-8 to `output`. With `final` the stream ends here,
    /// and an incomplete character at its end is an error.
    ///
    /// - Complexity: O(n) in the chunk's length.
    public func transcode(_ chunk: UnsafeBufferPointer<UInt8>, final: Bool, into output: inout [UInt8]) throws(TextDecodingError) {
        var input = carried
        input.append(contentsOf: chunk)
        let inputStart = consumed - carried.count
        carried.removeAll(keepingCapacity: true)
        var failure: TextDecodingError?
        input.withUnsafeMutableBufferPointer { inBuffer in
            guard let inBase = inBuffer.baseAddress else { return }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count
            var scratch = [UInt8](repeating: 0, count: max(4096, inBuffer.count * 3 / 2 + 16))
            while inLeft > 0 {
                let produced: Int
                let result: Int
                let error: Int32
                (produced, result, error) = scratch.withUnsafeMutableBufferPointer { outBuffer in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let r = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (outBuffer.count - outLeft, r, errno)
                }
                output.append(contentsOf: scratch[0..<produced])
                if result != -1 { continue }
                let offset = inBuffer.count - inLeft
                switch error {
                case E2BIG:
                    continue
                case EINVAL where !final:
                    carried = Array(inBuffer[offset...])
                    inLeft = 0
                default:
                    let bytes = inBuffer[offset..<min(offset + 2, inBuffer.count)]
                        .map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
                    let what = error == EINVAL ? "the file ends inside a character" : "bytes \(bytes) are not valid \(encoding.rawValue)"
                    failure = TextDecodingError(byteOffset: inputStart + offset, message: what)
                    inLeft = 0
                }
            }
        }
        consumed += chunk.count
        if let failure { throw failure }
    }
}
