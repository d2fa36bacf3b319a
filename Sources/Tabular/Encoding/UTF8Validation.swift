/// Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
public enum UTF8Validation {
    /// The outcome of validating a run of bytes.
    public enum Outcome: Equatable, Sendable {
        /// Every byte is part of a complete, valid sequence.
        case valid
        /// The bytes end inside a sequence that may be completed by the bytes that follow:
        /// `validPrefix` bytes are complete.
        case truncated(validPrefix: Int)
        /// The byte at `offset` cannot start or continue a valid sequence.
        case invalid(offset: Int)
    }

    /// Validates `bytes`; ASCII runs are skipped eight bytes at a time.
    ///
    /// - Complexity: O(n).
    public static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return .valid }
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i < count {
            // Fast path: 32 ASCII bytes at a time, then eight.
            while i &+ 32 <= count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                i &+= 32
            }
            if i >= count { break }
            if i &+ 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i &+= 8; continue }
            }
            let b0 = base[i]
            if b0 < 0x80 { i &+= 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return .invalid(offset: i)
            }
            for k in 1..<length {
                let j = i &+ k
                if j >= count { return .truncated(validPrefix: i) }
                let b = base[j]
                let lo: UInt8 = k == 1 ? lower : 0x80
                let hi: UInt8 = k == 1 ? upper : 0xBF
                if b < lo || b > hi { return .invalid(offset: i) }
            }
            i &+= length
        }
        return .valid
    }
}
