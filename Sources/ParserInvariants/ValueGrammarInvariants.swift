import Foundation
import Tabular

/// The properties of the cell grammars for numbers, booleans and dates (``IntegerGrammar``,
/// ``DecimalGrammar``, ``BooleanGrammar``, ``DateGrammar``, ``DateTimeGrammar``, ``NumberText``),
/// checked on any bytes taken as one cell.
///
/// - An integer prints and parses back to itself, and the decimal grammar reads the same text as
///   the same value (it accepts every integer of at most 18 digits).
/// - A decimal's text (``ExactDecimal/description``) parses back to the same significand and
///   scale; refusing negatives refuses exactly the values below zero.
/// - A boolean is accepted exactly when the trimmed, case-folded text is one of the six words.
/// - A date's ISO text parses back to the same date, and a datetime grammar that accepts bare
///   dates reads it as that date's start.
/// - A datetime's ISO text (UTC) parses back to the same instant in every zone; the ISO fast path
///   and the general grammar agree (the same text with a leading space goes the general way).
/// - Epoch seconds print and parse back to the same instant.
/// - With a line feed in the input, the part before it is an extra date format: a date read with
///   it prints and parses back, and a date the default forms read is read the same with it.
/// - ``NumberText/shortest(_:)`` of the first 8 bytes taken as a `Double` reads back as that
///   `Double` and has no exponent.
public enum ValueGrammarInvariants {
    static let parser = "Values"

    static let utc = try! DateTimeGrammar(timeZone: TimeZone(identifier: "UTC")!)
    static let zones: [DateTimeGrammar] = [
        utc,
        try! DateTimeGrammar(timeZone: TimeZone(identifier: "Asia/Tokyo")!),
        try! DateTimeGrammar(timeZone: TimeZone(identifier: "America/New_York")!),
    ]

    /// Checks every value-grammar property on `bytes`; throws the first one that fails.
    public static func check(_ bytes: [UInt8]) throws(InvariantViolation) {
        let exact = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        defer { exact.deallocate() }
        _ = exact.initialize(from: bytes)
        let cell = UnsafeBufferPointer(exact)
        try checkIntegers(cell)
        try checkDecimals(cell)
        try checkBooleans(cell)
        try checkDates(cell)
        try checkDateTimes(cell)
        try checkEpochSeconds(cell)
        try checkExtraFormat(bytes)
        try checkShortest(bytes)
    }

    /// The outcome of parsing `text` with a grammar's string overload.
    static func outcome<T>(_ parse: (UnsafeBufferPointer<UInt8>) throws(ValueError) -> T, _ text: String) -> Result<T, ValueError> {
        var copy = text
        return copy.withUTF8 { bytes in
            do throws(ValueError) { return .success(try parse(bytes)) } catch { return .failure(error) }
        }
    }

    static func outcome<T>(_ parse: (UnsafeBufferPointer<UInt8>) throws(ValueError) -> T, _ bytes: UnsafeBufferPointer<UInt8>) -> Result<T, ValueError> {
        do throws(ValueError) { return .success(try parse(bytes)) } catch { return .failure(error) }
    }

    // MARK: - Numbers

    static func checkIntegers(_ cell: UnsafeBufferPointer<UInt8>) throws(InvariantViolation) {
        guard case .success(let value) = outcome(IntegerGrammar.parse, cell) else { return }
        let again = outcome(IntegerGrammar.parse, String(value))
        try require(again == .success(value), parser, "an integer prints and parses back",
                    "\(show(cell)) read as \(value), whose text reads as \(again)")
        guard String(value.magnitude).count <= DecimalGrammar.maximumSignificantDigits else { return }
        let decimal = outcome({ bytes throws(ValueError) in try DecimalGrammar.parseExact(bytes) }, cell)
        let same: Bool
        if case .success(let exact) = decimal { same = exact.scale == 0 && exact.significand == value } else { same = false }
        try require(same, parser, "the decimal grammar reads an integer as the same value",
                    "\(show(cell)) is the integer \(value), as a decimal \(decimal)")
    }

