/// Writes RFC 4180 CSV into a byte buffer: fields separated by `,`, records ended by LF.
///
/// A field is quoted only when it must be: when it holds a comma, a double quote, CR or LF, or
/// starts or ends with a space (so that readers that trim keep the space). Quotes inside a quoted
/// field are doubled. Text is written as UTF-8 bytes unchanged; nothing is allocated per field.
///
/// With `guardsFormulas`, a text cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading
/// `'` so that no spreadsheet runs it as a formula. Numbers written with `appendInteger(_:)` or
/// `appendNumber(_:)` are never guarded (`-3` stays a number).
///
/// The caller owns the buffer's life: append records, hand `bytes` to a file, then `removeAll()`
/// to reuse the storage.
public struct CSVWriter: Sendable {
    /// The CSV written so far.
    @inlinable public var bytes: [UInt8] { storage }
    /// Whether text cells that a spreadsheet would run as formulas get a leading `'`.
    public var guardsFormulas: Bool

    @usableFromInline var storage: [UInt8]
    @usableFromInline var fieldsInRecord = 0
    @usableFromInline var recordStart = 0

    @usableFromInline static let comma: UInt8 = 0x2C
    @usableFromInline static let quote: UInt8 = 0x22
    @usableFromInline static let lineFeed: UInt8 = 0x0A
    @usableFromInline static let carriageReturn: UInt8 = 0x0D
    @usableFromInline static let space: UInt8 = 0x20
    @usableFromInline static let tab: UInt8 = 0x09
    @usableFromInline static let apostrophe: UInt8 = 0x27

    /// A writer with an empty buffer that reserves `capacity` bytes.
    public init(guardsFormulas: Bool = false, capacity: Int = 0) {
        self.guardsFormulas = guardsFormulas
        storage = []
        if capacity > 0 { storage.reserveCapacity(capacity) }
    }

    /// The number of bytes in the buffer.
    @inlinable public var count: Int { storage.count }

    /// Empties the buffer (keeping its storage) and starts a new record.
    @inlinable public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        fieldsInRecord = 0
        recordStart = 0
    }

    /// Appends a text field.
    @inlinable public mutating func appendField(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendField(utf8: $0) }
        if done == nil {
            var copy = text
            copy.withUTF8 { appendField(utf8: $0) }
        }
    }

    /// Appends a text field, or an empty field for `nil`.
    @inlinable public mutating func appendField(_ text: String?) {
        if let text { appendField(text) } else { appendEmptyField() }
    }

    /// Appends a text field given as UTF-8 bytes.
    @inlinable public mutating func appendField(utf8 text: UnsafeBufferPointer<UInt8>) {
        beginField()
        guard let first = text.first, let last = text.last else { return }
        let guarded = guardsFormulas && Self.startsFormula(first)
        var needsQuotes = last == Self.space || (!guarded && first == Self.space)
        if !needsQuotes {
            for byte in text where Self.isSpecial(byte) {
                needsQuotes = true
                break
            }
        }
        if !needsQuotes {
            if guarded { storage.append(Self.apostrophe) }
            storage.append(contentsOf: text)
            return
        }
        storage.append(Self.quote)
        if guarded { storage.append(Self.apostrophe) }
        for byte in text {
            storage.append(byte)
            if byte == Self.quote { storage.append(Self.quote) }
        }
        storage.append(Self.quote)
    }

    /// Appends a text field given as UTF-8 bytes.
    @inlinable public mutating func appendField(utf8 text: [UInt8]) {
        text.withUnsafeBufferPointer { appendField(utf8: $0) }
    }

    /// Appends an empty field (a missing value).
    @inlinable public mutating func appendEmptyField() {
        beginField()
    }

    /// Appends an integer in plain decimal digits (never guarded, never quoted).
    @inlinable public mutating func appendInteger(_ value: Int) {
        beginField()
        if value < 0 {
            storage.append(0x2D)
            if value == Int.min {
                // |Int.min| does not fit in Int: write its digits from the unsigned magnitude.
                appendDigits(UInt(bitPattern: value))
                return
            }
            appendDigits(UInt(-value))
        } else {
            appendDigits(UInt(value))
        }
    }

    /// Appends a number already formatted by the caller (e.g. `-1200.50`): written as given,
    /// quoted only if it holds a character that needs quoting, and never formula-guarded.
    @inlinable public mutating func appendNumber(_ literal: String) {
        let guards = guardsFormulas
        guardsFormulas = false
        appendField(literal)
        guardsFormulas = guards
    }

    /// Ends the current record with LF. A record of one empty field is written as `""` so that it
    /// does not read back as a blank line.
    @inlinable public mutating func endRecord() {
        if fieldsInRecord == 1 && storage.count == recordStart {
            storage.append(Self.quote)
            storage.append(Self.quote)
        }
        storage.append(Self.lineFeed)
        fieldsInRecord = 0
        recordStart = storage.count
    }

    /// Appends a whole record of text fields and ends it.
    @inlinable public mutating func appendRecord(_ fields: [String]) {
        for field in fields { appendField(field) }
        endRecord()
    }

    @inlinable mutating func beginField() {
        if fieldsInRecord > 0 { storage.append(Self.comma) }
        fieldsInRecord += 1
    }

    @inlinable mutating func appendDigits(_ value: UInt) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            storage.append(contentsOf: buffer[(20 - count)...])
        }
    }

    @inlinable static func isSpecial(_ byte: UInt8) -> Bool {
        byte == comma || byte == quote || byte == lineFeed || byte == carriageReturn
    }

    @inlinable static func startsFormula(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == tab
            || byte == carriageReturn
    }
}
