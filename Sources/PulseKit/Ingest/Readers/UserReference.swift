import Tabular

/// Where a row's user id lies: a slice of the chunk (`start` ≥ 0) or of its spill buffer
/// (`start` = −offset − 1), with the key the interner finds it by (taken while the bytes
/// were in cache).
struct UserReference: Sendable {
    var row: Int32
    var start: Int32
    var length: Int32
    var key: ByteInterner.Key
}
