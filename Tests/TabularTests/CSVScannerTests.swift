import Foundation
import Testing
@testable import Tabular

/// Scans `text` and returns every record as (line, values, problem).
func scanAll(_ text: String) -> [(line: Int, values: [String], problem: String?)] {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
        var scanner = CSVScanner(buffer)
        var fields: [CSVField] = []
        var out: [(Int, [String], String?)] = []
        while let info = scanner.next(into: &fields) {
            out.append((info.line, fields.map { scanner.string($0) }, info.problem?.message))
        }
        return out
    }
}

@Suite struct CSVScannerTests {
    @Test func simpleRecordsWithLF() {
        let records = scanAll("a,b,c\n1,2,3\n")
        #expect(records.map(\.values) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(records.map(\.line) == [1, 2])
    }

    @Test func crlfLineEndsAreNotPartOfValues() {
        let records = scanAll("a,b\r\n1,2\r\n")
        #expect(records.map(\.values) == [["a", "b"], ["1", "2"]])
    }

    @Test func lastRecordWithoutLineBreak() {
        #expect(scanAll("a,b\n1,2").map(\.values) == [["a", "b"], ["1", "2"]])
        #expect(scanAll("a,b\r\n1,\"2\"").map(\.values) == [["a", "b"], ["1", "2"]])
    }

    @Test func blankRecordsAreEmptyLinesAndRowsOfSeparatorsOnly() {
        let bytes = Array("\n,,,\n\"\",\n , \na,\n".utf8)
        let blank = bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer)
            var fields = CSVFieldBuffer()
            var out: [Bool] = []
            while scanner.next(into: &fields) != nil { out.append(fields.isBlank) }
            return out
        }
        // A quoted empty field, a space or a value is something.
        #expect(blank == [true, true, false, false, false])
    }

    @Test func quotedCommasAndDoubledQuotes() {
        let records = scanAll("name,note\n\"Yamada Shoji, Inc.\",\"株式会社\"\"みらい\"\"\"\n")
        #expect(records[1].values == ["Yamada Shoji, Inc.", "株式会社\"みらい\""])
    }

    @Test func lineBreaksInsideQuotesAdvanceTheLineNumber() {
        let records = scanAll("id,comment\n1,\"first\nsecond\r\nthird\"\n2,plain\n3,\"x\"\n")
        #expect(records.map(\.line) == [1, 2, 5, 6])
        #expect(records[1].values == ["1", "first\nsecond\r\nthird"])
        #expect(records[2].values == ["2", "plain"])
    }

    @Test func emptyFieldsAndRaggedRows() {
        let records = scanAll("a,b,c\n1,,3\n4,5\n6,7,8,9\n,,\n")
        #expect(records.map(\.values) == [["a", "b", "c"], ["1", "", "3"], ["4", "5"], ["6", "7", "8", "9"], ["", "", ""]])
    }

    @Test func unterminatedQuoteAtTheEndIsFlagged() {
        let bytes = Array("a,b\n1,\"never closed\n2,3\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer)
            var fields: [CSVField] = []
            _ = scanner.next(into: &fields)
            let info = scanner.next(into: &fields)
            #expect(info?.line == 2)
            #expect(scanner.endedInsideQuotes)
            #expect(info?.problem?.message.contains("unterminated") == true)
            #expect(scanner.next(into: &fields) == nil)
        }
    }

    @Test func textAfterAClosingQuoteIsAProblemInThatRecordOnly() {
        let records = scanAll("a,b\n\"x\"y,2\n3,4\n")
        #expect(records[1].problem == "unexpected text after the closing quote of field 1")
        #expect(records[2].values == ["3", "4"])
        #expect(records[2].problem == nil)
    }

    @Test func aQuoteInsideAnUnquotedFieldIsData() {
        #expect(scanAll("a\n5\" screen\n")[1].values == ["5\" screen"])
    }

    @Test func rawTextIsTheRecordAsWritten() {
        let bytes = Array("a,b\r\n\"x, y\",2\r\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer)
            var fields: [CSVField] = []
            _ = scanner.next(into: &fields)
            let info = scanner.next(into: &fields)!
            #expect(scanner.rawText(info) == "\"x, y\",2")
        }
    }

    @Test func rawTextOfAHugeRecordIsItsFirst4KiBCutAtACharacter() {
        let bytes = Array(("1," + String(repeating: "長", count: 5000) + "\n").utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer)
            var fields: [CSVField] = []
            let raw = scanner.rawText(scanner.next(into: &fields)!)
            #expect(raw.utf8.count == 4094 && raw == "1," + String(repeating: "長", count: 1364))
        }
    }

    @Test func realSurveyExportWithQuotesAndNoFinalNewline() throws {
        let reader = try TextFileReader(path: SharedData.path("survey/sudzilla-survey.csv"), encoding: nil)
        let records = scanAll(String(decoding: try reader.readAll(), as: UTF8.self))
        #expect(records.count == 40)                               // header + 39 responses
        #expect(records.allSatisfy { $0.values.count == 11 && $0.problem == nil })
        #expect(records[0].values[1] == "On a scale of 0-10, how would you rate Sudzilla?")
        #expect(records.contains { $0.values.contains("The \"Pic with the Persils\" was a bit cheesey") })
        #expect(records.last?.line == 40)
    }

    @Test func realTelcoExportWithBOMAndCRLF() throws {
        let reader = try TextFileReader(path: SharedData.path("telco-churn/telco-churn-bom-crlf.csv"), encoding: nil)
        #expect(reader.detected.description == "utf-8+bom")
        let records = scanAll(String(decoding: try reader.readAll(), as: UTF8.self))
        #expect(records.count == 7044)
        #expect(records[0].values.first == "customerID")
        #expect(records.allSatisfy { $0.values.count == 26 })
        #expect(records.filter { $0.values[19] == " " }.count == 11)   // TotalCharges is a single space
    }
}

