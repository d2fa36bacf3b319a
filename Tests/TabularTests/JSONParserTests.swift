import Testing
@testable import Tabular

/// The error from parsing `text`, or nil when it parses.
private func parseError(_ text: String, options: JSONParser.Options = .init()) -> JSONSyntaxError? {
    parseError(Array(text.utf8), options: options)
}

private func parseError(_ bytes: [UInt8], options: JSONParser.Options = .init()) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes, options: options)
        return nil
    } catch {
        return error
    }
}

/// Checks that `text` fails at the given line and column with a message containing `fragment`.
private func expectError(
    _ text: String, line: Int = 1, column: Int, offset: Int? = nil, _ fragment: String,
    options: JSONParser.Options = .init(), sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let e = parseError(text, options: options) else {
        Issue.record("expected an error for \(text.debugDescription)", sourceLocation: sourceLocation)
        return
    }
    #expect(e.line == line, "line of \(e)", sourceLocation: sourceLocation)
    #expect(e.column == column, "column of \(e)", sourceLocation: sourceLocation)
    if let offset { #expect(e.byteOffset == offset, "offset of \(e)", sourceLocation: sourceLocation) }
    #expect(e.message.contains(fragment), "message of \(e)", sourceLocation: sourceLocation)
}

@Suite("JSONParser")
struct JSONParserTests {
    // MARK: Values

    @Test func scalars() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse("true") == .bool(true))
        #expect(try JSONParser.parse("false") == .bool(false))
        #expect(try JSONParser.parse(#""abc""#) == .string("abc"))
        #expect(try JSONParser.parse(#""""#) == .string(""))
        #expect(try JSONParser.parse(" \t\r\n 42 \n") == .number("42"))
    }

    @Test(arguments: [
        "0", "-0", "123", "-1.50", "1e400", "1E+2", "1.5e-3", "0.0", "-0.0e0", "11836244663055",
        "7253394974479.0", "123456789012345678901234567890",
    ])
    func numbersKeepTheirText(_ lexeme: String) throws {
        #expect(try JSONParser.parse(lexeme) == .number(lexeme))
        #expect(try JSONParser.parse("[\(lexeme)]") == .array([.number(lexeme)]))
    }

    @Test func objectsKeepSourceOrderAndLookUpByKey() throws {
        let v = try JSONParser.parse(#"{"b": 1, "a": [true, null, "x"], "c": {"d": -2.5}, "e": {}, "f": []}"#)
        let o = try #require(v.objectValue)
        #expect(o.keys == ["b", "a", "c", "e", "f"])
        #expect(o["b"] == .number("1"))
        #expect(o["a"] == .array([.bool(true), .null, .string("x")]))
        #expect(o["c"]?["d"] == .number("-2.5"))
        #expect(o["e"] == .object(JSONObject()))
        #expect(o["f"] == .array([]))
        #expect(o["missing"] == nil)
        #expect(o.members.map(\.key) == ["b", "a", "c", "e", "f"])
        #expect(v == ["b": 1, "a": [true, nil, "x"], "c": ["d": .number("-2.5")], "e": [:], "f": []])
    }

    @Test func stringEscapes() throws {
        #expect(try JSONParser.parse(#""a\"b\\c\/d\be\ff\ng\rh\ti""#) == .string("a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti"))
        #expect(try JSONParser.parse(#""it\u2019s""#) == .string("it\u{2019}s"))
        #expect(try JSONParser.parse(#""\u0000\u001F\u00e9""#) == .string("\u{0}\u{1F}é"))
        #expect(try JSONParser.parse(#""\uD83D\uDE00 smile""#) == .string("😀 smile"))
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONParser.parse(#""literal \\n stays""#) == .string("literal \\n stays"))
    }

    @Test func rawUTF8InStrings() throws {
        #expect(try JSONParser.parse(#"{"名前": "日本語のテキスト", "e": "é😀"}"#)
            == ["名前": "日本語のテキスト", "e": "é😀"])
    }

    @Test func escapesAndSpecialBytesAtEveryOffsetOfALongString() throws {
        // Exercises the 8-bytes-at-a-time scan with the interesting byte at each position.
        for k in 0..<20 {
            let prefix = String(repeating: "x", count: k)
            #expect(try JSONParser.parse("\"\(prefix)\\n\(prefix)\"") == .string("\(prefix)\n\(prefix)"))
            #expect(try JSONParser.parse("\"\(prefix)é\(prefix)\"") == .string("\(prefix)é\(prefix)"))
            #expect(try JSONParser.parse("\"\(prefix)\"") == .string(prefix))
            expectError("\"\(prefix)\t\"", column: k + 2, "control character U+0009")
        }
    }

    // MARK: Strictness

    @Test func trailingCommas() {
        expectError("[1,2,]", column: 5, offset: 4, "trailing comma before ']'")
        expectError(#"{"a":1,}"#, column: 7, "trailing comma before '}'")
        expectError("[1,\n]", column: 3, "trailing comma")
        expectError("[,1]", column: 2, "expected a value, found ','")
        expectError("[1,,2]", column: 4, "expected a value")
    }

    @Test func nanAndInfinity() {
        expectError("NaN", column: 1, "NaN and Infinity")
        expectError("[1, Infinity]", column: 5, "NaN and Infinity")
        expectError("-Infinity", column: 2, "expected a digit after '-'")
    }

    @Test func numberGrammar() {
        expectError("01", column: 1, "leading zeros")
        expectError("[-01]", column: 2, "leading zeros")
        expectError("00", column: 1, "leading zeros")
        expectError("-", column: 2, "expected a digit after '-'")
        expectError("1.", column: 3, "expected a digit after '.'")
        expectError("1.e5", column: 3, "expected a digit after '.'")
        expectError("1e", column: 3, "expected a digit in the exponent")
        expectError("1e+", column: 4, "expected a digit in the exponent")
        expectError(".5", column: 1, "expected a value, found '.'")
        expectError("+1", column: 1, "expected a value, found '+'")
        expectError("0x1F", column: 2, "after the JSON value")
        expectError("[1 2]", column: 4, "expected ',' or ']'")
    }

    @Test func singleQuotesAndComments() {
        expectError("{'a': 1}", column: 2, "single-quoted")
        expectError("['a']", column: 2, "single-quoted")
        expectError("/* c */ 1", column: 1, "comments are not JSON")
        expectError("[1 // c\n]", column: 4, "expected ',' or ']' after an array element, found '/'")
        expectError("1 # c", column: 3, "after the JSON value")
    }

    @Test func literals() {
        expectError("tru", column: 1, "invalid literal, expected 'true'")
        expectError("[nul]", column: 2, "expected 'null'")
        expectError("True", column: 1, "expected a value, found 'T'")
        expectError("falsey", column: 6, "unexpected 'y' after the JSON value")
    }

    @Test func controlCharactersInStrings() {
        expectError("\"a\tb\"", column: 3, offset: 2, "unescaped control character U+0009")
        expectError("\"a\nb\"", column: 3, "unescaped control character U+000A")
        expectError("\"\u{0}\"", column: 2, "U+0000")
        expectError("\u{B}1", column: 1, "control character U+000B")
    }

    @Test func invalidEscapes() {
        expectError(#""a\x""#, column: 3, "invalid escape \\x")
        expectError(#""a\'""#, column: 3, "invalid escape \\'")
        expectError(#""\u12G4""#, column: 2, "four hex digits")
        expectError(#""\u12""#, column: 2, "four hex digits")
        expectError(#""\u12"#, column: 6, "end of input")
        expectError(#""abc\"#, column: 6, "end of input")
    }

    @Test func loneSurrogates() {
        expectError(#""\uD800""#, column: 2, "lone high surrogate \\uD800")
        expectError(#""ab\uDC00""#, column: 4, "lone low surrogate \\uDC00")
        expectError(#""\uD83D\u0041""#, column: 2, "lone high surrogate")
        expectError(#""\uD83Dx""#, column: 2, "lone high surrogate")
        expectError(#""\uD83D\uD83D""#, column: 2, "lone high surrogate")
        expectError(#""\uD83D\uZZZZ""#, column: 8, "four hex digits")
    }

    @Test func invalidUTF8() {
        let cases: [([UInt8], Int)] = [
            ([0x22, 0x61, 0xFF, 0x22], 2),  // not a lead byte
            ([0x22, 0x61, 0xC0, 0x80, 0x22], 2),  // overlong NUL
            ([0x22, 0xE0, 0x80, 0x80, 0x22], 1),  // overlong 3-byte
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // above U+10FFFF
            ([0x22, 0xE3, 0x81, 0x22], 1),  // truncated sequence
            ([0x22, 0x80, 0x22], 1),  // lone continuation byte
            ([0x22, 0xE3, 0x81], 1),  // truncated at end of input
        ]
        for (bytes, offset) in cases {
            let e = parseError(bytes)
            #expect(e?.byteOffset == offset, "\(bytes)")
            #expect(e?.message.contains("invalid UTF-8") == true, "\(bytes)")
        }
        // Outside a string, a non-ASCII byte is unexpected.
        #expect(parseError([0x5B, 0xFF, 0x5D])?.message.contains("invalid UTF-8 byte 0xFF") == true)
        #expect(parseError(Array("[é]".utf8))?.message.contains("'é' (U+00E9)") == true)
    }

    @Test func byteOrderMarkIsNotJSONForTheParser() {
        let e = parseError([0xEF, 0xBB, 0xBF] + Array("{}".utf8))
        #expect(e?.column == 1)
        #expect(e?.message.contains("byte order mark") == true)
    }

    @Test func columnsCountCharactersNotBytes() {
        // [ " 日 本 " , ␠ x  → x is character 8 but byte 11.
        expectError(#"["日本", x]"#, column: 8, offset: 11, "expected a value, found 'x'")
        expectError("{\"é😀\": 1,}", column: 9, offset: 12, "trailing comma")
    }

    @Test func linesAndColumnsAcrossLines() {
        expectError("{\n  \"a\": 1\n  \"b\": 2\n}", line: 3, column: 3, offset: 13, "expected ',' or '}'")
        expectError("[1,\r\n x]", line: 2, column: 2, "found 'x'")
        expectError("  \n ", line: 2, column: 2, offset: 4, "unexpected end of input")
    }

    @Test func emptyAndTruncatedInput() {
        expectError("", column: 1, offset: 0, "unexpected end of input, expected a value")
        expectError(#"{"a":"#, column: 6, "unexpected end of input, expected a value")
        expectError(#""abc"#, column: 5, "unexpected end of input in a string")
        expectError("[1, 2", column: 6, "found end of input")
        expectError("{", column: 2, "expected a double-quoted key, found end of input")
        expectError(#"{"a""#, column: 5, "expected ':'")
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(UnsafeBufferPointer<UInt8>(start: nil, count: 0)) }
    }

    @Test func keysMustBeStringsFollowedByColons() {
        expectError("{1: 2}", column: 2, "expected a double-quoted key, found '1'")
        expectError(#"{"a" 1}"#, column: 6, #"expected ':' after key "a", found '1'"#)
        expectError(#"{"a":1 "b":2}"#, column: 8, "expected ',' or '}' after an object member")
    }

    @Test func trailingGarbage() {
        expectError(#"{"a":1}}"#, column: 8, offset: 7, "unexpected '}' after the JSON value")
        expectError("1 2", column: 3, "after the JSON value")
        expectError("[] []", column: 4, "after the JSON value")
    }

    @Test func duplicateKeys() throws {
        expectError(#"{"id":1,"id":2}"#, column: 9, #"duplicate key "id""#)
        expectError(#"{"a":{"x":1,"y":2,"x":3}}"#, column: 19, #"duplicate key "x""#)
        // Same key in different objects is fine.
        #expect(parseError(#"{"a":{"a":1},"b":{"a":2},"c":[{"a":1},{"a":2}]}"#) == nil)
        // Allowed on request: both kept, lookup finds the last.
        let v = try JSONParser.parse(#"{"id":1,"id":2}"#, options: .init(rejectsDuplicateKeys: false))
        #expect(v.objectValue?.count == 2)
        #expect(v["id"] == .number("2"))
    }

    @Test func duplicateKeysInALargeObject() {
        let members = (0..<100).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(parseError("{\(members)}") == nil)
        let text = "{\(members), \"k7\": 0}"
        let e = parseError(text)
        #expect(e?.message == #"duplicate key "k7""#)
        #expect(e?.byteOffset == text.utf8.count - 8)
        // The set used for large objects does not leak into the next object.
        let two = "[{\(members)}, {\(members)}]"
        #expect(parseError(two) == nil)
        // An escaped spelling of an earlier key is found past the linear-scan limit too.
        #expect(parseError("{\(members), \"\\u006b99\": 0}")?.message == #"duplicate key "k99""#)
    }

    @Test func escapedKeysAreComparedDecoded() {
        expectError(#"{"a":1,"\u0061":2}"#, column: 8, #"duplicate key "a""#)
    }

    @Test func depthLimit() throws {
        let deep = String(repeating: "[", count: 10_000)
        expectError(deep, column: 513, offset: 512, "nesting deeper than 512 levels")
        let deepObjects = String(repeating: #"{"a":"#, count: 10_000)
        #expect(parseError(deepObjects)?.message.contains("nesting deeper than 512") == true)

        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(parseError(ok) == nil)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        expectError(tooDeep, column: 513, "nesting deeper")

        let two = JSONParser.Options(maximumDepth: 2)
        #expect(parseError("[[1]]", options: two) == nil)
        #expect(parseError(#"[{"a":1}]"#, options: two) == nil)
        expectError("[[[1]]]", column: 3, "nesting deeper than 2 levels", options: two)
        expectError("[[{}]]", column: 3, "nesting deeper than 2 levels", options: two)
    }

    @Test func deepButAllowedNestingBuildsTheTree() throws {
        let n = 2_000
        let text = String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n)
        var v = try JSONParser.parse(text, options: .init(maximumDepth: n))
        var depth = 0
        while case .array(let a) = v, let first = a.first {
            depth += 1
            v = first
        }
        #expect(depth == n)
        #expect(v == .number("1"))
    }

    @Test func errorDescription() {
        let e = parseError(#"{"a":1}}"#)
        #expect(e?.description == "unexpected '}' after the JSON value at line 1, column 8 (byte 7)")
    }

    // MARK: Real files

    @Test func zendeskTicketsFixture() throws {
        let bytes = try #require(JSONFixtures.bytes("zendesk/tickets.json"), "shared test data missing")
        let v = try JSONParser.parse(bytes)
        #expect(v["end_of_stream"] == .bool(true))
        #expect(v["before_cursor"] == .null)
        let ticket = try #require(v["tickets"]?.arrayValue?.first)
        #expect(ticket["generated_timestamp"] == .number("1723660897"))
        #expect(ticket["collaborator_ids"] == [.number("35334"), .number("234")])
        let fields = try #require(ticket["custom_fields"]?.arrayValue)
        #expect(fields.first == ["id": .number("27642"), "value": "745"])
        #expect(ticket["raw_subject"]?.stringValue?.contains("{{dc.printer_on_fire}}") == true)
    }

    @Test func zendeskTicketMetricsFixture() throws {
        let bytes = try #require(JSONFixtures.bytes("zendesk/ticket_metrics.json"), "shared test data missing")
        let metric = try #require(try JSONParser.parse(bytes)["ticket_metric"])
        #expect(metric["generated_timestamp"] == .number("1681308296"))
        #expect(metric["id"] == .number("5527084754447"))
    }

    @Test func zendeskSatisfactionRatingsFixture() throws {
        let bytes = try #require(JSONFixtures.bytes("zendesk/satisfaction_ratings.json"), "shared test data missing")
        let v = try JSONParser.parse(bytes)
        #expect(v["satisfaction_ratings"]?.arrayValue?.first?["score"] == "good")
        #expect(v["meta"]?["has_more"] != nil)
        #expect(v["links"]?.objectValue != nil)
    }
}
