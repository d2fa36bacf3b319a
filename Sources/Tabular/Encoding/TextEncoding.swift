/// A text encoding that exports arrive in.
///
/// Everything Pulse reads is turned into UTF-8 bytes first; the parsers work on those.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// UTF-16, little-endian (a BOM `FF FE` tells it).
    case utf16LittleEndian = "utf-16le"
    /// UTF-16, big-endian (a BOM `FE FF` tells it).
    case utf16BigEndian = "utf-16be"
    /// Shift_JIS as Windows writes it (CP932: NEC and IBM extensions, `81 60` is `～` U+FF5E).
    case shiftJIS = "cp932"

    /// The name of the encoding for glibc's iconv.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        case .shiftJIS: "CP932"
        }
    }
}

/// The encoding a file was read with, and whether it began with a byte-order mark.
public struct DetectedEncoding: Sendable, Equatable, CustomStringConvertible {
    /// The encoding of the text.
    public var encoding: TextEncoding
    /// Whether the file began with a byte-order mark (which is not part of the text).
    public var hasByteOrderMark: Bool

    /// Creates a description of how a file is encoded.
    public init(_ encoding: TextEncoding, hasByteOrderMark: Bool = false) {
        self.encoding = encoding
        self.hasByteOrderMark = hasByteOrderMark
    }

    /// The name shown to users and written to manifests, e.g. `utf-8`, `utf-8+bom`, `cp932`.
    public var description: String {
        hasByteOrderMark ? "\(encoding.rawValue)+bom" : encoding.rawValue
    }
}
