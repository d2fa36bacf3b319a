/// Gives each distinct byte string a small dense number, in order of first appearance.
///
/// Used to turn the ids of a large file (accounts, users, event names) into integers without
/// building a `String` per row: bytes are hashed a word at a time and stored once. Each slot of
/// the open-addressing table holds the number and 32 bits of the hash, so a probe that does not
/// match touches one cache line.
public struct ByteInterner: Sendable {
    private var storage: [UInt8] = []
    private var starts: [Int] = [0]
    /// Four words per slot: (hash tag << 40 | length << 32 | id + 1), then the key's first 24
    /// bytes, zero-padded. 0 in the first word is an empty slot. A key of up to 24 bytes is
    /// compared inside its slot, without touching `storage`.
    private var slots: [UInt64]
    private var hashes: [UInt64] = []
    private var mask: Int

    /// Bytes of a key kept inside its slot.
    static let inlineBytes = 24

    /// An empty interner with room for about `capacity` strings before it grows.
    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size * 4)
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
        intern(Key(bytes, hash: hash), bytes)
    }

    /// The number of `bytes`, whose ``Key`` was taken earlier (while the bytes were at hand):
    /// the bytes themselves are read only for a key longer than 24 bytes or a new string.
    public mutating func intern(_ key: Key, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = key.hash
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { table in
            while true {
                let head = table[slot &* 4]
                if head == 0 { return nil }
                if head & 0xFFFF_FFFF_0000_0000 == key.head,
                   table[slot &* 4 &+ 1] == key.w0, table[slot &* 4 &+ 2] == key.w1, table[slot &* 4 &+ 3] == key.w2 {
                    let id = Int(truncatingIfNeeded: head & 0xFFFF_FFFF) - 1
                    if bytes.count <= Self.inlineBytes || equals(id, bytes) { return Int32(id) }
                }
                slot = (slot &+ 1) & mask
            }
        }
        if let found { return found }
        let id = hashes.count
        slots.withUnsafeMutableBufferPointer { table in
            table[slot * 4] = key.head | UInt64(id + 1)
            table[slot * 4 + 1] = key.w0
            table[slot * 4 + 2] = key.w1
            table[slot * 4 + 3] = key.w2
        }
        hashes.append(hash)
        storage.append(contentsOf: bytes)
        starts.append(storage.count)
        if hashes.count * 2 > slots.count / 4 { grow() }
        return Int32(id)
    }

    /// The number of `bytes` if already interned.
    public func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(bytes)
        let key = Key(bytes, hash: hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let head = slots[slot * 4]
            if head == 0 { return nil }
            if head & 0xFFFF_FFFF_0000_0000 == key.head, slots[slot * 4 + 1] == key.w0,
               slots[slot * 4 + 2] == key.w1, slots[slot * 4 + 3] == key.w2 {
                let id = Int(truncatingIfNeeded: head & 0xFFFF_FFFF) - 1
                if bytes.count <= Self.inlineBytes || equals(id, bytes) { return Int32(id) }
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
        let size = slots.count / 4 * 2
        var fresh = [UInt64](repeating: 0, count: size * 4)
        let m = size - 1
        for (id, hash) in hashes.enumerated() {
            let key = withBytes(Int32(id)) { Key($0, hash: hash) }
            var slot = Int(truncatingIfNeeded: hash) & m
            while fresh[slot * 4] != 0 { slot = (slot &+ 1) & m }
            fresh[slot * 4] = key.head | UInt64(id + 1)
            fresh[slot * 4 + 1] = key.w0
            fresh[slot * 4 + 2] = key.w1
            fresh[slot * 4 + 3] = key.w2
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

extension ByteInterner {
    /// What the table keeps of a string to find it again: its hash, its length and its first 24
    /// bytes. Taking it while the bytes are in cache makes a later ``intern(_:_:)`` cheap.
    public struct Key: Sendable {
        let head: UInt64
        let w0: UInt64, w1: UInt64, w2: UInt64
        /// The string's ``ByteInterner/hash(_:)``.
        public let hash: UInt64

        /// The key of `bytes`, whose hash is `hash`.
        @inline(__always)
        public init(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) {
            self.hash = hash
            let length = UInt64(min(bytes.count, 255))
            head = (hash & 0xFFFF_FF00_0000_0000) | (length << 32)
            w0 = Self.word(bytes, 0)
            w1 = Self.word(bytes, 8)
            w2 = Self.word(bytes, 16)
        }

        /// The key of `bytes`, computing their ``ByteInterner/hash(_:)`` from the same loads.
        @inline(__always)
        public init(hashing bytes: UnsafeBufferPointer<UInt8>) {
            let n = bytes.count
            guard n <= 24 else {
                self.init(bytes, hash: ByteInterner.hash(bytes))
                return
            }
            let a = Self.word(bytes, 0), b = Self.word(bytes, 8), c = Self.word(bytes, 16)
            // The same mixing as ByteInterner.hash: full words, then the zero-padded tail word.
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
            @inline(__always) func full(_ w: UInt64) {
                h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
            }
            @inline(__always) func tail(_ w: UInt64) {
                h = (h ^ w) &* 0x94D0_49BB_1331_11EB
                h ^= h >> 29
            }
            let fullWords = n / 8
            if fullWords >= 1 { full(a) } else if n > 0 { tail(a) }
            if fullWords >= 2 { full(b) } else if fullWords == 1 && n % 8 != 0 { tail(b) }
            if fullWords >= 3 { full(c) } else if fullWords == 2 && n % 8 != 0 { tail(c) }
            h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
            h ^= h >> 32
            self.init(head: (h & 0xFFFF_FF00_0000_0000) | (UInt64(n) << 32), w0: a, w1: b, w2: c, hash: h)
        }

        private init(head: UInt64, w0: UInt64, w1: UInt64, w2: UInt64, hash: UInt64) {
            self.head = head
            self.w0 = w0
            self.w1 = w1
            self.w2 = w2
            self.hash = hash
        }

        /// Up to eight bytes from `offset`, little-endian, zero-padded past the end.
        @inline(__always)
        static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
            guard let base = bytes.baseAddress, offset < bytes.count else { return 0 }
            if offset + 8 <= bytes.count { return UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) }
            var w: UInt64 = 0
            var shift: UInt64 = 0
            for i in offset..<bytes.count {
                w |= UInt64(base[i]) << shift
                shift += 8
            }
            return w
        }
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
