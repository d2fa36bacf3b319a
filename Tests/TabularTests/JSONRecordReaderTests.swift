import Testing
@testable import Tabular

private func records(
    _ text: String, layout: JSONRecordReader.Layout? = nil, options: JSONParser.Options = .init()
) throws -> [JSONRecordReader.Record] {
    try JSONRecordReader.readAll(Array(text.utf8), layout: layout, options: options)
}

private func thrown(_ text: String) -> (error: JSONSyntaxError?, delivered: Int) {
    var delivered = 0
    do {
        try JSONRecordReader.read(Array(text.utf8)) { _ in delivered += 1 }
        return (nil, delivered)
    } catch let e as JSONSyntaxError {
        return (e, delivered)
    } catch {
        return (nil, delivered)
    }
}

private extension JSONRecordReader.Record {
    var value: JSONValue? { try? result.get() }
    var error: JSONSyntaxError? {
        if case .failure(let e) = result { return e }
        return nil
    }
}

@Suite("JSONRecordReader")
struct JSONRecordReaderTests {
    // MARK: Real data

    @Test func zendeskExpectedRecords() throws {
        let bytes = try #require(JSONFixtures.bytes("zendesk/expected_records.jsonl"), "shared test data missing")
        let all = try JSONRecordReader.readAll(bytes)
        #expect(all.count == 71)
        #expect(all.map(\.position) == Array(1...71))
        #expect(all.map(\.line) == Array(1...71))
        let failures = all.filter { $0.error != nil }
        #expect(failures.count == 1)
        let bad = try #require(failures.first)
        #expect(bad.position == 35)
        let e = try #require(bad.error)
        // The extra `}` is the last of line 35's 3,350 characters.
        #expect(e.line == 35)
        #expect(e.column == 3350)
        #expect(e.column == bad.rawText.count)
        #expect(e.byteOffset == 23559)
        #expect(e.message == "unexpected '}' after the JSON value")
        #expect(bad.rawText.hasPrefix(#"{"stream":"ticket_activities""#))
        #expect(bad.rawText.hasSuffix("1738602991286}}"))
        #expect(bytes[e.byteOffset] == UInt8(ascii: "}"))

        let values = all.compactMap(\.value)
        #expect(values.count == 70)
        #expect(values.allSatisfy { $0["stream"]?.stringValue != nil && $0["emitted_at"]?.numberText != nil })

        // Ids and floats keep their text.
        #expect(values[0]["data"]?["id"] == .number("360000358316"))
        #expect(values[0]["emitted_at"] == .number("1720179485472"))
        let topic = try #require(all[6].value?["data"])
        #expect(topic["id"] == .number("7253394974479.0"))
        #expect(topic["position"] == .number("0.0"))
        #expect(all[11].value?["data"]?["actor_id"] == .number("-1.0"))
        // `\u2019` escapes decode; `\\n` is a backslash and an n.
        #expect(all[45].value?["data"]?["body"]?.stringValue?.contains("\u{2019}") == true)
        let description = all[57].value?["data"]?["description"]?.stringValue
        #expect(description?.contains(#"8567\nTime of call"#) == true)
        #expect(description?.contains("\n") == false)
    }

    // MARK: JSON Lines

    @Test func linesWithCRLFAndBlankLines() throws {
        let text = "{\"a\":1}\r\n\r\n  \t\r\n{\"a\":2}\r\n\n{\"a\":3}"
        let all = try records(text)
        #expect(all.map(\.position) == [1, 4, 6])
        #expect(all.map(\.line) == [1, 4, 6])
        #expect(all.map(\.value) == [["a": 1], ["a": 2], ["a": 3]])
        #expect(all.map(\.rawText) == [#"{"a":1}"#, #"{"a":2}"#, #"{"a":3}"#])
    }

    @Test func badLineIsAFailureAndReadingContinues() throws {
        let text = "{\"a\":1}\n{\"a\":01}\n  {\"b\":2}}\n{\"c\":3}\n"
        let all = try records(text)
        #expect(all.count == 4)
        #expect(all[0].value == ["a": 1])
        let e1 = try #require(all[1].error)
        #expect((e1.line, e1.column, e1.byteOffset) == (2, 6, 13))
        #expect(e1.message.contains("leading zeros"))
        let e2 = try #require(all[2].error)
        #expect((e2.line, e2.column, e2.byteOffset) == (3, 10, 26))
        #expect(all[2].rawText == #"  {"b":2}}"#)
        #expect(all[3].value == ["c": 3])
        #expect(all[3].position == 4)
    }