@Suite struct CSVChunkReaderTests {
    /// Chunked reading with tiny chunks gives the same records and lines as one scan.
    @Test(arguments: [64, 97, 256, 4096])
    func chunksHoldWholeRecordsWithTheirLines(chunkSize: Int) throws {
        var text = "id,comment,n\n"
        for i in 0..<300 {
            text += i % 7 == 0 ? "\(i),\"multi\nline, \"\"quoted\"\"\",\(i)\r\n" : "\(i),株式会社\(i),\(i)\n"
        }
        let path = try SharedData.temporaryFile(Array(text.utf8))
        let reader = try CSVChunkReader(path: path, encoding: nil, chunkSize: chunkSize)
        #expect(reader.header == ["id", "comment", "n"])
        var got: [(Int, [String])] = []
        while let chunk = try reader.nextChunk() {
            chunk.withBytes { buffer in
                var scanner = CSVScanner(buffer, firstLine: chunk.firstLine)
                var fields: [CSVField] = []
                while let info = scanner.next(into: &fields) { got.append((info.line, fields.map { scanner.string($0) })) }
            }
        }
        let expected = scanAll(text).dropFirst()
        #expect(got.count == 300)
        #expect(got.map(\.0) == expected.map(\.line))
        #expect(got.map(\.1) == expected.map(\.values))
    }
}

extension CSVChunkReaderTests {
    /// A file that is not UTF-8 is transcoded chunk by chunk (not read in place) and gives the
    /// same records and lines.
    @Test(arguments: [64, 333])
    func transcodedChunksHoldWholeRecords(chunkSize: Int) throws {
        var text = "id,名前\r\n"
        for i in 0..<200 { text += i % 9 == 0 ? "\(i),\"株式会社\n\"\"\(i)\"\"\"\r\n" : "\(i),ヤマダ商事\(i)\r\n" }
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = try SharedData.temporaryFile(utf16)
        let reader = try CSVChunkReader(path: path, encoding: nil, chunkSize: chunkSize)
        #expect(reader.detected.description == "utf-16le+bom")
        #expect(reader.header == ["id", "名前"])
        var got: [(Int, [String])] = []
        while let chunk = try reader.nextChunk() {
            chunk.withBytes { buffer in
                var scanner = CSVScanner(buffer, firstLine: chunk.firstLine)
                var fields: [CSVField] = []
                while let info = scanner.next(into: &fields) { got.append((info.line, fields.map { scanner.string($0) })) }
            }
        }
        let expected = scanAll(text).dropFirst()
        #expect(got.map(\.0) == expected.map(\.line))
        #expect(got.map(\.1) == expected.map(\.values))
    }
}

