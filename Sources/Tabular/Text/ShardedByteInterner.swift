import Dispatch

/// A ``ByteInterner`` split into 16 shards by hash, so that many strings can be numbered in
/// parallel (one thread per shard) with numbers that do not depend on scheduling.
///
/// A string's number is `(number within its shard) << 4 | shard`: stable, and dense enough to
/// index arrays (about `count` + 16 × the largest shard's excess).
public struct ShardedByteInterner: Sendable {
    /// The number of shards (a power of two).
    public static let shardCount = 16
    private static let shardBits: Int32 = 4

    /// The shards.
    public private(set) var shards: [ByteInterner]

    /// Empty shards.
    public init(capacity: Int = 1 << 16) {
        shards = Array(repeating: ByteInterner(capacity: max(16, capacity / Self.shardCount)), count: Self.shardCount)
    }

    /// The number of distinct strings.
    public var count: Int { shards.reduce(0) { $0 + $1.count } }

    /// One more than the largest number given out: the size of an array indexed by number.
    public var numberLimit: Int {
        (shards.map(\.count).max() ?? 0) << Int(Self.shardBits)
    }

    /// The shard a hash belongs to (its top four bits; the low bits pick the slot within a shard).
    @inline(__always)
    public static func shard(of hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 60) }

    /// String number `id`.
    public func string(_ id: Int32) -> String {
        shards[Int(id & 15)].string(id >> Self.shardBits)
    }

    /// Calls `body` with the bytes of string number `id`.
    public func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try shards[Int(id & 15)].withBytes(id >> Self.shardBits, body)
    }

    /// Numbers strings shard by shard, one thread per shard (at most `jobs` at once): `body` is
    /// called once per shard with a function that numbers a string from its key and bytes (whose
    /// hash must put it in that shard). Numbers depend only on the order each shard sees its strings.
    public mutating func internByShard(jobs: Int, _ body: (_ shard: Int, _ intern: (ByteInterner.Key, UnsafeBufferPointer<UInt8>) -> Int32) -> Void) {
        shards.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            ParallelLoop.run(Self.shardCount, jobs: jobs) { s in
                body(s) { key, bytes in out.value[s].intern(key, bytes) << Self.shardBits | Int32(s) }
            }
        }
    }
}

/// A buffer that parallel workers write disjoint elements of.
public struct UnsafeSendable<Value>: @unchecked Sendable {
    /// The wrapped buffer.
    public let value: Value
    /// Wraps `value`.
    public init(_ value: Value) { self.value = value }
}