    @Test func truncatedLastLine() throws {
        let all = try records("{\"a\":1}\n{\"a\":")
        #expect(all.count == 2)
        let e = try #require(all[1].error)
        #expect((e.line, e.column, e.byteOffset) == (2, 6, 13))
        #expect(e.message.contains("unexpected end of input"))
        #expect(all[1].rawText == #"{"a":"#)
        // A string cut at the end of a line does not run into the next line.
        let cut = try records("{\"a\":\"x\n{\"b\":1}\n")
        #expect(cut[0].error?.message.contains("end of input in a string") == true)
        #expect(cut[1].value == ["b": 1])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let all = try JSONRecordReader.readAll(bom + Array("{\"a\":1}}\n{\"b\":2}\n".utf8))
        #expect(all.count == 2)
        let e = try #require(all[0].error)
        // The BOM is not a character of line 1, but it is a byte of the file.
        #expect((e.line, e.column, e.byteOffset) == (1, 8, 10))
        #expect(all[0].rawText == #"{"a":1}}"#)
        #expect(all[1].value == ["b": 2])

        let array = try JSONRecordReader.readAll(bom + Array(" [{\"a\":1}]".utf8))
        #expect(array.map(\.value) == [["a": 1]])
        bom.withUnsafeBufferPointer { #expect(JSONRecordReader.detectLayout($0) == .lines) }
    }

    @Test func columnsInLinesCountCharacters() throws {
        let all = try records("{\"a\":1}\n{\"名前\": \"日本\" x}\n")
        let e = try #require(all[1].error)
        #expect((e.line, e.column) == (2, 13))
        #expect(e.byteOffset == 8 + 20)
    }

    @Test func explicitLayoutReadsLinesOfArrays() throws {
        let all = try records("[1]\n[2, 3]\n", layout: .lines)
        #expect(all.map(\.value) == [[1], [2, 3]])
        // Detected as an array, the same text is one array followed by garbage.
        #expect(thrown("[1]\n[2, 3]\n").error?.line == 2)
    }

    @Test func emptyInputs() throws {
        #expect(try records("").isEmpty)
        #expect(try records(" \n\r\n\t").isEmpty)
        #expect(try records("[]").isEmpty)
        #expect(try records("  [ \n ]  \n").isEmpty)
        #expect(try JSONRecordReader.readAll([0xEF, 0xBB, 0xBF]).isEmpty)
    }

    @Test func hugeRecordRawTextIsTruncatedAtACharacterBoundary() throws {
        let line = "{\"s\":\"" + String(repeating: "é", count: 3000) + "\"}}"
        let all = try records(line + "\n")
        let record = try #require(all.first)
        #expect(record.error?.message == "unexpected '}' after the JSON value")
        #expect(record.error?.column == 3009)
        #expect(record.rawText.utf8.count <= JSONRecordReader.maximumRawTextBytes)
        #expect(record.rawText.utf8.count >= JSONRecordReader.maximumRawTextBytes - 3)
        #expect(!record.rawText.contains("\u{FFFD}"))
        #expect(record.rawText.hasPrefix("{\"s\":\"éé"))
    }

    @Test func bodyErrorsPropagate() {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try JSONRecordReader.read(Array("1\n2\n3\n".utf8)) { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }

    // MARK: Arrays

    @Test func arrayOfRecordsWithPositionsAndLines() throws {
        let text = """
            [
              {"id": 1},
              {"id": 2}, {"id": 3},
              {"id": 4,
               "x": [1, 2]}
            ]

            """
        let all = try records(text)
        #expect(all.map(\.position) == [1, 2, 3, 4])
        #expect(all.map(\.line) == [2, 3, 3, 4])
        #expect(all.map(\.value) == [["id": 1], ["id": 2], ["id": 3], ["id": 4, "x": [1, 2]]])
        #expect(all[2].rawText == #"{"id": 3}"#)
        #expect(all[3].rawText == "{\"id\": 4,\n   \"x\": [1, 2]}")
    }

    @Test func arrayWithCRLFAndScalars() throws {
        let all = try records("[\r\n1,\r\n\"two\",\r\nnull\r\n]\r\n")
        #expect(all.map(\.value) == [1, "two", .null])
        #expect(all.map(\.line) == [2, 3, 4])
    }

    @Test func badElementIsAFailureAndReadingContinues() throws {
        let text = "[{\"a\":1},\n {\"a\":01, \"s\":\"],}\"},\n {\"a\":1,\"a\":2},\n [tru, [3]],\n {\"b\":2}]"
        let all = try records(text)
        #expect(all.map(\.position) == [1, 2, 3, 4, 5])
        #expect(all.map(\.line) == [1, 2, 3, 4, 5])
        #expect(all[0].value == ["a": 1])
        let e2 = try #require(all[1].error)
        #expect((e2.line, e2.column, e2.byteOffset) == (2, 7, 16))
        #expect(all[1].rawText == #"{"a":01, "s":"],}"}"#)
        #expect(all[2].error?.message == #"duplicate key "a""#)
        #expect(all[2].error?.column == 9)
        #expect(all[3].error?.message.contains("expected 'true'") == true)
        #expect(all[3].rawText == "[tru, [3]]")
        #expect(all[4].value == ["b": 2])
    }

    @Test func missingCommaBetweenElementsThrows() {
        let (e, delivered) = thrown("[{\"a\":1}\n {\"b\":2}]")
        #expect(delivered == 1)
        #expect(e?.line == 2)
        #expect(e?.column == 2)
        #expect(e?.byteOffset == 10)
        #expect(e?.message == "expected ',' or ']' after an array element, found '{'")
    }

    @Test func truncatedArrayThrows() {
        let (e, delivered) = thrown("[{\"a\":1},\n{\"b\":")
        #expect(delivered == 1)
        #expect((e?.line, e?.column, e?.byteOffset) == (2, 6, 15))
        #expect(e?.message.contains("unexpected end of input") == true)

        let (e2, delivered2) = thrown("[{\"a\":1},\n{\"b\":2}")
        #expect(delivered2 == 2)
        #expect((e2?.line, e2?.column) == (2, 8))

        let (e3, _) = thrown("[{\"a\":1},\n")
        #expect((e3?.line, e3?.column) == (2, 1))
        #expect(e3?.message.contains("expected an array element") == true)
    }

    @Test func extraBracketAfterElementThrows() {
        let (e, delivered) = thrown(#"[{"a":1}}, {"b":2}]"#)
        #expect(delivered == 1)
        #expect((e?.line, e?.column) == (1, 9))
    }

    @Test func trailingCommaAndGarbageAfterArrayThrow() {
        let (e, _) = thrown("[1,\n2,\n]")
        #expect((e?.line, e?.column) == (2, 2))
        #expect(e?.message == "trailing comma before ']'")
        let (g, delivered) = thrown("[1, 2]\n x")
        #expect(delivered == 2)
        #expect((g?.line, g?.column) == (2, 2))
        #expect(g?.message.contains("after the array of records") == true)
    }

    @Test func explicitArrayLayoutOnNonArrayThrows() {
        #expect(throws: JSONSyntaxError.self) {
            try JSONRecordReader.read(Array("{\"a\":1}".utf8), layout: .array) { _ in }
        }
    }

    @Test func arrayDepthCountsTheOuterArray() throws {
        let two = JSONParser.Options(maximumDepth: 2)
        let all = try records("[[1], [[2]], 3]", options: two)
        #expect(all.map(\.value) == [[1], nil, 3])
        #expect(all[1].error?.message == "nesting deeper than 2 levels")
        #expect(all[1].error?.column == 8)
        // 10,000 nested brackets inside an element are an error, not a crash.
        let deep = "[" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + ", 1]"
        let d = try records(deep)
        #expect(d.count == 2)
        #expect(d[0].error?.column == 513)
        #expect(d[1].value == 1)
    }

    @Test func elementErrorWithUnrecoverableEndThrowsThatError() {
        // The string is never closed, so the element's end cannot be found.
        let (e, delivered) = thrown("[{\"a\":1}, {\"a\":\"x}, {\"b\":2}]")
        #expect(delivered == 1)
        #expect(e != nil)
    }
}
