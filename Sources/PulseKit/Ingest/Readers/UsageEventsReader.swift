import Dispatch
import Foundation
import Tabular

/// Reads `product/usage_events.csv`, the largest input, in bounded chunks parsed in parallel.
///
/// Each chunk is parsed on its own (ids interned into chunk-local tables), then the chunks are
/// merged in file order into the global ``UsageNames`` and handed to the sink, so the numbering
/// and the order of batches do not depend on scheduling. Memory is bounded by
/// `jobs × 2` chunks, whatever the file's size.
struct UsageEventsReader {
    let settings: SourceConfiguration
    let context: IngestContext
    var chunkSize = 8 << 20

    /// What one worker made of one chunk.
    private struct ParsedChunk: Sendable {
        var batch = UsageEventBatch()
        var accounts = ByteInterner(capacity: 4096)
        /// The last accounts and events seen in this chunk (their bytes live in the chunk).
        var recentAccounts = RecentBytes(size: 4)
        var recentEvents = RecentBytes(size: 32)
        /// Each loaded row's user id, grouped by the shard of its hash, in row order.
        var userRefs = [[UserReference]](repeating: [], count: ShardedByteInterner.shardCount)
        /// Unescaped user ids that are not a plain slice of the chunk (doubled quotes).
        var spill: [UInt8] = []
        var events = ByteInterner(capacity: 64)
        var quarantined: [DataIssue] = []
        var warnings: [DataIssue] = []
        var rowsRead = 0
        var rowsWithWarnings = 0
        /// Bytes of the chunk that are not UTF-8.
        var decodingError: TextFileError?
    }

    /// Reads every file of the source, calling `sink` with each batch in file order and the names
    /// its numbers refer to.
    func read(into log: inout IngestLog, names: inout UsageNames, sink: (UsageEventBatch, UsageNames) -> Void) throws(IngestError) -> SourceLoad {
        let source = settings.source
        var load = SourceLoad(source: source)
        let files = SourceFiles.resolve(settings.path, in: context.dataDirectory)
        if files.isEmpty {
            load.isMissing = true
            return load
        }
        let grammars = try SourceGrammars(settings: settings, timeZone: context.timeZone)
        let jobs = max(1, context.jobs)
        for file in files {
            let path = context.dataDirectory.appendingPathComponent(file).path
            let reader: CSVChunkReader
            do { reader = try CSVChunkReader(path: path, encoding: settings.encoding.textEncoding, chunkSize: chunkSize) } catch {
                throw IngestError(settings, file: file, reading: error)
            }
            if reader.header.isEmpty {
                throw IngestError(source: source, file: file, line: 1, message: "the file is empty: expected a header row with \(source.requiredColumns.joined(separator: ", "))")
            }
            if let problem = reader.headerProblem {
                throw IngestError(source: source, file: file, line: 1, column: problem.fieldNumber, message: "malformed header: \(problem.message)")
            }
            let columns: SourceColumns
            do throws(ColumnMappingError) { columns = try SourceColumns(header: reader.header, settings: settings) } catch {
                throw IngestError(source: source, file: file, line: 1, column: error.column, message: error.message)
            }
            let layout = UsageRowLayout(columns: columns, width: reader.header.count, header: reader.header,
                                        epochSeconds: settings.epochSecondsColumns.contains("timestamp"))
            var fileRows = 0
            while true {
                var chunks: [CSVChunkReader.Chunk] = []
                do {
                    while chunks.count < jobs * 4, let chunk = try reader.nextChunk() { chunks.append(chunk) }
                } catch {
                    throw IngestError(settings, file: file, reading: error)
                }
                if chunks.isEmpty { break }
                let work = chunks
                var parsed = [ParsedChunk](repeating: ParsedChunk(), count: work.count)
                let unterminated = UnterminatedFlag()
                parsed.withUnsafeMutableBufferPointer { results in
                    let out = UnsafeSendable(results)
                    ParallelLoop.run(work.count, jobs: jobs) { k in
                        out.value[k] = Self.parse(work[k], file: file, layout: layout, grammars: grammars, unterminated: unterminated)
                    }
                }
                if let error = parsed.lazy.compactMap(\.decodingError).first {
                    throw IngestError(settings, file: file, reading: error)
                }
                if let line = unterminated.line {
                    throw IngestError(source: source, file: file, line: line,
                                      message: "the file ends inside a quoted field that starts on line \(line): the export looks truncated")
                }
                Self.renumber(&parsed, chunks: work, into: &names, jobs: jobs)
                for chunk in work { chunk.discard() }
                for chunk in parsed {
                    fileRows += chunk.rowsRead
                    load.rowsLoaded += chunk.batch.count
                    load.rowsWithWarnings += chunk.rowsWithWarnings
                    for issue in chunk.quarantined { log.quarantine(issue) }
                    for var issue in chunk.warnings {
                        issue.file = file
                        log.warn(issue)
                    }
                    if chunk.batch.count > 0 { sink(chunk.batch, names) }
                }
            }
            load.files.append(SourceLoad.File(path: file, bytes: reader.fileSize, encoding: reader.detected, rowsRead: fileRows))
            load.rowsRead += fileRows
        }
        load.rowsQuarantined = load.rowsRead - load.rowsLoaded
        return load
    }

