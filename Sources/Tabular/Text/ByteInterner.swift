/// Gives each distinct byte string a small dense number, in order of first appearance.
///
/// Used to turn the ids of a large file (accounts, users, event names) into integers without
/// building a `String` per row: bytes are hashed a word at a time and stored once. Each slot of
/// the open-addressing table holds the number and 32 bits of the hash, so a probe that does not
/// match touches one cache line.
public struct ByteInterner: Sendable {
    private var storage: [UInt8] = []
    private var starts: [Int] = [0]
    private var slots: [UInt64]          // 0 = empty, else (hash high 32 bits) << 32 | (id + 1)
    private var hashes: [UInt64] = []
    private var mask: Int

    /// An empty interner with room for about `capacity` strings before it grows.
    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The number of distinct strings.
    public var count: Int { hashes.count }

    /// The number of `bytes`, adding them when new.
    ///
    /// - Complexity: O(length) expected.
    @inline(__always)
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        intern(bytes, hash: Self.hash(bytes))
    }

    /// The number of `bytes`, whose ``hash(_:)`` is already known, adding them when new.
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { table in
            while true {
                let entry = table[slot]
                if entry == 0 { return nil }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if equals(id, bytes) { return Int32(id) }
                }
                slot = (slot &+ 1) & mask
            }
        }
        if let found { return found }
        let id = hashes.count
        slots[slot] = tag | UInt64(id + 1)
        hashes.append(hash)
        storage.append(contentsOf: bytes)
        starts.append(storage.count)
        if hashes.count * 2 > slots.count { grow() }
        return Int32(id)
    }

    /// The number of `bytes` if already interned.
    public func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(bytes)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if equals(id, bytes) { return Int32(id) }
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// The hash of string number `id` (as ``hash(_:)`` computed it).
    public func hash(of id: Int32) -> UInt64 { hashes[Int(id)] }

    /// Calls `body` with the bytes of string number `id`.
    public func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let i = Int(id)
        return try storage.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[starts[i]..<starts[i + 1]]))
        }
    }

    /// String number `id`.
    public func string(_ id: Int32) -> String {
        withBytes(id) { String(decoding: $0, as: UTF8.self) }
    }

    @inline(__always)
    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            let start = starts[id]
            let length = starts[id + 1] - start
            guard length == bytes.count else { return false }
            return storage.withUnsafeBufferPointer { all in
                guard let a = all.baseAddress, let b = bytes.baseAddress else { return length == 0 }
                return memcmpBytes(a + start, b, length)
            }
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt64](repeating: 0, count: size)
        let m = size - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & m
            while fresh[slot] != 0 { slot = (slot &+ 1) & m }
            fresh[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
        }
        slots = fresh
        mask = m
    }

    /// A fast 64-bit hash of a short byte string, a word at a time.
    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { w |= UInt64(base[i]) << shift; shift += 8; i += 1 }
            h = (h ^ w) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }
}

@inline(__always)
private func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i + 8 <= n {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
        i += 8
    }
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
