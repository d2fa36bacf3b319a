#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TextFileError {
    /// The 1-based physical line of the file on which ``byteOffset`` lies, so that an error about
    /// undecodable bytes can name the line a person opens the file at; nil when the error has no
    /// offset or the file cannot be read again.
    ///
    /// Line feeds are counted in the file's code units: two-byte units for UTF-16 (a byte-order
    /// mark, or `declared`, tells which), single `0x0A` bytes otherwise (a line feed byte is never
    /// part of a UTF-8 or CP932 multi-byte character).
    public func line(declared: TextEncoding?) -> Int? {
        guard let byteOffset else { return nil }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var line = 1
        var offset = 0
        var utf16: TextEncoding? = declared == .utf16LittleEndian || declared == .utf16BigEndian ? declared : nil
        while offset < byteOffset {
            let want = min(buffer.count, byteOffset - offset)
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, want) }
            guard count > 0 else { break }
            if offset == 0 && count >= 2 {
                if buffer[0] == 0xFF && buffer[1] == 0xFE { utf16 = .utf16LittleEndian }
                if buffer[0] == 0xFE && buffer[1] == 0xFF { utf16 = .utf16BigEndian }
                if buffer[0] == 0xEF && buffer[1] == 0xBB { utf16 = nil }
            }
            switch utf16 {
            case .utf16LittleEndian?:
                for i in stride(from: 0, to: count - 1, by: 2) where buffer[i] == 0x0A && buffer[i + 1] == 0 { line += 1 }
            case .utf16BigEndian?:
                for i in stride(from: 0, to: count - 1, by: 2) where buffer[i] == 0 && buffer[i + 1] == 0x0A { line += 1 }
            default:
                for i in 0..<count where buffer[i] == 0x0A { line += 1 }
            }
            offset += count
        }
        return line
    }
}
