/// The text encoding of a source file, as a pipeline file sets it (`encoding:`).
package enum SourceEncoding: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// `auto`: detect UTF-8 (with or without BOM), UTF-16 (with BOM) or Shift_JIS.
    case auto
    /// `utf-8`.
    case utf8 = "utf-8"
    /// `shift_jis`: Shift_JIS as Windows writes it (CP932); `cp932` is accepted as an alias.
    case shiftJIS = "shift_jis"
    /// `utf-16`, with a byte-order mark.
    case utf16 = "utf-16"

    /// The name written in pipeline files.
    package var name: String { rawValue }
}

import Tabular

extension SourceEncoding {
    /// The encoding to read with; nil means detect it. `utf-16` without a byte-order mark is
    /// read as little-endian (what Windows writes); a mark always decides.
    package var textEncoding: TextEncoding? {
        switch self {
        case .auto: nil
        case .utf8: .utf8
        case .shiftJIS: .shiftJIS
        case .utf16: .utf16LittleEndian
        }
    }
}
