/// Remembers the numbers of the last few byte strings looked up, so that a value repeated in
/// nearby rows (the same account, one of a handful of event names) skips hashing. It holds
/// addresses into memory the caller keeps alive; one thread uses it at a time.
public struct RecentBytes: @unchecked Sendable {
    private var keys: [(prefix: UInt64, pointer: UnsafeRawPointer?, count: Int, id: Int32)]
    private let mask: Int

    /// A direct-mapped cache of `size` entries (a power of two): each lookup compares against
    /// one entry, chosen by the value's first bytes and length.
    public init(size: Int = 16) {
        var slots = 1
        while slots < size { slots <<= 1 }
        keys = Array(repeating: (0, nil, -1, 0), count: slots)
        mask = slots - 1
    }

    /// The first (up to) eight bytes of `bytes`, zero-padded.
    @inline(__always)
    static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        if bytes.count >= 8 { return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) }
        var w: UInt64 = 0
        for i in 0..<bytes.count { w |= UInt64(base[i]) << (UInt64(i) * 8) }
        return w
    }

    @inline(__always)
    private func slot(_ head: UInt64, _ count: Int) -> Int {
        let mixed = (head ^ UInt64(truncatingIfNeeded: count) ^ (head >> 29)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 40) & mask
    }

    /// The number remembered for bytes equal to `bytes`, if any. The bytes remembered must still
    /// be valid memory (the chunk being parsed).
    @inline(__always)
    public func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        let head = Self.prefix(bytes)
        let entry = keys[slot(head, bytes.count)]
        guard entry.count == bytes.count, entry.prefix == head else { return nil }
        if bytes.count <= 8 { return entry.id }
        guard let pointer = entry.pointer, memcmp(pointer + 8, base + 8, bytes.count - 8) == 0 else { return nil }
        return entry.id
    }

    /// Remembers `bytes` (by address: they must outlive the cache's use) as number `id`.
    @inline(__always)
    public mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, as id: Int32) {
        let head = Self.prefix(bytes)
        keys[slot(head, bytes.count)] = (head, UnsafeRawPointer(bytes.baseAddress), bytes.count, id)
    }

    /// Forgets everything (before the remembered bytes go away).
    public mutating func removeAll() {
        for i in keys.indices { keys[i] = (0, nil, -1, 0) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
