import Foundation

/// What no export writes into a cell on purpose: a NUL byte (a corrupt or binary file) or a value
/// of more than a mebibyte (a pasted blob). Such a row is quarantined, so that it never reaches
/// the published CSV files, pages and workbooks. Long text below the limit loads (a workbook
/// cell shows its first 32,767 characters).
enum CellContent {
    /// The most UTF-8 bytes a value may hold.
    static let maximumBytes = 1 << 20

    /// Why `bytes` (UTF-8) cannot be a value, or nil when they can.
    static func problem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.count > maximumBytes {
            return "value of \(bytes.count) bytes is longer than the \(maximumBytes) (1 MiB) a value may hold: a pasted blob or a corrupt export"
        }
        if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil {
            return "holds a NUL byte (0x00): a corrupt export"
        }
        return nil
    }
}
