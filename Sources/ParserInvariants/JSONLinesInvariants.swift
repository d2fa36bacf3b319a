import Tabular

/// The properties of the JSON readers (``JSONRecordReader``, ``JSONParser``, ``JSONMemberSpans``)
/// and of ``JSONWriter``, checked on any bytes taken as a JSON Lines file.
///
/// - Every non-blank line is one record, numbered with its line; records + errors = non-blank
///   lines. An error lies on its record's line, inside it.
/// - A parsed record written with ``JSONWriter`` (compact or pretty) parses back to the same
///   value, and writing that again gives the same bytes.
/// - The span reader (``JSONRecordReader/readSpans(_:layout:options:_:)``) accepts and rejects
///   the same records with the same errors, and its members are the tree's: same keys, kinds,
///   strings, number lexemes and nested values.
/// - The whole input as one JSON text: ``JSONParser`` and ``JSONMemberSpans/scan(_:into:options:)``
///   agree, with the default options and with a small depth limit that allows duplicate keys.
/// - When the input starts with `[`, reading it as an array of records gives the same records
///   through both readers, or the same error.
public enum JSONLinesInvariants {
    static let parser = "JSON Lines"

    /// Checks every JSON property on `bytes`; throws the first one that fails.
    public static func check(_ bytes: [UInt8]) throws(InvariantViolation) {
        let exact = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        defer { exact.deallocate() }
        _ = exact.initialize(from: bytes)
        let buffer = UnsafeBufferPointer(exact)
        try checkLines(buffer)
        try checkDocument(buffer, options: .init())
        try checkDocument(buffer, options: .init(maximumDepth: 4, rejectsDuplicateKeys: false))
        if JSONRecordReader.detectLayout(buffer) == .array { try checkArray(buffer) }
    }

    // MARK: - JSON Lines

    /// A non-blank line: its number, where its content lies (without LF and one CR before it).
    struct Line {
        var number: Int
        var start: Int
        var end: Int
    }

    /// The non-blank lines of `buffer`, found without the reader.
    static func nonBlankLines(_ buffer: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var start = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
        var number = 1
        while start < buffer.count {
            var end = start
            while end < buffer.count && buffer[end] != 0x0A { end += 1 }
            var content = end
            if content > start && buffer[content - 1] == 0x0D { content -= 1 }
            if buffer[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                lines.append(Line(number: number, start: start, end: content))
            }
            start = end + 1
            number += 1
        }
        return lines
    }

    static func checkLines(_ buffer: UnsafeBufferPointer<UInt8>) throws(InvariantViolation) {
        var records: [JSONRecordReader.Record] = []
        do {
            try JSONRecordReader.read(buffer, layout: .lines) { records.append($0) }
        } catch {
            throw InvariantViolation(parser: parser, invariant: "reading JSON Lines throws nothing", details: "\(error)")
        }
        let lines = nonBlankLines(buffer)
        try require(records.count == lines.count, parser, "records + errors = non-blank lines",
                    "\(records.count) records for \(lines.count) non-blank lines in \(show(buffer))")
        for (record, line) in zip(records, lines) {
            try require(record.position == line.number && record.line == line.number, parser, "a record is numbered with its line",
                        "record at position \(record.position), line \(record.line) for line \(line.number)")
            if line.end - line.start <= JSONRecordReader.maximumRawTextBytes {
                let raw = String(decoding: buffer[line.start..<line.end], as: UTF8.self)
                try require(record.rawText == raw, parser, "a record's raw text is its line",
                            "\(show(record.rawText)) for \(show(raw))")
            }
            switch record.result {
            case .success(let value):
                try checkWriting(value, "line \(line.number)")
                try checkDuplicates(.success(value), UnsafeBufferPointer(rebasing: buffer[line.start..<line.end]), "line \(line.number)")
            case .failure(let error):
                try checkDuplicates(.failure(error), UnsafeBufferPointer(rebasing: buffer[line.start..<line.end]), "line \(line.number)")
                let inside = error.line == line.number && error.column >= 1 && error.column <= line.end - line.start + 1
                    && error.byteOffset >= line.start && error.byteOffset <= line.end
                try require(inside, parser, "an error lies on its record's line",
                            "\(error) for line \(line.number), bytes \(line.start)..<\(line.end) in \(show(buffer))")
            }
        }
        // The span reader: the same records and errors, and the tree's members.
        var index = 0
        do {
            try JSONRecordReader.readSpans(buffer, layout: .lines) { span in
                guard index < records.count else {
                    throw InvariantViolation(parser: parser, invariant: "the span reader reads the same records",
                                             details: "an extra record at line \(span.line)")
                }
                try compare(span, records[index])
                index += 1
            }
        } catch let violation as InvariantViolation {
            throw violation
        } catch {
            throw InvariantViolation(parser: parser, invariant: "reading JSON Lines as spans throws nothing", details: "\(error)")
        }
        try require(index == records.count, parser, "the span reader reads the same records",
                    "\(index) span records for \(records.count) records")
    }

