import Tabular

/// ISO 4217 currency codes: three letters, written upper-case.
enum CurrencyCode {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(ValueError) -> String {
        guard bytes.count == 3, bytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
            throw ValueError("expected a 3-letter ISO 4217 currency code, got \"\(String(decoding: bytes, as: UTF8.self).prefix(60))\"")
        }
        return String(decoding: bytes, as: UTF8.self).uppercased()
    }
}
