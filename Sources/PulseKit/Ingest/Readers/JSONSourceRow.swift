import Foundation
import Tabular

/// Typed access to one JSON record's canonical fields, read from the record's bytes without
/// building a tree, recording why it is quarantined or what was dropped with a warning (the JSON
/// twin of ``SourceRow``).
struct JSONSourceRow {
    let document: UnsafeBufferPointer<UInt8>
    let spans: JSONMemberSpans
    let locator: JSONFieldLocator
    private(set) var rejection: (column: String, reason: String)?
    private(set) var warnings: [(column: String, reason: String)] = []

    init(document: UnsafeBufferPointer<UInt8>, spans: JSONMemberSpans, locator: JSONFieldLocator) {
        self.document = document
        self.spans = spans
        self.locator = locator
    }

    var isRejected: Bool { rejection != nil }

    /// Quarantines the record for a problem with the whole record.
    mutating func reject(record reason: String) {
        if rejection == nil { rejection = ("", reason) }
    }

    mutating func reject(_ field: TicketField, _ reason: String) {
        if rejection == nil { rejection = (locator.header(field), reason) }
    }

    mutating func warn(_ field: TicketField, _ reason: String) {
        warnings.append((locator.header(field), reason))
    }

    /// The member holding a field; nil when absent or JSON null.
    private func member(_ field: TicketField) -> Int? {
        guard let i = locator.member(field, in: spans, document: document), spans.kind(i) != .null else { return nil }
        return i
    }

