/// The fields of the record a ``CSVScanner`` read last, kept in storage that is reused from
/// record to record.
public struct CSVFieldBuffer {
    @usableFromInline var storage: [CSVField]
    /// How many fields the record has.
    public internal(set) var count = 0

    /// An empty buffer with room for `capacity` fields (it grows when a record has more).
    public init(capacity: Int = 16) {
        storage = [CSVField](repeating: CSVField(start: 0, end: 0), count: max(1, capacity))
    }

    /// A buffer that takes over an array's storage.
    init(reusing fields: [CSVField]) {
        storage = fields
        storage.removeAll(keepingCapacity: true)
        storage.append(contentsOf: repeatElement(CSVField(start: 0, end: 0), count: max(16, storage.capacity)))
    }

    /// Field `index` of the record (0-based, below ``count``).
    @inlinable
    public subscript(index: Int) -> CSVField {
        precondition(index < count, "field \(index) of a record with \(count) fields")
        return storage[index]
    }

    /// Whether the record holds nothing: a blank line, or a row of separators only (the empty
    /// rows a spreadsheet writes below its data, `,,,,`). A quoted empty field is not nothing.
    public var isBlank: Bool {
        storage.withUnsafeBufferPointer { fields in
            for k in 0..<count where !fields[k].isEmpty || fields[k].isQuoted { return false }
            return true
        }
    }

    /// The record's fields as an array.
    public var fields: [CSVField] {
        var fields = storage
        fields.removeLast(storage.count - count)
        return fields
    }

    /// Calls `body` with the record's fields.
    @inlinable
    public func withFields<R>(_ body: (UnsafeBufferPointer<CSVField>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }
}
