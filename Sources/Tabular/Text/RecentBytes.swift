/// Remembers the numbers of the last few byte strings looked up, so that a value repeated in
/// nearby rows (the same account, one of a handful of event names) skips hashing. It holds
/// addresses into memory the caller keeps alive; one thread uses it at a time.
public struct RecentBytes: @unchecked Sendable {
    private var keys: [(pointer: UnsafeRawPointer?, count: Int, id: Int32)]
    private var next = 0

    /// A cache of `size` entries (small: each lookup compares against every entry).
    public init(size: Int = 8) {
        keys = Array(repeating: (nil, -1, 0), count: size)
    }

    /// The number remembered for bytes equal to `bytes`, if any. The bytes remembered must still
    /// be valid memory (the chunk being parsed).
    @inline(__always)
    public func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        for entry in keys where entry.count == bytes.count {
            if let pointer = entry.pointer, memcmp(pointer, base, bytes.count) == 0 { return entry.id }
        }
        return nil
    }

    /// Remembers `bytes` (by address: they must outlive the cache's use) as number `id`.
    @inline(__always)
    public mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, as id: Int32) {
        keys[next] = (UnsafeRawPointer(bytes.baseAddress), bytes.count, id)
        next = next + 1 == keys.count ? 0 : next + 1
    }

    /// Forgets everything (before the remembered bytes go away).
    public mutating func removeAll() {
        for i in keys.indices { keys[i] = (nil, -1, 0) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