@Suite struct ByteInternerTests {
    /// A key taken with its hash from the same loads equals one taken with ``ByteInterner/hash(_:)``.
    @Test func hashingKeysEqualSeparatelyHashedKeys() {
        for length in 0...40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            bytes.withUnsafeBufferPointer { b in
                let fused = ByteInterner.Key(hashing: b)
                let separate = ByteInterner.Key(b, hash: ByteInterner.hash(b))
                #expect(fused.hash == separate.hash, "length \(length)")
                var interner = ByteInterner()
                let id = interner.intern(fused, b)
                #expect(interner.intern(separate, b) == id)
                #expect(interner.find(b) == id)
            }
        }
    }

    /// The recent-values cache answers only with the number of equal bytes.
    @Test func recentBytesNeverConfusesValues() {
        let values = (0..<200).map { Array("event.\($0 % 50)-\(String(repeating: "x", count: $0 % 13))".utf8) }
        var cache = RecentBytes(size: 8)
        for (i, value) in values.enumerated() {
            value.withUnsafeBufferPointer { b in
                if let found = cache.find(b) { #expect(values[Int(found)] == value) }
                cache.remember(b, as: Int32(i))
            }
        }
    }

    /// Keys kept inside the slot (up to 24 bytes) and longer ones that share those 24 bytes, and
    /// keys that differ only by trailing zero bytes, stay distinct.
    @Test func inlineKeysAndLongKeysAreExact() {
        var interner = ByteInterner(capacity: 4)
        let words: [[UInt8]] = [
            Array("user-000000000000000000001".utf8), Array("user-000000000000000000002".utf8),   // 26 bytes, same first 24
            Array("ab".utf8), Array("ab".utf8) + [0], Array("ab".utf8) + [0, 0],
            Array(repeating: 0x78, count: 24), Array(repeating: 0x78, count: 25), Array(repeating: 0x78, count: 300),
        ]
        let first = words.map { w in w.withUnsafeBufferPointer { interner.intern($0) } }
        #expect(first == [0, 1, 2, 3, 4, 5, 6, 7])
        // Again, through a key taken first: the same numbers.
        let again = words.map { w in
            w.withUnsafeBufferPointer { b in interner.intern(ByteInterner.Key(b, hash: ByteInterner.hash(b)), b) }
        }
        #expect(again == first)
        #expect(interner.count == 8)
        #expect(words.map { w in w.withUnsafeBufferPointer { interner.find($0) } } == first.map { Optional($0) })
    }

    @Test func numbersInOrderOfFirstAppearance() {
        var interner = ByteInterner(capacity: 2)
        let words = ["acct-1", "acct-2", "acct-1", "株式会社", "", "acct-2", "a-much-longer-identifier-0001"]
        let ids = words.map { word in Array(word.utf8).withUnsafeBufferPointer { interner.intern($0) } }
        #expect(ids == [0, 1, 0, 2, 3, 1, 4])
        #expect(interner.count == 5)
        #expect(interner.string(2) == "株式会社")
        for i in 0..<2000 { _ = Array("u-\(i)".utf8).withUnsafeBufferPointer { interner.intern($0) } }
        #expect(Array("u-1999".utf8).withUnsafeBufferPointer { interner.find($0) } == 2004)
        #expect(interner.string(2004) == "u-1999")
    }
}

@Suite struct CSVRecordBoundaryTests {
    /// Counting line feeds eight and 32 bytes at a time agrees with a plain count, and UTF-8
    /// validation's fast path agrees with its byte path, for every length and alignment.
    @Test func countsAndValidationAgreeWithPlainLoops() {
        var state: UInt64 = 42
        for length in 0..<200 {
            let bytes: [UInt8] = (0..<length).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1
                let r = UInt8(truncatingIfNeeded: state >> 59)
                return r < 3 ? 0x0A : (r < 5 ? 0x22 : 0x41 &+ r)
            }
            for offset in 0..<min(length, 9) {
                let slice = Array(bytes[offset...])
                slice.withUnsafeBufferPointer { b in
                    #expect(CSVRecordBoundary.lineFeeds(in: b) == slice.filter { $0 == 0x0A }.count)
                    #expect(UTF8Validation.validate(b) == .valid, "max \(slice.max() ?? 0) length \(length) offset \(offset)")
                }
            }
        }
        let invalid = Array(repeating: UInt8(0x41), count: 70) + [0xC3] + Array(repeating: UInt8(0x41), count: 40)
        invalid.withUnsafeBufferPointer { #expect(UTF8Validation.validate($0) == .invalid(offset: 70)) }
    }

    /// A record ends where the scanner ends it, also when a quote stands inside an unquoted field
    /// or after a closing quote (quote parity would be wrong there).
    @Test(arguments: [
        "n\",\"p\ni\"\nx\n",           // `n"` is data; the quoted field after it holds the first line feed
        "5\" screen,\"a\nb\"\nx,y\n",  // the same in a realistic record
        "\"a\"x\"\n\"b\nc\"\n",        // text after a closing quote, with a quote in it
        "\"a\"\"\nb\"\nc\n",            // a doubled quote inside a quoted field
        "a,b\nc,\"d\ne",               // ends inside quotes: the last record end is the first line feed
    ])
    func endsRecordsWhereTheScannerDoes(text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer)
            var fields: [CSVField] = []
            var expected: (end: Int, lineFeeds: Int)?
            while scanner.next(into: &fields) != nil {
                let end = scanner.position
                if !scanner.endedInsideQuotes, end > 0, buffer[end - 1] == 0x0A {
                    expected = (end, bytes[..<end].filter { $0 == 0x0A }.count)
                }
            }
            let found = CSVRecordBoundary.endOfLastRecord(in: buffer)
            #expect(found?.end == expected?.end && found?.lineFeeds == expected?.lineFeeds, "\(text.debugDescription)")
        }
    }
}
