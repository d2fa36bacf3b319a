#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A flat, reusable view of one JSON object's top-level members: where each key and value lies in
/// the document, as byte offsets, with nothing decoded or built.
///
/// Fill it with ``scan(_:into:options:)`` (or get one from ``JSONRecordReader/readSpans(_:layout:options:_:)``);
/// it is exactly as strict as ``JSONParser/parse(_:options:)``. Nested arrays and objects are
/// validated but only their text is kept. Its storage is kept across scans, so after the first
/// few documents scanning allocates nothing. Offsets refer to the document that was scanned:
/// pass that same buffer to the accessors.
///
/// A valid document whose top-level value is not an object is not an error: ``topLevelKind``
/// says what it is and there are no members.
public struct JSONMemberSpans {
    /// The kind of a JSON value.
    public enum Kind: Sendable, Equatable {
        /// A string.
        case string
        /// A number.
        case number
        /// `true`.
        case `true`
        /// `false`.
        case `false`
        /// `null`.
        case null
        /// An array.
        case array
        /// An object.
        case object
    }

    /// Where one member lies, as offsets from the start of the document.
    struct Member {
        var keyStart: Int
        var keyEnd: Int
        var valueStart: Int
        var valueEnd: Int
        var kind: Kind
        var keyHasEscapes: Bool
        var valueHasEscapes: Bool
    }

    /// The members, in source order.
    var members: [Member] = []
    /// Fingerprints of the members' decoded keys, when duplicate keys are rejected.
    var keyHashes: [UInt64] = []
    /// The scanner's stacks, kept here between calls of ``scan(_:into:options:)``.
    var workspace = JSONScanner.Workspace()

    /// The kind of the document's top-level value; members are recorded only for `.object`.
    public internal(set) var topLevelKind: Kind = .object

    /// An empty view, with no members.
    public init() {}

    /// Forgets the members, keeping the storage.
    mutating func removeAll() {
        members.removeAll(keepingCapacity: true)
        keyHashes.removeAll(keepingCapacity: true)
        topLevelKind = .object
    }

    /// Number of top-level members.
    public var count: Int { members.count }

    /// The kind of member `i`'s value.
    public func kind(_ i: Int) -> Kind { members[i].kind }

    /// Member `i`'s raw key bytes, between the quotes, escapes not decoded.
    public func keyBytes(_ i: Int, in document: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let m = members[i]
        return Self.slice(document, m.keyStart, m.keyEnd)
    }

    /// Member `i`'s key with its escapes decoded (allocates).
    public func key(_ i: Int, in document: UnsafeBufferPointer<UInt8>) -> String {
        let m = members[i]
        if !m.keyHasEscapes { return String(decoding: Self.slice(document, m.keyStart, m.keyEnd), as: UTF8.self) }
        return Self.decode(document, quoteAt: m.keyStart - 1) ?? ""
    }

    /// Whether member `i`'s key holds a backslash escape.
    public func keyHasEscapes(_ i: Int) -> Bool { members[i].keyHasEscapes }

    /// Member `i`'s raw value bytes: for a string, between the quotes (escapes not decoded); for a
    /// number or a literal, its lexeme; for an array or an object, its whole text with brackets.
    public func valueBytes(_ i: Int, in document: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let m = members[i]
        return Self.slice(document, m.valueStart, m.valueEnd)
    }

    /// Whether member `i`'s value is a string that holds a backslash escape.
    public func valueHasEscapes(_ i: Int) -> Bool { members[i].valueHasEscapes }

    /// The index of the member whose decoded key equals the UTF-8 bytes `key`, or nil. Keys
    /// without escapes are compared as raw bytes, others after decoding; there is no Unicode
    /// normalization. When duplicate keys were allowed, the last such member is found (as
    /// ``JSONObject/index(forKey:)`` does).
    public func index(ofKey key: UnsafeBufferPointer<UInt8>, in document: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = members.count - 1
        while i >= 0 {
            let m = members[i]
            if !m.keyHasEscapes {
                if m.keyEnd - m.keyStart == key.count
                    && Self.equal(Self.slice(document, m.keyStart, m.keyEnd), key)
                {
                    return i
                }
            } else if let decoded = Self.decode(document, quoteAt: m.keyStart - 1),
                decoded.utf8.elementsEqual(key)
            {
                return i
            }
            i -= 1
        }
        return nil
    }

    /// Member `i`'s string value with its escapes decoded, or nil when it is not a string. The
    /// only accessor that allocates.
    public func string(_ i: Int, in document: UnsafeBufferPointer<UInt8>) -> String? {
        let m = members[i]
        guard m.kind == .string else { return nil }
        if !m.valueHasEscapes { return String(decoding: Self.slice(document, m.valueStart, m.valueEnd), as: UTF8.self) }
        return Self.decode(document, quoteAt: m.valueStart - 1)
    }

    // MARK: - Helpers

    /// The bytes `[start, end)` of `document`; traps when they are not inside it.
    @inline(__always)
    static func slice(_ document: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(start >= 0 && end >= start && end <= document.count, "spans used with another document")
        return UnsafeBufferPointer(rebasing: document[start..<end])
    }

    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }

    /// Decodes the (already validated) string whose opening quote is at `quote` in `document`.
    static func decode(_ document: UnsafeBufferPointer<UInt8>, quoteAt quote: Int) -> String? {
        guard let base = document.baseAddress, quote >= 0, quote < document.count else { return nil }
        var scanner = JSONScanner(base: base, count: document.count, options: .init())
        return (try? scanner.parseString(at: quote))?.0
    }
}