    /// Maps the chunks' local numbers onto the global tables, in chunk order: accounts and events
    /// (few) on this thread; users (many) straight from the chunk bytes, one thread per shard;
    /// then rewrites each chunk's columns in parallel.
    private static func renumber(_ parsed: inout [ParsedChunk], chunks: [CSVChunkReader.Chunk],
                                 into names: inout UsageNames, jobs: Int) {
        func mapping(_ local: ByteInterner, _ global: inout ByteInterner) -> [Int32] {
            (0..<Int32(local.count)).map { id in local.withBytes(id) { global.intern($0, hash: local.hash(of: id)) } }
        }
        let accounts = parsed.map { mapping($0.accounts, &names.accounts) }
        let events = parsed.map { mapping($0.events, &names.events) }
        // users[s][k]: the numbers of chunk k's user references in shard s, in order.
        var users = [[[Int32]]](repeating: [], count: ShardedByteInterner.shardCount)
        let references = parsed.map { ($0.userRefs, $0.spill) }
        users.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            names.users.internByShard(jobs: jobs) { s, intern in
                var perChunk: [[Int32]] = []
                perChunk.reserveCapacity(chunks.count)
                for k in chunks.indices {
                    let (refs, spill) = references[k]
                    let ids = chunks[k].withBytes { bytes in
                        spill.withUnsafeBufferPointer { spill in
                            refs[s].map { ref -> Int32 in
                                let slice = ref.start >= 0
                                    ? UnsafeBufferPointer(rebasing: bytes[Int(ref.start)..<Int(ref.start + ref.length)])
                                    : UnsafeBufferPointer(rebasing: spill[Int(-ref.start - 1)..<Int(-ref.start - 1 + ref.length)])
                                return intern(ref.key, slice)
                            }
                        }
                    }
                    perChunk.append(ids)
                }
                out.value[s] = perChunk
            }
        }
        parsed.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            ParallelLoop.run(buffer.count, jobs: jobs) { k in
                let n = out.value[k].batch.count
                out.value[k].batch.accounts.withUnsafeMutableBufferPointer { a in
                    accounts[k].withUnsafeBufferPointer { map in for i in 0..<n { a[i] = map[Int(a[i])] } }
                }
                out.value[k].batch.users.withUnsafeMutableBufferPointer { u in
                    for s in 0..<ShardedByteInterner.shardCount {
                        let ids = users[s][k]
                        for (i, ref) in out.value[k].userRefs[s].enumerated() { u[Int(ref.row)] = ids[i] }
                    }
                }
                out.value[k].batch.events.withUnsafeMutableBufferPointer { e in
                    events[k].withUnsafeBufferPointer { map in for i in 0..<n { e[i] = map[Int(e[i])] } }
                }
                out.value[k].accounts = ByteInterner(capacity: 1)
                out.value[k].events = ByteInterner(capacity: 1)
                out.value[k].userRefs = []
                out.value[k].spill = []
            }
        }
    }

    /// Parses one chunk's rows: the hot loop.
    private static func parse(_ chunk: CSVChunkReader.Chunk, file: String, layout: UsageRowLayout,
                              grammars: SourceGrammars, unterminated: UnterminatedFlag) -> ParsedChunk {
        var out = ParsedChunk()
        do { try chunk.validate() } catch {
            out.decodingError = error
            return out
        }
        out.batch.reserve(chunk.count / 48)
        for s in out.userRefs.indices { out.userRefs[s].reserveCapacity(chunk.count / 48 / ShardedByteInterner.shardCount + 16) }
        chunk.withBytes { bytes in
            var scanner = CSVScanner(bytes, firstLine: chunk.firstLine)
            var fields = CSVFieldBuffer(capacity: layout.width + 1)
            let plain = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: layout.width)
            defer { plain.deallocate() }
            while true {
                // Most rows: unquoted, the header's width.
                if let info = scanner.nextPlainRecord(width: layout.width, into: plain) {
                    out.rowsRead += 1
                    if let failure = parseRow(scanner: scanner, fields: UnsafeBufferPointer(plain), info: info, layout: layout,
                                              grammars: grammars, into: &out) {
                        out.quarantined.append(DataIssue(source: .usageEvents, file: file, line: info.line, column: failure.column,
                                                         reason: failure.reason, raw: scanner.rawText(info)))
                    }
                    continue
                }
                guard let info = scanner.next(into: &fields) else { break }
                if fields.count == 1 && fields[0].isEmpty && !fields[0].isQuoted { continue }
                if scanner.endedInsideQuotes {
                    unterminated.set(info.line)
                    return
                }
                out.rowsRead += 1
                let failure: (column: String, reason: String)?
                if let problem = info.problem {
                    failure = (problem.fieldNumber <= layout.width ? layout.header[problem.fieldNumber - 1] : "#\(problem.fieldNumber)", problem.message)
                } else if fields.count != layout.width {
                    failure = (fields.count < layout.width ? layout.header[fields.count] : "#\(layout.width + 1)",
                               "row has \(fields.count) fields, the header has \(layout.width)")
                } else {
                    failure = fields.withFields { parseRow(scanner: scanner, fields: $0, info: info, layout: layout, grammars: grammars, into: &out) }
                }
                if let failure {
                    out.quarantined.append(DataIssue(source: .usageEvents, file: file, line: info.line, column: failure.column,
                                                     reason: failure.reason, raw: scanner.rawText(info)))
                }
            }
        }
        out.recentAccounts.removeAll()
        out.recentEvents.removeAll()
        return out
    }

    /// Parses one row into the batch; returns why it is quarantined, if it is.
    @inline(__always)
    /// `fields` holds exactly the header's width of fields, and the record has no syntax problem.
    private static func parseRow(scanner: CSVScanner, fields: UnsafeBufferPointer<CSVField>, info: CSVRecordInfo, layout: UsageRowLayout,
                                 grammars: SourceGrammars, into out: inout ParsedChunk) -> (column: String, reason: String)? {
        // Required text values.
        @inline(__always) func trimmed(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
            let field = fields[index]
            @inline(__always) func take(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
                let value = TextTrimming.trimmed(raw)
                if value.isEmpty { return false }
                body(value)
                return true
            }
            // Most fields are a plain slice of the chunk; only doubled quotes need unescaping.
            guard field.hasDoubledQuotes else { return take(UnsafeBufferPointer(rebasing: scanner.bytes[field.start..<field.end])) }
            return scanner.withValue(field) { take($0) }
        }
        var timestamp: Int64 = 0
        var failure: String?
        let hasTimestamp = trimmed(layout.timestamp) { bytes in
            do throws(ValueError) {
                let instant = layout.epochSeconds ? try grammars.dateTime.parseEpochSeconds(bytes) : try grammars.dateTime.parse(bytes)
                timestamp = instant.millisecondsSinceEpoch
            } catch {
                failure = error.reason
            }
        }
        if !hasTimestamp { return (layout.header[layout.timestamp], "missing required value for timestamp") }
        if let failure { return (layout.header[layout.timestamp], failure) }
        var account: Int32 = 0, event: Int32 = 0
        var user = UserReference(row: Int32(out.batch.count), start: 0, length: 0,
                                 key: ByteInterner.Key(UnsafeBufferPointer(start: nil, count: 0), hash: 0))
        var spilled: [UInt8]?
        let chunkBase = scanner.bytes.baseAddress!
        let chunkEnd = chunkBase + scanner.bytes.count
        /// Whether bytes lie in the chunk itself (not in a buffer of unescaped quotes).
        @inline(__always) func inChunk(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = bytes.baseAddress else { return false }
            return base >= chunkBase && base + bytes.count <= chunkEnd
        }
        if !trimmed(layout.account, { bytes in
            if let known = out.recentAccounts.find(bytes) { account = known; return }
            account = out.accounts.intern(bytes)
            if inChunk(bytes) { out.recentAccounts.remember(bytes, as: account) }
        }) { return (layout.header[layout.account], "missing required value for account_id") }
        if !trimmed(layout.user, { bytes in
            user.key = ByteInterner.Key(hashing: bytes)
            user.length = Int32(bytes.count)
            if inChunk(bytes), let base = bytes.baseAddress {
                user.start = Int32(base - chunkBase)
            } else {
                spilled = Array(bytes)
            }
        }) { return (layout.header[layout.user], "missing required value for user_id") }
        if !trimmed(layout.event, { bytes in
            if let known = out.recentEvents.find(bytes) { event = known; return }
            event = out.events.intern(bytes)
            if inChunk(bytes) { out.recentEvents.remember(bytes, as: event) }
        }) { return (layout.header[layout.event], "missing required value for event") }
        var count: Int32 = 1
        if let countIndex = layout.count {
            var warning: String?
            _ = trimmed(countIndex) { bytes in
                do throws(ValueError) {
                    let value = try IntegerGrammar.parse(bytes)
                    if let narrow = Int32(exactly: value) { count = narrow } else { warning = "dropped: \(value) is out of range; using 1" }
                } catch {
                    warning = "dropped: \(error.reason); using 1"
                }
            }
            if let warning {
                out.warnings.append(DataIssue(source: .usageEvents, file: "", line: info.line, column: layout.header[countIndex],
                                              reason: warning, raw: scanner.rawText(info)))
                out.rowsWithWarnings += 1
            }
        }
        out.batch.timestamps.append(timestamp)
        out.batch.accounts.append(account)
        if let spilled {
            user.start = -Int32(out.spill.count) - 1
            out.spill += spilled
        }
        out.userRefs[ShardedByteInterner.shard(of: user.key.hash)].append(user)
        out.batch.users.append(0)
        out.batch.events.append(event)
        out.batch.counts.append(count)
        return nil
    }
}
