/// A JSON object: members in source order, with lookup by key.
///
/// Stored as two parallel arrays, `keys` and `values`. Two objects are equal when they have the
/// same members in the same order. Lookup scans the members, which is fast for the tens of
/// members a record has. When duplicate keys were allowed, lookup finds the last one.
public struct JSONObject: Equatable, Sendable {
    /// The member names, in source order.
    public private(set) var keys: [String]
    /// The member values, parallel to `keys`.
    public private(set) var values: [JSONValue]

    /// An empty object.
    public init() {
        keys = []
        values = []
    }

    /// An object with these members, in this order.
    public init(members: [(key: String, value: JSONValue)]) {
        keys = members.map(\.key)
        values = members.map(\.value)
    }

    /// An object from parallel arrays; extra elements of the longer array are ignored.
    public init(keys: [String], values: [JSONValue]) {
        if keys.count == values.count {
            self.keys = keys
            self.values = values
        } else {
            let n = min(keys.count, values.count)
            self.keys = Array(keys.prefix(n))
            self.values = Array(values.prefix(n))
        }
    }

    /// The members in order, as (key, value) pairs. Setting replaces all members.
    public var members: [(key: String, value: JSONValue)] {
        get { zip(keys, values).map { (key: $0, value: $1) } }
        set {
            keys = newValue.map(\.key)
            values = newValue.map(\.value)
        }
    }

    /// The number of members.
    public var count: Int { keys.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value of the (last) member named `key`. Setting replaces that member's value in place,
    /// appends a new member when there is none, and removes the member when set to nil.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let i = index(forKey: key) else { return nil }
            return values[i]
        }
        set {
            if let i = index(forKey: key) {
                if let v = newValue {
                    values[i] = v
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let v = newValue {
                keys.append(key)
                values.append(v)
            }
        }
    }

    /// Whether a member is named `key`.
    public func contains(key: String) -> Bool { index(forKey: key) != nil }

    /// The position of the last member named `key`. Keys are compared by their UTF-8 bytes, as the
    /// parser compares them for duplicates and ``JSONMemberSpans`` finds them: `"é"` and `"e\u{301}"`
    /// are different keys (Swift's `==` would call them equal).
    public func index(forKey key: String) -> Int? {
        var i = keys.count - 1
        while i >= 0 {
            if keys[i].utf8.elementsEqual(key.utf8) { return i }
            i -= 1
        }
        return nil
    }

    /// Appends a member even when one with the same key exists (the writer will then emit both).
    public mutating func append(key: String, value: JSONValue) {
        keys.append(key)
        values.append(value)
    }
}
