import Testing
@testable import Tabular

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test func quotedEscapesQuotesBackslashesAndControlCharacters() {
        #expect(JSONWriter.quoted("plain") == #""plain""#)
        #expect(JSONWriter.quoted("") == #""""#)
        #expect(JSONWriter.quoted(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
        #expect(JSONWriter.quoted("a\nb\tc\r\u{0}\u{1F}\u{8}\u{C}") == #""a\u000ab\u0009c\u000d\u0000\u001f\u0008\u000c""#)
        // Slash, DEL and non-ASCII are left alone.
        #expect(JSONWriter.quoted("a/b\u{7F}") == "\"a/b\u{7F}\"")
        #expect(JSONWriter.quoted("日本語 😀 it’s") == "\"日本語 😀 it’s\"")
    }

    @Test func compactDeterministicOutput() {
        let v: JSONValue = ["b": 1, "a": [true, false, nil, "x"], "c": [:], "d": [], "n": .number("-1.50e400")]
        #expect(JSONWriter.string(v) == #"{"b":1,"a":[true,false,null,"x"],"c":{},"d":[],"n":-1.50e400}"#)
        #expect(JSONWriter.bytes(v) == Array(JSONWriter.string(v).utf8))
        var out = Array("prefix ".utf8)
        JSONWriter.append(.array([.number("7253394974479.0"), .string("k\"")]), to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"prefix [7253394974479.0,"k\""]"#)
    }

    @Test func scalarsAtTopLevel() {
        #expect(JSONWriter.string(.null) == "null")
        #expect(JSONWriter.string(.bool(false)) == "false")
        #expect(JSONWriter.string(.number("1e400")) == "1e400")
        #expect(JSONWriter.string(.string("x")) == #""x""#)
    }

    @Test(arguments: [
        "", "plain", #"quote " and \ backslash"#, "\\n is not a newline", "line\nbreak\r\ttab",
        "\u{0}\u{1}\u{1F}\u{7F}", "emoji 😀👍🏽🇯🇵", "日本語のテキスト", "mixed é ü ß ’ “quotes”", "\u{FEFF}bom",
        "\u{2028}\u{2029}", "</script>", "a\"b\\c/d",
    ])
    func stringsRoundTrip(_ s: String) throws {
        let v = JSONValue.string(s)
        #expect(try JSONParser.parse(JSONWriter.bytes(v)) == v)
        let key: JSONValue = [s.isEmpty ? "k" : s: v, "arr": [v, v]]
        #expect(try JSONParser.parse(JSONWriter.bytes(key)) == key)
    }

    @Test func everyControlCharacterRoundTrips() throws {
        let s = String(decoding: (0..<0x20).map { UInt8($0) } + Array("end".utf8), as: UTF8.self)
        let written = JSONWriter.quoted(s)
        #expect(!written.utf8.contains { $0 < 0x20 })
        #expect(try JSONParser.parse(written) == .string(s))
    }

    @Test func nestedValueRoundTrips() throws {
        let v: JSONValue = [
            "id": .number("11836244663055"),
            "tags": ["a", "b"],
            "via": ["source": ["from": [:], "to": ["name": "日本"]], "channel": "web"],
            "score": nil,
            "ok": true,
        ]
        #expect(try JSONParser.parse(JSONWriter.string(v)) == v)
    }

    @Test func deepValuesAreWrittenWithoutRecursion() throws {
        var v: JSONValue = .number("1")
        for _ in 0..<2_000 { v = .array([v]) }
        let text = JSONWriter.string(v)
        #expect(text == String(repeating: "[", count: 2_000) + "1" + String(repeating: "]", count: 2_000))
        #expect(try JSONParser.parse(text, options: .init(maximumDepth: 2_000)) == v)
    }

    @Test func zendeskRecordsRoundTrip() throws {
        let bytes = try #require(JSONFixtures.bytes("zendesk/expected_records.jsonl"), "shared test data missing")
        var compactLinesChecked = 0
        try JSONRecordReader.read(bytes) { record throws in
            guard case .success(let value) = record.result else { return }
            let written = JSONWriter.bytes(value)
            #expect(try JSONParser.parse(written) == value, "line \(record.line)")
            // Compact source lines without escapes come back byte for byte.
            if record.rawText.hasPrefix(#"{"stream":""#) && !record.rawText.contains("\\") {
                #expect(String(decoding: written, as: UTF8.self) == record.rawText, "line \(record.line)")
                compactLinesChecked += 1
            }
        }
        #expect(compactLinesChecked == 6)
    }
}