    /// Calls `body` with a string member's text as trimmed UTF-8 (escapes resolved only when
    /// the text has any); nil for absent, null, empty or non-string members.
    private func withStringBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard spans.kind(i) == .string else { return nil }
        if !spans.valueHasEscapes(i) {
            let trimmed = TextTrimming.trimmed(spans.valueBytes(i, in: document))
            return trimmed.isEmpty ? nil : body(trimmed)
        }
        guard var text = spans.string(i, in: document) else { return nil }
        return text.withUTF8 { bytes in
            let trimmed = TextTrimming.trimmed(bytes)
            return trimmed.isEmpty ? nil : body(trimmed)
        }
    }

    /// The text of a string field, trimmed; nil when absent, null or empty.
    func optionalText(_ field: TicketField) -> String? {
        guard let i = member(field) else { return nil }
        return withStringBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// A required id: a string, or an integer number (`123`, `123.0`) written as digits.
    mutating func requiredIdentifier(_ field: TicketField) -> String? {
        guard let i = member(field) else {
            reject(field, "missing required value for \(field.name)")
            return nil
        }
        switch spans.kind(i) {
        case .string:
            if let text = withStringBytes(i, { String(decoding: $0, as: UTF8.self) }) { return text }
            reject(field, "missing required value for \(field.name)")
        case .number:
            let lexeme = String(decoding: spans.valueBytes(i, in: document), as: UTF8.self)
            if let id = Self.integerText(lexeme) { return id }
            reject(field, "expected a string or an integer id, got \(lexeme.prefix(60))")
        default:
            reject(field, "expected a string or an integer id")
        }
        return nil
    }

    /// `123` and `123.000` → "123"; nil for fractions and exponents.
    static func integerText(_ lexeme: String) -> String? {
        var digits = Substring(lexeme)
        if let dot = digits.firstIndex(of: ".") {
            guard digits[digits.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return nil }
            digits = digits[..<dot]
        }
        let body = digits.hasPrefix("-") ? digits.dropFirst() : digits
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(digits)
    }

    /// The instant of member `i`: a datetime string, or epoch seconds where the pipeline says so.
    private func instant(_ field: TicketField, _ i: Int) -> Result<Instant, ValueError>? {
        let epoch = locator.isEpochSeconds(field)
        let locator = self.locator
        let parse = { (bytes: UnsafeBufferPointer<UInt8>) -> Result<Instant, ValueError> in
            Result { () throws(ValueError) -> Instant in
                epoch ? try locator.dateTime.parseEpochSeconds(bytes) : try locator.dateTime.parse(bytes)
            }
        }
        switch spans.kind(i) {
        case .string: return withStringBytes(i, parse)
        case .number where epoch: return parse(spans.valueBytes(i, in: document))
        default: return .failure(ValueError("expected a datetime string"))
        }
    }

    mutating func requiredInstant(_ field: TicketField) -> Instant? {
        guard let i = member(field), let result = instant(field, i) else {
            reject(field, "missing required value for \(field.name)")
            return nil
        }
        switch result {
        case .success(let value): return value
        case .failure(let error):
            reject(field, error.reason)
            return nil
        }
    }

    mutating func optionalInstant(_ field: TicketField) -> Instant? {
        guard let i = member(field), let result = instant(field, i) else { return nil }
        switch result {
        case .success(let value): return value
        case .failure(let error):
            warn(field, "dropped: \(error.reason)")
            return nil
        }
    }

    mutating func requiredEnum<E: RawRepresentable & CaseIterable>(_ field: TicketField, _ type: E.Type) -> E? where E.RawValue == String {
        guard let i = member(field) else {
            reject(field, "missing required value for \(field.name)")
            return nil
        }
        guard let text = withStringBytes(i, { String(decoding: $0, as: UTF8.self) }) else {
            reject(field, spans.kind(i) == .string ? "missing required value for \(field.name)" : "expected a string")
            return nil
        }
        guard let value = E(rawValue: text) ?? E(rawValue: text.lowercased()) else {
            reject(field, "expected one of \(E.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(text.prefix(60))\"")
            return nil
        }
        return value
    }

    /// An optional enumerated value; an unknown one is treated as null with a warning (docs/metrics.md §0.15).
    mutating func optionalEnum<E: RawRepresentable & CaseIterable>(_ field: TicketField, _ type: E.Type) -> E? where E.RawValue == String {
        guard let i = member(field) else { return nil }
        guard spans.kind(i) == .string else {
            warn(field, "dropped: expected a string")
            return nil
        }
        guard let text = withStringBytes(i, { String(decoding: $0, as: UTF8.self) }) else { return nil }
        guard let value = E(rawValue: text) ?? E(rawValue: text.lowercased()) else {
            warn(field, "\(field.name) \"\(text.prefix(60))\" is not one of \(E.allCases.map(\.rawValue).joined(separator: ", ")); treated as null")
            return nil
        }
        return value
    }

    /// An optional integer in `range`; absent gives `fallback`, unparsable or out of range
    /// gives `fallback` with a warning.
    mutating func optionalInteger(_ field: TicketField, in range: ClosedRange<Int>, default fallback: Int) -> Int {
        guard let i = member(field) else { return fallback }
        var parsed: Int?
        switch spans.kind(i) {
        case .number:
            let bytes = spans.valueBytes(i, in: document)
            parsed = (try? IntegerGrammar.parse(bytes)).map { Int($0) }
                ?? Self.integerText(String(decoding: bytes, as: UTF8.self)).flatMap { Int($0) }
        case .string:
            parsed = withStringBytes(i) { bytes in (try? IntegerGrammar.parse(bytes)).map { Int($0) } } ?? nil
        default:
            parsed = nil
        }
        guard let parsed, range.contains(parsed) else {
            warn(field, "dropped: expected an integer \(range.lowerBound)–\(range.upperBound); using \(fallback)")
            return fallback
        }
        return parsed
    }

    /// An optional array of strings; anything else is dropped with a warning.
    mutating func optionalStrings(_ field: TicketField) -> [String] {
        guard let i = member(field) else { return [] }
        guard spans.kind(i) == .array, let strings = Self.strings(inValidatedArray: spans.valueBytes(i, in: document)) else {
            warn(field, "dropped: expected an array of strings")
            return []
        }
        return strings
    }

    /// The elements of an already validated JSON array when every one is a string; nil otherwise.
    /// Strings without escapes are read straight from the bytes.
    static func strings(inValidatedArray bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var strings: [String] = []
        var i = 0
        let n = bytes.count
        func skipSpace() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 } }
        skipSpace()
        guard i < n, bytes[i] == 0x5B else { return nil }
        i += 1
        while true {
            skipSpace()
            guard i < n else { return nil }
            if bytes[i] == 0x5D { return strings }
            guard bytes[i] == 0x22 else { return nil }
            let start = i
            var escaped = false
            i += 1
            while i < n, bytes[i] != 0x22 {
                if bytes[i] == 0x5C { escaped = true; i += 1 }
                i += 1
            }
            guard i < n else { return nil }
            i += 1
            if escaped {
                guard case .string(let s)? = try? JSONParser.parse(UnsafeBufferPointer(rebasing: bytes[start..<i])) else { return nil }
                strings.append(s)
            } else {
                strings.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(i - 1)]), as: UTF8.self))
            }
            skipSpace()
            guard i < n else { return nil }
            if bytes[i] == 0x2C { i += 1 }
        }
    }
}