    /// A span record agrees with the tree record of the same place.
    static func compare(_ span: JSONRecordReader.SpanRecord, _ record: JSONRecordReader.Record) throws(InvariantViolation) {
        try require(span.position == record.position && span.line == record.line, parser, "the span reader reads the same records",
                    "span record \(span.position) at line \(span.line) for record \(record.position) at line \(record.line)")
        switch (span.result, record.result) {
        case (.success, .success(let value)):
            try compareMembers(span.spans, span.document, value, "record \(record.position)")
        case (.failure(let a), .failure(let b)):
            try require(a == b, parser, "the span reader rejects with the parser's error",
                        "record \(record.position): spans \(a), parser \(b)")
        default:
            throw InvariantViolation(parser: parser, invariant: "the span reader accepts what the parser accepts",
                                     details: "record \(record.position) (\(show(Array(span.document)))): spans \(span.result), parser \(record.result)")
        }
    }

    /// The kind of a value, as spans name it.
    static func kind(_ value: JSONValue) -> JSONMemberSpans.Kind {
        switch value {
        case .null: .null
        case .bool(let b): b ? .true : .false
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// The spans of a document are the members of its tree.
    static func compareMembers(_ spans: JSONMemberSpans, _ document: UnsafeBufferPointer<UInt8>, _ tree: JSONValue, _ what: String) throws(InvariantViolation) {
        try require(spans.topLevelKind == kind(tree), parser, "spans see the top-level kind of the tree",
                    "\(what): \(spans.topLevelKind) for \(kind(tree))")
        guard case .object(let object) = tree else {
            try require(spans.count == 0, parser, "only an object has members", "\(what): \(spans.count) members")
            return
        }
        try require(spans.count == object.count, parser, "spans hold the tree's members",
                    "\(what): \(spans.count) spans for \(object.count) members")
        for i in 0..<object.count {
            let key = spans.key(i, in: document)
            try require(Array(key.utf8) == Array(object.keys[i].utf8), parser, "spans hold the tree's members",
                        "\(what) member \(i + 1): key \(show(key)) for \(show(object.keys[i]))")
            let value = object.values[i]
            try require(spans.kind(i) == kind(value), parser, "spans hold the tree's members",
                        "\(what) member \(i + 1): kind \(spans.kind(i)) for \(kind(value))")
            switch value {
            case .string(let s):
                let got = spans.string(i, in: document).map { Array($0.utf8) }
                try require(got == Array(s.utf8), parser, "spans hold the tree's members",
                            "\(what) member \(i + 1): string \(String(describing: got.map(show))) for \(show(s))")
            case .number(let text):
                let lexeme = Array(spans.valueBytes(i, in: document))
                try require(lexeme == Array(text.utf8), parser, "spans hold the tree's members",
                            "\(what) member \(i + 1): number \(show(lexeme)) for \(show(text))")
            case .array, .object:
                let nested: Result<JSONValue, JSONSyntaxError>
                do throws(JSONSyntaxError) {
                    nested = .success(try JSONParser.parse(Array(spans.valueBytes(i, in: document)), options: .init(maximumDepth: 100_000, rejectsDuplicateKeys: false)))
                } catch {
                    nested = .failure(error)
                }
                let same = (try? nested.get()).map { JSONWriter.bytes($0) == JSONWriter.bytes(value) } ?? false
                try require(same, parser, "spans hold the tree's members",
                            "\(what) member \(i + 1): nested text \(show(Array(spans.valueBytes(i, in: document)))) reads as \(nested)")
            case .null, .bool:
                break
            }
            let found = key.utf8.withContiguousStorageIfAvailable { spans.index(ofKey: $0, in: document) } ?? nil
            let expected = object.index(forKey: object.keys[i])
            try require(found == expected, parser, "a key is found where the tree finds it",
                        "\(what): key \(show(key)) found at \(String(describing: found)), tree \(String(describing: expected))")
        }
    }

    /// A value written compact or pretty parses back, and writes again to the same bytes.
    static func checkWriting(_ value: JSONValue, _ what: String) throws(InvariantViolation) {
        let written = JSONWriter.bytes(value)
        let options = JSONParser.Options(maximumDepth: 100_000, rejectsDuplicateKeys: false)
        for text in [written, JSONWriter.prettyBytes(value)] {
            let back: JSONValue
            do {
                back = try JSONParser.parse(text, options: options)
            } catch {
                throw InvariantViolation(parser: parser, invariant: "written JSON parses back",
                                         details: "\(what): \(error) for \(show(text))")
            }
            try require(back == value, parser, "written JSON parses back to the same value",
                        "\(what): \(show(text)) reads back differently")
            let again = JSONWriter.bytes(back)
            try require(again == written, parser, "writing parsed output again gives the same bytes",
                        "\(what): \(show(written)) then \(show(again))")
        }
    }

    // MARK: - Duplicate keys

    /// Keys are duplicates exactly when their decoded UTF-8 bytes are equal: an accepted text (duplicates
    /// rejected) has no object with two such keys, and a text refused for a duplicate key has one.
    static func checkDuplicates(_ outcome: Result<JSONValue, JSONSyntaxError>, _ text: UnsafeBufferPointer<UInt8>, _ what: String) throws(InvariantViolation) {
        switch outcome {
        case .success(let value):
            try require(!hasByteEqualKeys(value), parser, "keys are duplicates exactly when their bytes are equal",
                        "\(what) was accepted with two equal keys in one object")
        case .failure(let error):
            guard error.message.hasPrefix("duplicate key") else { return }
            let options = JSONParser.Options(maximumDepth: 512, rejectsDuplicateKeys: false)
            let allowed: JSONValue
            do throws(JSONSyntaxError) { allowed = try JSONParser.parse(text, options: options) } catch { return }
            try require(hasByteEqualKeys(allowed), parser, "keys are duplicates exactly when their bytes are equal",
                        "\(what): \(error), but no object has two keys with equal bytes")
        }
    }

    /// Whether some object in `value` has two keys with equal UTF-8 bytes.
    static func hasByteEqualKeys(_ value: JSONValue) -> Bool {
        var pending = [value]
        while let next = pending.popLast() {
            switch next {
            case .array(let elements):
                pending.append(contentsOf: elements)
            case .object(let object):
                if Set(object.keys.map { Array($0.utf8) }).count != object.count { return true }
                pending.append(contentsOf: object.values)
            default:
                break
            }
        }
        return false
    }

    // MARK: - One document

    /// The parser and the span scanner agree on the whole input as one JSON text.
    static func checkDocument(_ buffer: UnsafeBufferPointer<UInt8>, options: JSONParser.Options) throws(InvariantViolation) {
        let tree: Result<JSONValue, JSONSyntaxError>
        do throws(JSONSyntaxError) { tree = .success(try JSONParser.parse(buffer, options: options)) } catch { tree = .failure(error) }
        var spans = JSONMemberSpans()
        let scanned: Result<Void, JSONSyntaxError>
        do throws(JSONSyntaxError) {
            try JSONMemberSpans.scan(buffer, into: &spans, options: options)
            scanned = .success(())
        } catch {
            scanned = .failure(error)
        }
        let what = "the whole input (depth \(options.maximumDepth), duplicates \(options.rejectsDuplicateKeys ? "rejected" : "allowed"))"
        switch (scanned, tree) {
        case (.success, .success(let value)):
            try compareMembers(spans, buffer, value, what)
            try checkWriting(value, what)
            if options.rejectsDuplicateKeys { try checkDuplicates(tree, buffer, what) }
        case (.failure(let a), .failure(let b)):
            try require(a == b, parser, "the span scanner rejects with the parser's error", "\(what): spans \(a), parser \(b)")
            try require(b.byteOffset >= 0 && b.byteOffset <= buffer.count && b.line >= 1 && b.column >= 1, parser,
                        "an error lies inside the input", "\(what): \(b) in \(buffer.count) bytes")
            if options.rejectsDuplicateKeys { try checkDuplicates(tree, buffer, what) }
        default:
            throw InvariantViolation(parser: parser, invariant: "the span scanner accepts what the parser accepts",
                                     details: "\(what): spans \(scanned), parser \(tree) for \(show(buffer))")
        }
    }

    // MARK: - Array of records

    /// Both readers read an array of records the same way.
    static func checkArray(_ buffer: UnsafeBufferPointer<UInt8>) throws(InvariantViolation) {
        var records: [JSONRecordReader.Record] = []
        var treeError: JSONSyntaxError?
        do {
            try JSONRecordReader.read(buffer, layout: .array) { records.append($0) }
        } catch let error as JSONSyntaxError {
            treeError = error
        } catch {
            throw InvariantViolation(parser: parser, invariant: "an array of records throws only syntax errors", details: "\(error)")
        }
        var index = 0
        var spanError: JSONSyntaxError?
        do {
            try JSONRecordReader.readSpans(buffer, layout: .array) { span in
                guard index < records.count else {
                    throw InvariantViolation(parser: parser, invariant: "the span reader reads the same records",
                                             details: "an extra array element \(span.position)")
                }
                try compare(span, records[index])
                index += 1
            }
        } catch let violation as InvariantViolation {
            throw violation
        } catch let error as JSONSyntaxError {
            spanError = error
        } catch {
            throw InvariantViolation(parser: parser, invariant: "an array of records throws only syntax errors", details: "\(error)")
        }
        try require(index == records.count && spanError == treeError, parser, "the span reader reads the same array",
                    "\(index) span records then \(String(describing: spanError)); \(records.count) records then \(String(describing: treeError))")
        for record in records {
            if case .success(let value) = record.result { try checkWriting(value, "element \(record.position)") }
        }
    }
}