    static func checkDecimals(_ cell: UnsafeBufferPointer<UInt8>) throws(InvariantViolation) {
        let parsed = outcome({ bytes throws(ValueError) in try DecimalGrammar.parseExact(bytes) }, cell)
        let nonNegative = outcome({ bytes throws(ValueError) in try DecimalGrammar.parseExact(bytes, allowNegative: false) }, cell)
        guard case .success(let value) = parsed else {
            try require(!isSuccess(nonNegative), parser, "refusing negatives accepts no more",
                        "\(show(cell)) refused, but read as \(nonNegative) with negatives refused")
            return
        }
        let text = value.description
        let again = outcome({ bytes throws(ValueError) in try DecimalGrammar.parseExact(bytes) }, text)
        var same = false
        if case .success(let back) = again { same = back.significand == value.significand && back.scale == value.scale && back == value }
        try require(same, parser, "a decimal's text parses back to the same significand and scale",
                    "\(show(cell)) read as \(value.significand)e-\(value.scale), printed \(text), read back as \(again)")
        let decimal = outcome({ bytes throws(ValueError) in try DecimalGrammar.parse(bytes) }, cell)
        try require(decimal == .success(value.decimal), parser, "the Decimal of a cell is its exact value",
                    "\(show(cell)): \(decimal) against \(value)")
        if value.significand < 0 {
            try require(!isSuccess(nonNegative), parser, "refusing negatives refuses values below zero",
                        "\(show(cell)) read as \(value) with negatives refused")
        } else {
            try require(nonNegative == .success(value), parser, "refusing negatives keeps values from zero up",
                        "\(show(cell)) read as \(value), with negatives refused \(nonNegative)")
        }
    }

    static func isSuccess<T>(_ result: Result<T, ValueError>) -> Bool {
        if case .success = result { return true }
        return false
    }

    // MARK: - Booleans

    static func checkBooleans(_ cell: UnsafeBufferPointer<UInt8>) throws(InvariantViolation) {
        let parsed = outcome(BooleanGrammar.parse, cell)
        let expected = referenceBoolean(Array(cell))
        switch (parsed, expected) {
        case (.success(let value), .some(let word)) where value == word: break
        case (.failure, nil): break
        default:
            throw InvariantViolation(parser: parser, invariant: "a boolean is one of the six words, trimmed and case-folded",
                                     details: "\(show(cell)) read as \(parsed), expected \(String(describing: expected))")
        }
    }

