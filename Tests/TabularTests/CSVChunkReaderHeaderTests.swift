import Testing
@testable import Tabular

/// The header's CRLF may be split between two reads; the body must not then start with the LF
/// (an extra empty record on line 1). Found by FuzzCSV after the merge of the corpus work.
@Suite struct CSVChunkReaderHeaderTests {
    @Test func aHeaderWhoseCRLFIsSplitBetweenReadsEndsAtTheLineFeed() throws {
        // A 64-byte header line whose CR is byte 63: read 64 bytes at a time (or 11, after the
        // detection's first read), a read ends between its CR and LF.
        let header = "churn_event_id,account_id,churn_date,reason_code,refund_amounts\r\n"
        let text = Array((header + "A1,みらい,pro,x,1\r\n" + "A2,\"x, y\",free,z,2\r\n" + String(repeating: "A3,b,c,d,3\r\n", count: 20)).utf8)
        let path = try SharedData.temporaryFile(text)
        for size in [1, 2, 3, 7, 11, 13, 32, 63, 64, 65, 100, 4096] {
            let reader = try CSVChunkReader(path: path, encoding: .utf8, chunkSize: size)
            #expect(reader.header == ["churn_event_id", "account_id", "churn_date", "reason_code", "refund_amounts"], "chunk size \(size)")
            var records: [(Int, [String])] = []
            while let chunk = try reader.nextChunk() {
                chunk.withBytes { buffer in
                    var scanner = CSVScanner(buffer, firstLine: chunk.firstLine)
                    var fields: [CSVField] = []
                    while let info = scanner.next(into: &fields) { records.append((info.line, fields.map { scanner.string($0) })) }
                }
            }
            #expect(records.map(\.0) == Array(2...23), "chunk size \(size)")
            #expect(records.prefix(2).map(\.1) == [["A1", "みらい", "pro", "x", "1"], ["A2", "x, y", "free", "z", "2"]], "chunk size \(size)")
        }
    }
}
