import Foundation
import PulseKit
import Tabular

/// The properties of the CSV reader (``CSVScanner``, ``CSVChunkReader``, ``CSVWriter``) and of the
/// ingest of a CSV source, checked on any bytes.
///
/// - The scanner makes progress, covers the input in order, and numbers each record with the
///   physical line it starts on; every record is either clean or has a syntax problem.
/// - The fast path (``CSVScanner/nextPlainRecord(width:into:)``) reads the same records as the
///   general one, and takes every quote-free record of the expected width.
/// - Trimming a field agrees with a plain reference trim.
/// - The clean records, re-written with ``CSVWriter`` and parsed again, give the same fields, and
///   writing those again gives the same bytes.
/// - Reading the text in chunks (``CSVChunkReader``, small chunks) gives the same header and
///   records, with the same lines, as scanning it whole.
/// - Ingesting the bytes as `crm/accounts.csv` (after the canonical header unless they bring a
///   header of their own): rows read = rows loaded + rows quarantined, one quarantine entry per
///   quarantined row, one account per loaded row, and rows read = the non-blank data records the
///   scanner finds in the decoded file.
public enum CSVInvariants {
    static let parser = "CSV"

    /// The header of the accounts source that ingest checks prepend.
    static let accountsHeader = Array("account_id,name,plan,industry,region,csm,signup_date,seats,parent_account_id,renewal_date\n".utf8)

    /// One record as the general scanner read it.
    struct Record: Equatable {
        var line: Int
        var range: Range<Int>
        var hasProblem: Bool
        var fields: [[UInt8]]
        var quoted: [Bool]

        /// A blank line, or a spreadsheet's row of separators only: every field empty and unquoted.
        var isBlank: Bool { fields.indices.allSatisfy { fields[$0].isEmpty && !quoted[$0] } }
    }

    /// Checks every CSV property on `bytes`; throws the first one that fails.
    public static func check(_ bytes: [UInt8]) throws(InvariantViolation) {
        // An allocation of exactly the input's size, so that the address sanitizer sees any read past its end.
        let exact = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        defer { exact.deallocate() }
        _ = exact.initialize(from: bytes)
        try check(UnsafeBufferPointer(exact))
    }

    /// Checks every CSV property on the bytes at `buffer` (read in place).
    public static func check(_ buffer: UnsafeBufferPointer<UInt8>) throws(InvariantViolation) {
        let (records, endedInsideQuotes) = try scan(buffer, firstLine: 1)
        try checkStructure(buffer, records, endedInsideQuotes)
        try checkFastPath(buffer, records)
        try checkTrimming(buffer)
        try checkRoundTrip(records)
        let bytes = Array(buffer)
        try checkChunks(bytes)
        try checkIngest(bytes)
    }

    // MARK: - Scanning