    /// The boolean of a cell by the rules written out: trim spaces, tabs and U+3000, fold
    /// full-width forms and letter case, then one of true/false, yes/no, 1/0.
    static func referenceBoolean(_ bytes: [UInt8]) -> Bool? {
        var scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        let trimmed: Set<UInt32> = [0x20, 0x09, 0x3000]
        while let first = scalars.first, trimmed.contains(first.value) { scalars.removeFirst() }
        while let last = scalars.last, trimmed.contains(last.value) { scalars.removeLast() }
        var word = ""
        for scalar in scalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if (0x41...0x5A).contains(value) { value += 0x20 }
            word.unicodeScalars.append(Unicode.Scalar(value)!)
        }
        switch word {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: return nil
        }
    }

    // MARK: - Dates

    static func checkDates(_ cell: UnsafeBufferPointer<UInt8>) throws(InvariantViolation) {
        guard case .success(let date) = outcome(DateGrammar.standard.parse, cell) else { return }
        let again = outcome(DateGrammar.standard.parse, date.description)
        try require(again == .success(date), parser, "a date's ISO text parses back to the same date",
                    "\(show(cell)) read as \(date), whose text reads as \(again)")
        for grammar in zones {
            let start = outcome({ bytes throws(ValueError) in try grammar.parse(bytes, allowDateOnly: true) }, cell)
            try require(start == .success(grammar.startOfDay(date)), parser, "a bare date is read as the start of that date",
                        "\(show(cell)) is the date \(date); in \(grammar.timeZone.identifier) read as \(start), expected \(grammar.startOfDay(date))")
        }
    }

    static func checkDateTimes(_ cell: UnsafeBufferPointer<UInt8>) throws(InvariantViolation) {
        let spaced = [0x20] + Array(cell)
        for grammar in zones {
            let parsed = outcome({ bytes throws(ValueError) in try grammar.parse(bytes) }, cell)
            let general: Result<Instant, ValueError> = spaced.withUnsafeBufferPointer { bytes in
                outcome({ bytes throws(ValueError) in try grammar.parse(bytes) }, bytes)
            }
            try require(parsed == general, parser, "the ISO fast path agrees with the general grammar",
                        "\(show(cell)) in \(grammar.timeZone.identifier): \(parsed); with a leading space \(general)")
            guard case .success(let instant) = parsed else { continue }
            for other in zones {
                let again = outcome({ bytes throws(ValueError) in try other.parse(bytes) }, instant.description)
                try require(again == .success(instant), parser, "a datetime's ISO text parses back to the same instant",
                            "\(show(cell)) in \(grammar.timeZone.identifier) read as \(instant), whose text reads in \(other.timeZone.identifier) as \(again)")
            }
        }
    }

    static func checkEpochSeconds(_ cell: UnsafeBufferPointer<UInt8>) throws(InvariantViolation) {
        guard case .success(let instant) = outcome(utc.parseEpochSeconds, cell) else { return }
        let ms = instant.millisecondsSinceEpoch
        let magnitude = ms.magnitude
        var fraction = String(magnitude % 1000)
        while fraction.count < 3 { fraction = "0" + fraction }
        let text = (ms < 0 ? "-" : "") + String(magnitude / 1000) + "." + fraction
        let again = outcome(utc.parseEpochSeconds, text)
        try require(again == .success(instant), parser, "epoch seconds print and parse back",
                    "\(show(cell)) read as \(instant), printed \(text), read back as \(again)")
    }

    /// The part before the first line feed as an extra date format, the rest as the cell.
    static func checkExtraFormat(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return }
        let format = String(decoding: bytes[..<newline], as: UTF8.self)
        let cell = Array(bytes[(newline + 1)...])
        guard let grammar = try? DateGrammar(extraFormats: [format]) else { return }
        let parsed: Result<LocalDate, ValueError> = cell.withUnsafeBufferPointer { outcome(grammar.parse, $0) }
        let standard: Result<LocalDate, ValueError> = cell.withUnsafeBufferPointer { outcome(DateGrammar.standard.parse, $0) }
        if case .success(let date) = standard {
            try require(parsed == .success(date), parser, "an extra format does not change what the default forms read",
                        "\(show(cell)) is \(date) by default, \(parsed) with \(show(format))")
        }
        guard case .success(let date) = parsed else { return }
        let again = outcome(DateGrammar.standard.parse, date.description)
        try require(again == .success(date), parser, "a date's ISO text parses back to the same date",
                    "\(show(cell)) read with \(show(format)) as \(date), whose text reads as \(again)")
    }

    /// ``NumberText/shortest(_:)`` round-trips the `Double` in the first 8 bytes.
    static func checkShortest(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard bytes.count >= 8 else { return }
        var bits: UInt64 = 0
        for byte in bytes.prefix(8) { bits = bits << 8 | UInt64(byte) }
        let value = Double(bitPattern: bits)
        guard value.isFinite else { return }
        let text = NumberText.shortest(value)
        let back = Double(text)
        try require(back == value && !text.contains("e") && !text.contains("E"), parser,
                    "the shortest text of a Double reads back as it, without an exponent",
                    "\(value) (bits \(String(bits, radix: 16))) written \(text), read back as \(String(describing: back))")
    }
}
