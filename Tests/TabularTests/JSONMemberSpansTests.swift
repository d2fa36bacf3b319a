import Testing
@testable import Tabular

/// The outcome of parsing `bytes` with the tree parser.
private func parsed(_ bytes: [UInt8], options: JSONParser.Options) -> Result<JSONValue, JSONSyntaxError> {
    do {
        return .success(try JSONParser.parse(bytes, options: options))
    } catch {
        return .failure(error)
    }
}

/// The kind a span scan reports for a parsed value.
private func kind(of value: JSONValue) -> JSONMemberSpans.Kind {
    switch value {
    case .null: return .null
    case .bool(let b): return b ? .true : .false
    case .number: return .number
    case .string: return .string
    case .array: return .array
    case .object: return .object
    }
}

/// Checks that `spans` (scanned from `document`) describe `value` member by member.
private func expectSpans(
    _ spans: JSONMemberSpans, in document: UnsafeBufferPointer<UInt8>, describe value: JSONValue,
    options: JSONParser.Options = .init(), _ label: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(spans.topLevelKind == kind(of: value), "top-level kind of \(label)", sourceLocation: sourceLocation)
    guard case .object(let object) = value else {
        #expect(spans.count == 0, "members of a non-object \(label)", sourceLocation: sourceLocation)
        return
    }
    #expect(spans.count == object.count, "member count of \(label)", sourceLocation: sourceLocation)
    guard spans.count == object.count else { return }
    for i in 0..<spans.count {
        let key = object.keys[i]
        let member = object.values[i]
        #expect(spans.key(i, in: document) == key, "key \(i) of \(label)", sourceLocation: sourceLocation)
        let rawKey = String(decoding: spans.keyBytes(i, in: document), as: UTF8.self)
        #expect(spans.keyHasEscapes(i) == rawKey.contains("\\"), "key escapes \(i) of \(label)", sourceLocation: sourceLocation)
        if !spans.keyHasEscapes(i) { #expect(rawKey == key, sourceLocation: sourceLocation) }
        let found = Array(key.utf8).withUnsafeBufferPointer { spans.index(ofKey: $0, in: document) }
        #expect(found == object.index(forKey: key), "index of \(key) in \(label)", sourceLocation: sourceLocation)
        #expect(spans.kind(i) == kind(of: member), "kind \(i) of \(label)", sourceLocation: sourceLocation)
        let raw = Array(spans.valueBytes(i, in: document))
        let rawText = String(decoding: raw, as: UTF8.self)
        switch member {
        case .string(let s):
            #expect(spans.string(i, in: document) == s, "string \(i) of \(label)", sourceLocation: sourceLocation)
            #expect(spans.valueHasEscapes(i) == rawText.contains("\\"), sourceLocation: sourceLocation)
            #expect(parsed([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")], options: options) == .success(member),
                sourceLocation: sourceLocation)
        case .number(let lexeme):
            #expect(rawText == lexeme, "number \(i) of \(label)", sourceLocation: sourceLocation)
            #expect(spans.string(i, in: document) == nil, sourceLocation: sourceLocation)
        case .null:
            #expect(rawText == "null", sourceLocation: sourceLocation)
        case .bool(let b):
            #expect(rawText == (b ? "true" : "false"), sourceLocation: sourceLocation)
        case .array, .object:
            #expect(parsed(raw, options: options) == .success(member), "nested \(i) of \(label)", sourceLocation: sourceLocation)
        }
        if case .string = member {} else {
            #expect(!spans.valueHasEscapes(i), sourceLocation: sourceLocation)
        }
    }
    #expect(Array("no such key".utf8).withUnsafeBufferPointer { spans.index(ofKey: $0, in: document) } == nil)
}