    /// All records of `buffer` through the general path.
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>, firstLine: Int) throws(InvariantViolation) -> ([Record], Bool) {
        var scanner = CSVScanner(buffer, firstLine: firstLine)
        var fields = CSVFieldBuffer()
        var records: [Record] = []
        var last = -1
        while let info = scanner.next(into: &fields) {
            try require(scanner.position > last && records.count <= buffer.count, parser, "the scanner makes progress",
                        "position \(scanner.position) after record \(records.count + 1) of \(buffer.count) bytes")
            last = scanner.position
            let list = fields.fields
            for field in list {
                try require(field.start >= info.range.lowerBound && field.end >= field.start && field.end <= buffer.count,
                            parser, "fields lie inside the input",
                            "field \(field) of record \(info) in \(buffer.count) bytes")
            }
            records.append(Record(
                line: info.line, range: info.range, hasProblem: info.problem != nil,
                fields: list.map { field in scanner.withValue(field) { Array($0) } },
                quoted: list.map(\.isQuoted)))
        }
        try require(scanner.position == buffer.count, parser, "the scanner reads to the end",
                    "stopped at \(scanner.position) of \(buffer.count)")
        return (records, scanner.endedInsideQuotes)
    }

    /// Records are in order, inside the input, on the line their first byte is on; a text that
    /// ends inside quotes ends with a record that has a problem.
    static func checkStructure(_ buffer: UnsafeBufferPointer<UInt8>, _ records: [Record], _ endedInsideQuotes: Bool) throws(InvariantViolation) {
        var lineFeedsBefore = 0
        var counted = 0
        var previousEnd = 0
        for (index, record) in records.enumerated() {
            try require(record.range.lowerBound >= previousEnd && record.range.upperBound <= buffer.count,
                        parser, "records are in order and inside the input",
                        "record \(index + 1) spans \(record.range) after \(previousEnd), \(buffer.count) bytes")
            while counted < record.range.lowerBound {
                if buffer[counted] == 0x0A { lineFeedsBefore += 1 }
                counted += 1
            }
            try require(record.line == 1 + lineFeedsBefore, parser, "a record's line is the physical line it starts on",
                        "record \(index + 1) at byte \(record.range.lowerBound) says line \(record.line), expected \(1 + lineFeedsBefore) in \(show(buffer))")
            previousEnd = record.range.upperBound
        }
        let problems = records.filter(\.hasProblem).count
        let clean = records.filter { !$0.hasProblem }.count
        try require(problems + clean == records.count, parser, "records with a problem + clean records = records",
                    "\(problems) + \(clean) != \(records.count)")
        if endedInsideQuotes {
            try require(records.last?.hasProblem == true, parser, "a text that ends inside quotes ends with a problem record",
                        "last record \(String(describing: records.last)) in \(show(buffer))")
        }
    }

    /// The fast path reads what the general path reads, and refuses only what it may refuse.
    static func checkFastPath(_ buffer: UnsafeBufferPointer<UInt8>, _ expected: [Record]) throws(InvariantViolation) {
        var scanner = CSVScanner(buffer)
        var fields = CSVFieldBuffer()
        for (index, record) in expected.enumerated() {
            let width = record.fields.count
            var plain = [CSVField](repeating: CSVField(start: 0, end: 0), count: max(width, 1))
            let before = scanner.position
            let fast = plain.withUnsafeMutableBufferPointer { scanner.nextPlainRecord(width: width, into: $0) }
            let got: Record
            if let fast {
                let list = Array(plain[0..<width])
                got = Record(line: fast.line, range: fast.range, hasProblem: fast.problem != nil,
                             fields: list.map { field in scanner.withValue(field) { Array($0) } },
                             quoted: list.map(\.isQuoted))
            } else {
                try require(scanner.position == before, parser, "a refused fast path consumes nothing",
                            "record \(index + 1): position moved from \(before) to \(scanner.position)")
                let hasQuote = buffer[record.range].contains(0x22)
                try require(hasQuote || record.hasProblem, parser, "the fast path takes every quote-free record of the expected width",
                            "record \(index + 1) \(show(buffer[record.range])) of width \(width) was refused")
                guard let info = scanner.next(into: &fields) else {
                    throw InvariantViolation(parser: parser, invariant: "a second scan reads the same records",
                                             details: "record \(index + 1) missing in \(show(buffer))")
                }
                let list = fields.fields
                got = Record(line: info.line, range: info.range, hasProblem: info.problem != nil,
                             fields: list.map { field in scanner.withValue(field) { Array($0) } },
                             quoted: list.map(\.isQuoted))
            }
            try require(got == record, parser, fast == nil ? "a second scan reads the same records" : "the fast path reads what the general path reads",
                        "record \(index + 1): \(describe(got)) instead of \(describe(record))")
        }
    }

    /// ``TextTrimming/trimmed(_:)`` agrees with a reference trim on every field and on the whole input.
    static func checkTrimming(_ buffer: UnsafeBufferPointer<UInt8>) throws(InvariantViolation) {
        var scanner = CSVScanner(buffer)
        var fields = CSVFieldBuffer()
        var slices: [Range<Int>] = [0..<buffer.count]
        while scanner.next(into: &fields) != nil {
            for field in fields.fields where !field.hasDoubledQuotes { slices.append(field.start..<field.end) }
        }
        for range in slices {
            let slice = UnsafeBufferPointer(rebasing: buffer[range])
            let trimmed = Array(TextTrimming.trimmed(slice))
            let expected = referenceTrim(Array(slice))
            try require(trimmed == expected, parser, "trimming removes exactly the surrounding spaces, tabs, U+3000 and U+FEFF",
                        "\(show(slice)) trimmed to \(show(trimmed)), expected \(show(expected))")
        }
    }

    /// Spaces, tabs, U+3000 and U+FEFF removed from both ends, one character at a time.
    static func referenceTrim(_ bytes: [UInt8]) -> [UInt8] {
        var start = 0, end = bytes.count
        let wide: [[UInt8]] = [[0xE3, 0x80, 0x80], [0xEF, 0xBB, 0xBF]]
        while true {
            if start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1; continue }
            if end - start >= 3, wide.contains(Array(bytes[start..<(start + 3)])) { start += 3; continue }
            break
        }
        while true {
            if end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1; continue }
            if end - start >= 3, wide.contains(Array(bytes[(end - 3)..<end])) { end -= 3; continue }
            break
        }
        return Array(bytes[start..<end])
    }

    /// The clean records survive being written and read back.
    static func checkRoundTrip(_ records: [Record]) throws(InvariantViolation) {
        let clean = records.filter { !$0.hasProblem }
        let written = write(clean.map(\.fields))
        let reread: [Record] = try written.withUnsafeBufferPointer { buffer throws(InvariantViolation) in try scan(buffer, firstLine: 1).0 }
        try require(reread.count == clean.count, parser, "re-written records parse back unchanged",
                    "\(clean.count) clean records became \(reread.count) in \(show(written))")
        for (index, (again, original)) in zip(reread, clean).enumerated() {
            try require(!again.hasProblem && again.fields == original.fields, parser, "re-written records parse back unchanged",
                        "record \(index + 1): \(describe(original)) came back as \(describe(again)) from \(show(written))")
        }
        let rewritten = write(reread.map(\.fields))
        try require(rewritten == written, parser, "writing parsed output again gives the same bytes",
                    "\(show(written)) then \(show(rewritten))")
    }

    /// The records as CSV through ``CSVWriter``.
    static func write(_ records: [[[UInt8]]]) -> [UInt8] {
        var writer = CSVWriter()
        for fields in records {
            for field in fields { writer.appendField(utf8: field) }
            writer.endRecord()
        }
        return writer.bytes
    }

    // MARK: - Chunks

    /// Chunked reading gives the header and records of a whole scan, for UTF-8 text.
    static func checkChunks(_ bytes: [UInt8]) throws(InvariantViolation) {
        let valid = bytes.withUnsafeBufferPointer { UTF8Validation.validate($0) } == .valid
        guard valid else { return }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let text = hasBOM ? Array(bytes.dropFirst(3)) : bytes
        let (expected, _) = try text.withUnsafeBufferPointer { buffer throws(InvariantViolation) in try scan(buffer, firstLine: 1) }
        let smallChunk = 1 + Int(bytes.last ?? 0) % 40
        for chunkSize in [smallChunk, 64, 1 << 20] {
            let outcome: Result<Void, InvariantViolation> = ScratchFolder.with { folder in
                let path = ScratchFolder.write(bytes, to: "chunks.csv", in: folder)
                do throws(InvariantViolation) {
                    try compareChunks(path: path, chunkSize: chunkSize, text: text, expected: expected)
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            try outcome.get()
        }
    }

    private static func compareChunks(path: String, chunkSize: Int, text: [UInt8], expected: [Record]) throws(InvariantViolation) {
        let reader: CSVChunkReader
        do {
            reader = try CSVChunkReader(path: path, encoding: .utf8, chunkSize: chunkSize)
        } catch {
            throw InvariantViolation(parser: parser, invariant: "valid UTF-8 opens for chunked reading",
                                     details: "\(error) for \(show(text))")
        }
        guard let first = expected.first else {
            try require(reader.header.isEmpty, parser, "an empty file has no header", "header \(reader.header)")
            return
        }
        let names = first.fields.map { String(decoding: referenceTrim($0), as: UTF8.self) }
        try require(reader.header == names, parser, "the chunked header is the first record, trimmed",
                    "\(reader.header) instead of \(names) (chunk size \(chunkSize)) in \(show(text))")
        try require((reader.headerProblem != nil) == first.hasProblem, parser, "the chunked header has a problem when the first record has one",
                    "header problem \(String(describing: reader.headerProblem)), first record \(describe(first)) (chunk size \(chunkSize)) in \(show(text))")
        var got: [Record] = []
        var chunks = 0
        while true {
            let next: CSVChunkReader.Chunk?
            do {
                next = try reader.nextChunk()
            } catch {
                throw InvariantViolation(parser: parser, invariant: "valid UTF-8 reads in chunks without error",
                                         details: "\(error) (chunk size \(chunkSize)) in \(show(text))")
            }
            guard let chunk = next else { break }
            chunks += 1
            try require(chunks <= text.count + 1, parser, "chunked reading ends", "more chunks than bytes (chunk size \(chunkSize))")
            do {
                try chunk.validate()
            } catch {
                throw InvariantViolation(parser: parser, invariant: "chunks of valid UTF-8 validate",
                                         details: "\(error) (chunk size \(chunkSize)) in \(show(text))")
            }
            let records: Result<[Record], InvariantViolation> = chunk.withBytes { buffer in
                do throws(InvariantViolation) { return .success(try scan(buffer, firstLine: chunk.firstLine).0) } catch { return .failure(error) }
            }
            got.append(contentsOf: try records.get())
        }
        let data = Array(expected.dropFirst())
        try require(got.count == data.count, parser, "chunks hold the records of a whole scan",
                    "\(got.count) records in chunks, \(data.count) whole (chunk size \(chunkSize)) in \(show(text))")
        for (index, (chunked, whole)) in zip(got, data).enumerated() {
            let same = chunked.line == whole.line && chunked.fields == whole.fields && chunked.hasProblem == whole.hasProblem
            try require(same, parser, "chunks hold the records of a whole scan",
                        "data record \(index + 1): \(describe(chunked)) instead of \(describe(whole)) (chunk size \(chunkSize)) in \(show(text))")
        }
    }

    // MARK: - Ingest

    /// The ingest of the bytes as the accounts source accounts for every row.
    static func checkIngest(_ bytes: [UInt8]) throws(InvariantViolation) {
        let content = bytes.starts(with: Array("account_id".utf8)) ? bytes : accountsHeader + bytes
        let outcome: Result<Void, InvariantViolation> = ScratchFolder.with { folder in
            let path = ScratchFolder.write(content, to: CanonicalSource.accounts.defaultPath, in: folder)
            let context = IngestContext(dataDirectory: folder, timeZone: TimeZone(identifier: "UTC")!, currency: "JPY", jobs: 1)
            let data: ExtractedData
            do throws(IngestError) {
                data = try Extractor(context: context, sources: [.accounts]).run()
            } catch {
                // A whole-file problem; its line, when given, is one of the file's.
                let lines = content.count(where: { $0 == 0x0A }) + 1
                if let line = error.line, line < 1 || line > lines {
                    return .failure(InvariantViolation(parser: parser, invariant: "an ingest error names a line of the file",
                                                       details: "\(error) in a file of \(lines) lines"))
                }
                return .success(())
            }
            do throws(InvariantViolation) {
                try checkAccounting(data, path: path)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
    }

    private static func checkAccounting(_ data: ExtractedData, path: String) throws(InvariantViolation) {
        guard let load = data.load(of: .accounts) else {
            throw InvariantViolation(parser: parser, invariant: "a read source has a load", details: "no load for accounts")
        }
        let quarantined = data.log.quarantined.filter { $0.source == .accounts }.count
        try require(load.rowsRead == load.rowsLoaded + load.rowsQuarantined, parser, "rows read = loaded + quarantined",
                    "\(load.rowsRead) != \(load.rowsLoaded) + \(load.rowsQuarantined)")
        try require(quarantined == load.rowsQuarantined, parser, "one quarantine entry per quarantined row",
                    "\(quarantined) entries for \(load.rowsQuarantined) rows")
        try require(data.accounts.count == load.rowsLoaded, parser, "one account per loaded row",
                    "\(data.accounts.count) accounts for \(load.rowsLoaded) rows")
        // The rows read, counted independently: the decoded file's non-blank records after the header.
        guard let decoded = try? TextFileReader(path: path, encoding: nil).readAll() else { return }
        let (records, _) = try decoded.withUnsafeBufferPointer { buffer throws(InvariantViolation) in try scan(buffer, firstLine: 1) }
        let dataRows = records.dropFirst().filter { !$0.isBlank }.count
        try require(load.rowsRead == dataRows, parser, "rows read = the non-blank records after the header",
                    "\(load.rowsRead) rows read, \(dataRows) records in \(show(decoded))")
    }

    private static func describe(_ record: Record) -> String {
        let fields = record.fields.map { show($0) }.joined(separator: ", ")
        return "line \(record.line) \(record.range)\(record.hasProblem ? " (problem)" : "") [\(fields)]"
    }
}
