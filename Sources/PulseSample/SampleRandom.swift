/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// Every draw is integer arithmetic, so the same seed gives the same numbers on every platform
/// and Swift version (the standard library's `random(in:)` algorithms are not promised stable).
/// Independent streams (per account, per month, per file) are derived from the seed and a few
/// integers, so one file's draws never shift another's.
public struct SampleRandom {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for `seed` and the stream named by the integers `a`, `b`, `c`.
    public init(seed: UInt64, _ a: Int = 0, _ b: Int = 0, _ c: Int = 0) {
        var state = Self.hash(seed, a, b, c)
        s0 = Self.splitMix(&state)
        s1 = Self.splitMix(&state)
        s2 = Self.splitMix(&state)
        s3 = Self.splitMix(&state)
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A number in `0..<n`; 0 when `n` ≤ 1.
    public mutating func below(_ n: Int) -> Int {
        guard n > 1 else { return 0 }
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A number in `low...high`; `low` when `high` ≤ `low`.
    mutating func int(_ low: Int, _ high: Int) -> Int {
        guard high > low else { return low }
        return low + below(high - low + 1)
    }

    /// True with probability `perMille` / 1000.
    mutating func chance(_ perMille: Int) -> Bool {
        below(1000) < perMille
    }

    /// An index into `weights` drawn in proportion to the weights (0 when they sum to 0).
    mutating func weighted(_ weights: [Int]) -> Int {
        var total = 0
        for weight in weights { total += max(0, weight) }
        guard total > 0 else { return 0 }
        var draw = below(total)
        for (index, weight) in weights.enumerated() {
            let w = max(0, weight)
            if draw < w { return index }
            draw -= w
        }
        return weights.count - 1
    }

    /// An element of `items`, which must not be empty.
    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// A stable 64-bit hash of a few integers (for per-user traits that must not consume draws).
    static func hash(_ seed: UInt64, _ a: Int, _ b: Int = 0, _ c: Int = 0) -> UInt64 {
        var h = mix(seed ^ 0x2545_F491_4F6C_DD1D)
        h = mix(h ^ (UInt64(truncatingIfNeeded: a) &* 0x9E37_79B9_7F4A_7C15))
        h = mix(h ^ (UInt64(truncatingIfNeeded: b) &* 0xC2B2_AE3D_27D4_EB4F))
        h = mix(h ^ (UInt64(truncatingIfNeeded: c) &* 0x1656_67B1_9E37_79F9))
        return h
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return mix(state)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