/// Scans `bytes` into `spans` and checks that the outcome is the parser's.
private func expectAgreement(
    _ bytes: [UInt8], spans: inout JSONMemberSpans, options: JSONParser.Options = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let label = String(decoding: bytes.prefix(80), as: UTF8.self).debugDescription
    let expected = parsed(bytes, options: options)
    bytes.withUnsafeBufferPointer { document in
        let outcome: Result<Void, JSONSyntaxError>
        do throws(JSONSyntaxError) {
            try JSONMemberSpans.scan(document, into: &spans, options: options)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        switch (expected, outcome) {
        case (.success(let value), .success):
            expectSpans(spans, in: document, describe: value, options: options, label, sourceLocation: sourceLocation)
        case (.failure(let e), .failure(let got)):
            #expect(got == e, "error of \(label)", sourceLocation: sourceLocation)
            #expect(spans.count == 0, sourceLocation: sourceLocation)
        case (.success, .failure(let got)):
            Issue.record("scan rejected \(label) that the parser accepts: \(got)", sourceLocation: sourceLocation)
        case (.failure(let e), .success):
            Issue.record("scan accepted \(label) that the parser rejects: \(e)", sourceLocation: sourceLocation)
        }
    }
}

private func expectAgreement(
    _ text: String, spans: inout JSONMemberSpans, options: JSONParser.Options = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectAgreement(Array(text.utf8), spans: &spans, options: options, sourceLocation: sourceLocation)
}

/// Hand-written objects that must scan like they parse.
private let trickyObjects: [String] = [
    "{}",
    " \t{ }\r",
    "{}\r\n",
    #"{"a":1}"#,
    " \r\n\t{ \"a\" \t:\r\n 1 , \"b\"\n:\"x\"\t}\t \r",
    #"{"id":"T100001","account_id":"A00042","created_at":"2025-05-14T09:30:00+09:00","solved_at":null,"status":"open","escalation_level":1,"reopens":0,"tags":["billing","vip"]}"#,
    #"{"k\"ey":"v\"al","back\\slash":"\\","sl\/ash":"\/","ctl":"\b\f\n\r\t"}"#,
    #"{"\u0061":"\u00e9","it\u2019s":"it\u2019s","😀":"\uD83D\uDE00 smile","x":"\ud83d\ude00"}"#,
    #"{"名前": "日本語のテキスト", "e": "é😀", "é": "e"}"#,
    #"{"n1":0,"n2":-0,"n3":-1.50,"n4":1e400,"n5":1E+2,"n6":1.5e-3,"n7":123456789012345678901234567890,"n8":7253394974479.0}"#,
    #"{"t":true,"f":false,"z":null}"#,
    #"{"a":[],"o":{},"aa":[[1,[2]],{"x":[{}]}],"oo":{"a":{"b":{"c":"d\n"}},"e":[true,false,null]}}"#,
    #"{"nested":{"a":1,"a2":{"a":1}},"again":{"a":2}}"#,
    #"{"":"","  ":" ","e":""}"#,
    #"{"s":"\\u0041 is not an escape","t":"\"quoted\""}"#,
    "{\"a\" : [ 1 , 2 ] , \"b\" : { \"c\" : 3 } }",
    "{\"crlf\":\"x\"}\r\n",
    "{\r\n  \"multi\": [\r\n    1\r\n  ]\r\n}",
    // Not objects: valid, reported by kind with no members.
    "[1,2]", #""str""#, "42", "-1.5e3", "true", "false", "null", " [] ", "[{\"a\":1}]",
]

/// Malformed texts (the parser tests' cases); each is also tried as a member value and inside an array member.
private let malformed: [String] = [
    "[1,2,]", #"{"a":1,}"#, "[1,\n]", "[,1]", "[1,,2]",
    "NaN", "[1, Infinity]", "-Infinity",
    "01", "[-01]", "00", "-", "1.", "1.e5", "1e", "1e+", ".5", "+1", "0x1F", "[1 2]",
    "{'a': 1}", "['a']", "/* c */ 1", "[1 // c\n]", "1 # c",
    "tru", "[nul]", "True", "falsey",
    "\"a\tb\"", "\"a\nb\"", "\"\u{0}\"", "\u{B}1",
    #""a\x""#, #""a\'""#, #""\u12G4""#, #""\u12""#, #""\u12"#, #""abc\"#,
    #""\uD800""#, #""ab\uDC00""#, #""\uD83D\u0041""#, #""\uD83Dx""#, #""\uD83D\uD83D""#, #""\uD83D\uZZZZ""#,
    #"["日本", x]"#, "{\"é😀\": 1,}",
    "{\n  \"a\": 1\n  \"b\": 2\n}", "[1,\r\n x]", "  \n ",
    "", #"{"a":"#, #""abc"#, "[1, 2", "{", #"{"a""#,
    "{1: 2}", #"{"a" 1}"#, #"{"a":1 "b":2}"#, #"{"\u0061" 1}"#, #"{"a\n" 1}"#,
    #"{"a":1}}"#, "1 2", "[] []", "{} x", "{}}",
    #"{"id":1,"id":2}"#, #"{"a":{"x":1,"y":2,"x":3}}"#, #"{"a":1,"\u0061":2}"#, #"{"\u0061":1,"a":2}"#,
    #"{"\u0061":1,"\u0061":2}"#, #"{"":1,"":2}"#, #"{"ab":1,"a":2,"ab":3}"#,
    "{\"a\":1}\u{FEFF}",
]

private let invalidUTF8: [[UInt8]] = [
    [0x22, 0x61, 0xFF, 0x22], [0x22, 0x61, 0xC0, 0x80, 0x22], [0x22, 0xE0, 0x80, 0x80, 0x22],
    [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xE3, 0x81, 0x22],
    [0x22, 0x80, 0x22], [0x22, 0xE3, 0x81], [0x5B, 0xFF, 0x5D], Array("[é]".utf8),
    [0xEF, 0xBB, 0xBF] + Array("{}".utf8),
]

@Suite("JSONMemberSpans")
struct JSONMemberSpansTests {
    @Test func zendeskExpectedRecordLines() throws {
        let bytes = try #require(JSONFixtures.bytes("zendesk/expected_records.jsonl"), "shared test data missing")
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        #expect(lines.count == 71)
        var spans = JSONMemberSpans()
        var objects = 0
        for line in lines {
            expectAgreement(Array(line), spans: &spans)
            if spans.count > 0 { objects += 1 }
        }
        #expect(objects == 70)
    }

    @Test func trickyObjectsAgreeWithTheParser() {
        var spans = JSONMemberSpans()
        for text in trickyObjects {
            expectAgreement(text, spans: &spans)
            expectAgreement(text, spans: &spans, options: .init(rejectsDuplicateKeys: false))
        }
    }

    @Test func malformedInputsThrowTheParsersError() {
        var spans = JSONMemberSpans()
        for text in malformed {
            for variant in [text, #"{"k": "# + text + "}", #"{"a":1, "k":["# + text + "]}", " {\"k\":\r\n" + text + " }"] {
                expectAgreement(variant, spans: &spans)
                expectAgreement(variant, spans: &spans, options: .init(rejectsDuplicateKeys: false))
            }
            // A good scan between bad ones starts afresh.
            expectAgreement(#"{"a":1}"#, spans: &spans)
        }
        for bytes in invalidUTF8 {
            expectAgreement(bytes, spans: &spans)
            expectAgreement(Array(#"{"k":"#.utf8) + bytes + [UInt8(ascii: "}")], spans: &spans)
            expectAgreement(Array(#"{"#.utf8) + bytes + Array(":1}".utf8), spans: &spans)
        }
    }

    @Test func emptyBufferIsTheParsersError() {
        var spans = JSONMemberSpans()
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        #expect(throws: JSONSyntaxError(
            message: "unexpected end of input, expected a value", line: 1, column: 1, byteOffset: 0)
        ) { try JSONMemberSpans.scan(empty, into: &spans) }
    }

    @Test func duplicateKeysInLargeObjects() {
        var spans = JSONMemberSpans()
        let members = (0..<100).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        for text in [
            "{\(members)}", "{\(members), \"k7\": 0}", "{\(members), \"\\u006b99\": 0}",
            "{\"\\u006b3\": 0, \(members)}", "{\(members), \"k100\": {\(members), \"k5\": 1}}",
            "{\"a\": {\(members)}, \"b\": {\(members)}}",
        ] {
            expectAgreement(text, spans: &spans)
            expectAgreement(text, spans: &spans, options: .init(rejectsDuplicateKeys: false))
        }
    }

    @Test func depthLimit() {
        var spans = JSONMemberSpans()
        let two = JSONParser.Options(maximumDepth: 2)
        for text in ["{\"a\":[1]}", "{\"a\":[[1]]}", "{\"a\":{}}", "{\"a\":{\"b\":{}}}", "[[1]]", "[[[1]]]"] {
            expectAgreement(text, spans: &spans, options: two)
        }
        expectAgreement("{\"a\":" + String(repeating: "[", count: 10_000), spans: &spans)
        expectAgreement(String(repeating: #"{"a":"#, count: 10_000), spans: &spans)
        let ok = "{\"a\":" + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + "}"
        expectAgreement(ok, spans: &spans)
        let tooDeep = "{\"a\":" + String(repeating: "[", count: 512) + String(repeating: "]", count: 512) + "}"
        expectAgreement(tooDeep, spans: &spans)
    }

    @Test func offsetsAreRelativeToTheDocument() throws {
        let text = Array(#"  {"id": "T1", "n": 42}  "#.utf8)
        var spans = JSONMemberSpans()
        try text.withUnsafeBufferPointer { document throws(JSONSyntaxError) in
            try JSONMemberSpans.scan(document, into: &spans)
            #expect(spans.count == 2)
            #expect(String(decoding: spans.keyBytes(0, in: document), as: UTF8.self) == "id")
            #expect(String(decoding: spans.valueBytes(0, in: document), as: UTF8.self) == "T1")
            #expect(String(decoding: spans.valueBytes(1, in: document), as: UTF8.self) == "42")
            #expect(spans.kind(1) == .number)
            #expect(Array("n".utf8).withUnsafeBufferPointer { spans.index(ofKey: $0, in: document) } == 1)
        }
    }

    // MARK: readSpans

    /// Reads `bytes` both ways and checks that the records agree.
    private func expectReadersAgree(
        _ bytes: [UInt8], layout: JSONRecordReader.Layout? = nil, options: JSONParser.Options = .init(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var trees: [JSONRecordReader.Record] = []
        var treeError: Error?
        do {
            try JSONRecordReader.read(bytes, layout: layout, options: options) { trees.append($0) }
        } catch {
            treeError = error
        }
        var count = 0
        var spanError: Error?
        do {
            try JSONRecordReader.readSpans(bytes, layout: layout, options: options) { record in
                defer { count += 1 }
                guard count < trees.count else {
                    Issue.record("readSpans gave an extra record", sourceLocation: sourceLocation)
                    return
                }
                let tree = trees[count]
                #expect(record.position == tree.position, sourceLocation: sourceLocation)
                #expect(record.line == tree.line, sourceLocation: sourceLocation)
                #expect(record.rawText == tree.rawText, sourceLocation: sourceLocation)
                #expect(record.byteRange.count == record.document.count, sourceLocation: sourceLocation)
                switch (tree.result, record.result) {
                case (.success(let value), .success):
                    expectSpans(record.spans, in: record.document, describe: value, options: options,
                        "record \(record.position)", sourceLocation: sourceLocation)
                case (.failure(let e), .failure(let got)):
                    #expect(got == e, sourceLocation: sourceLocation)
                    #expect(record.spans.count == 0, sourceLocation: sourceLocation)
                default:
                    Issue.record("record \(record.position): \(tree.result) vs \(record.result)", sourceLocation: sourceLocation)
                }
            }
        } catch {
            spanError = error
        }
        #expect(count == trees.count, sourceLocation: sourceLocation)
        #expect(spanError as? JSONSyntaxError == treeError as? JSONSyntaxError, sourceLocation: sourceLocation)
        #expect((spanError == nil) == (treeError == nil), sourceLocation: sourceLocation)
    }

    @Test func readSpansOverTheZendeskFixture() throws {
        let bytes = try #require(JSONFixtures.bytes("zendesk/expected_records.jsonl"), "shared test data missing")
        expectReadersAgree(bytes)
        var positions: [Int] = []
        var failures: [Int] = []
        try JSONRecordReader.readSpans(bytes) { record in
            positions.append(record.position)
            if case .failure = record.result { failures.append(record.position) }
        }
        #expect(positions == Array(1...71))
        #expect(failures == [35])
    }

    @Test(arguments: [
        "{\"a\":1}\r\n\r\n  \t\r\n{\"a\":2}\r\n\n{\"a\":3}",
        "{\"a\":1}\n{\"a\":01}\n  {\"b\":2}}\n{\"c\":3}\n",
        "{\"a\":1}\n{\"a\":",
        "{\"a\":\"x\n{\"b\":1}\n",
        "{\"a\":1}\n{\"名前\": \"日本\" x}\n",
        "[1]\n[2, 3]\n\"s\"\nnull\n",
        "",
        " \n\r\n\t",
        "{\"a\":1,\"a\":2}\n{\"b\":{\"c\":1,\"c\":2}}\n{\"d\":[{\"e\":1},{\"e\":2}]}\n",
        "{\"s\":\"" + String(repeating: "é", count: 3000) + "\"}}\n",
        // Arrays of records.
        "[\n  {\"id\": 1},\n  {\"id\": 2}, {\"id\": 3},\n  {\"id\": 4,\n   \"x\": [1, 2]}\n]\n",
        "[\r\n1,\r\n\"two\",\r\nnull\r\n]\r\n",
        "[{\"a\":1},\n {\"a\":01, \"s\":\"],}\"},\n {\"a\":1,\"a\":2},\n [tru, [3]],\n {\"b\":2}]",
        "[{\"a\":1}\n {\"b\":2}]",
        "[{\"a\":1},\n{\"b\":",
        "[{\"a\":1},\n{\"b\":2}",
        "[{\"a\":1},\n",
        "[{\"a\":1}}, {\"b\":2}]",
        "[1,\n2,\n]",
        "[1, 2]\n x",
        "[]", "  [ \n ]  \n", "[,1]",
        "[{\"a\":1}, {\"a\":\"x}, {\"b\":2}]",
        "[[1], [[2]], 3]",
    ])
    func readSpansAgreesWithRead(_ text: String) {
        expectReadersAgree(Array(text.utf8))
        expectReadersAgree(Array(text.utf8), options: .init(maximumDepth: 2, rejectsDuplicateKeys: false))
    }

    @Test func readSpansWithByteOrderMarkAndExplicitLayouts() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        expectReadersAgree(bom + Array("{\"a\":1}}\n{\"b\":2}\n".utf8))
        expectReadersAgree(bom + Array(" [{\"a\":1}]".utf8))
        expectReadersAgree(Array("[1]\n[2, 3]\n".utf8), layout: .lines)
        expectReadersAgree(Array("{\"a\":1}".utf8), layout: .array)
    }

    @Test func readSpansByteRangesAndLazyRawText() throws {
        let text = Array("{\"a\":\"x\"}\r\n\n  {\"b\":[1]} \n".utf8)
        var ranges: [Range<Int>] = []
        var values: [String] = []
        try JSONRecordReader.readSpans(text) { record in
            ranges.append(record.byteRange)
            let b = record.spans
            values.append(String(decoding: b.valueBytes(0, in: record.document), as: UTF8.self))
            #expect(Array(record.document) == Array(text[record.byteRange]))
        }
        #expect(ranges == [0..<9, 12..<24])
        #expect(values == ["x", "[1]"])
    }

    @Test func readSpansBodyErrorsPropagate() {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try JSONRecordReader.readSpans(Array("{}\n{}\n{}\n".utf8)) { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }
}
