import Tabular

/// Builds JSON objects, one per line, as UTF-8 bytes: keys in the order written, strings escaped
/// per RFC 8259 (non-ASCII text written as is), numbers as integers.
struct SampleJSONLine {
    /// The lines built so far.
    var bytes: [UInt8] = []
    private var membersInObject = 0

    init(capacity: Int = 0) {
        if capacity > 0 { bytes.reserveCapacity(capacity) }
    }

    /// Starts a member `"key":` of the current object (opening the object on the first member).
    mutating func key(_ name: StaticString) {
        bytes.append(membersInObject == 0 ? 0x7B : 0x2C)
        membersInObject += 1
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    /// A string member, or `null`.
    mutating func string(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { appendString(value) } else { appendNull() }
    }

    /// An integer member, or `null`.
    mutating func integer(_ name: StaticString, _ value: Int?) {
        key(name)
        if let value { SampleFormat.appendInteger(value, to: &bytes) } else { appendNull() }
    }

    /// A datetime member (`+09:00` offset), or `null`.
    mutating func dateTime(_ name: StaticString, _ instant: Int?) {
        key(name)
        guard let instant else { return appendNull() }
        bytes.append(0x22)
        SampleFormat.appendDateTime(instant, to: &bytes)
        bytes.append(0x22)
    }

    /// An array-of-strings member.
    mutating func strings(_ name: StaticString, _ values: [String]) {
        key(name)
        bytes.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            appendString(value)
        }
        bytes.append(0x5D)
    }

    /// Closes the current object and the line.
    mutating func endLine() {
        if membersInObject == 0 { bytes.append(0x7B) }
        bytes.append(0x7D)
        bytes.append(0x0A)
        membersInObject = 0
    }

    private mutating func appendNull() {
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    private mutating func appendString(_ value: String) {
        JSONWriter.appendQuoted(value, to: &bytes)
    }
}
