import Foundation
import Tabular

/// Reads `helpdesk/tickets.jsonl` (JSON Lines, or one JSON array), validates each ticket, then
/// deduplicates by id over all loaded rows: a later row replaces the kept one only when its
/// `updated_at` is strictly newer (a missing `updated_at` is never newer; a present one is newer
/// than a missing one). `123` and `"123"` are the same id.
struct TicketsReader {
    let settings: SourceConfiguration
    let context: IngestContext

    func read(into log: inout IngestLog) throws(IngestError) -> ([Ticket], SourceLoad) {
        let source = settings.source
        let grammars = try SourceGrammars(settings: settings, timeZone: context.timeZone)
        var load = SourceLoad(source: source)
        var loaded: [Ticket] = []
        let files = SourceFiles.resolve(settings.path, in: context.dataDirectory)
        if files.isEmpty {
            load.isMissing = true
            return ([], load)
        }
        for file in files {
            let (text, reader) = try SourceFiles.readText(file, settings: settings, in: context.dataDirectory)
            var fileRows = 0
            do {
                let segments = try text.withBytes { bytes in
                    try readSegments(bytes, file: file, grammars: grammars)
                }
                for segment in segments {
                    fileRows += segment.rows
                    loaded += segment.tickets
                    log.merge(segment.log)
                    load.rowsWithWarnings += segment.rowsWithWarnings
                }
            } catch let error as JSONSyntaxError {
                throw IngestError(source: source, file: file, line: error.line, column: error.column,
                                  message: "not a valid JSON array of tickets: \(error.message)")
            } catch {
                throw IngestError(source: source, file: file, message: "\(error)")
            }
            load.files.append(SourceLoad.File(path: file, bytes: reader.fileSize, encoding: reader.detected, rowsRead: fileRows))
            load.rowsRead += fileRows
        }
        load.rowsLoaded = loaded.count
        load.rowsQuarantined = load.rowsRead - load.rowsLoaded
        let tickets = Self.deduplicated(loaded)
        load.rowsSuperseded = loaded.count - tickets.count
        load.rowsDropped = tickets.reduce(0) { $0 + ($1.status == .deleted ? 1 : 0) }
        return (tickets, load)
    }

    /// What one run of lines of a file gave.
    private struct Segment: Sendable {
        let locator: JSONFieldLocator
        var tickets: [Ticket] = []
        var log = IngestLog()
        var rows = 0
        var rowsWithWarnings = 0
    }

    /// Reads a file's records. JSON Lines of more than 1 MiB are cut at line breaks into runs
    /// that are read in parallel and put back in order; a JSON array is read in one piece.
    private func readSegments(_ bytes: UnsafeBufferPointer<UInt8>, file: String, grammars: SourceGrammars) throws -> [Segment] {
        let jobs = context.jobs
        guard JSONRecordReader.detectLayout(bytes) == .lines, bytes.count > 1 << 20, jobs > 1 else {
            var segment = Segment(locator: JSONFieldLocator(settings: settings, dateTime: grammars.dateTime))
            try JSONRecordReader.readSpans(bytes) { record in handle(record, lineOffset: 0, file: file, grammars: grammars, into: &segment) }
            return [segment]
        }
        // Cut points just after a line feed, and the lines before each piece.
        let pieces = jobs * 4
        var cuts = [0]
        for k in 1..<pieces {
            var cut = max(bytes.count * k / pieces, cuts[cuts.count - 1])
            while cut < bytes.count && bytes[cut - 1] != 0x0A { cut += 1 }
            if cut < bytes.count && cut > cuts[cuts.count - 1] { cuts.append(cut) }
        }
        cuts.append(bytes.count)
        var lineOffsets = [0]
        for k in 1..<cuts.count - 1 {
            lineOffsets.append(lineOffsets[k - 1] + CSVRecordBoundary.lineFeeds(in: UnsafeBufferPointer(rebasing: bytes[cuts[k - 1]..<cuts[k]])))
        }
        var segments = [Segment?](repeating: nil, count: cuts.count - 1)
        let input = UnsafeSendable(bytes)
        segments.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            ParallelLoop.run(buffer.count, jobs: jobs) { k in
                let piece = UnsafeBufferPointer(rebasing: input.value[cuts[k]..<cuts[k + 1]])
                var segment = Segment(locator: JSONFieldLocator(settings: settings, dateTime: grammars.dateTime))
                // JSON Lines: every problem is a record's own, so reading cannot throw here.
                try? JSONRecordReader.readSpans(piece, layout: .lines) { record in
                    handle(record, lineOffset: lineOffsets[k], file: file, grammars: grammars, into: &segment)
                }
                out.value[k] = segment
            }
        }
        return segments.compactMap { $0 }
    }

    /// Turns one record into a ticket, a quarantine entry, or a ticket with warnings.
    private func handle(_ record: JSONRecordReader.SpanRecord, lineOffset: Int, file: String, grammars: SourceGrammars,
                        into segment: inout Segment) {
        segment.rows += 1
        var row = JSONSourceRow(document: record.document, spans: record.spans, locator: segment.locator)
        switch record.result {
        case .failure(let error):
            row.reject(record: "not valid JSON at column \(error.column): \(error.message)")
        case .success where record.spans.topLevelKind == .object:
            if let ticket = ticket(from: &row) { segment.tickets.append(ticket) }
        case .success:
            row.reject(record: "expected a JSON object for a ticket")
        }
        let line = record.position + lineOffset
        if let rejection = row.rejection {
            segment.log.quarantine(DataIssue(source: .tickets, file: file, line: line, column: rejection.column,
                                             reason: rejection.reason, raw: record.rawText))
        } else if !row.warnings.isEmpty {
            for warning in row.warnings {
                segment.log.warn(DataIssue(source: .tickets, file: file, line: line, column: warning.column,
                                           reason: warning.reason, raw: record.rawText))
            }
            segment.rowsWithWarnings += 1
        }
    }

    /// Keeps one ticket per id, in order of first appearance (docs/metrics.md §3.5).
    static func deduplicated(_ tickets: [Ticket]) -> [Ticket] {
        var position: [String: Int] = [:]
        position.reserveCapacity(tickets.count)
        var kept: [Ticket] = []
        kept.reserveCapacity(tickets.count)
        for ticket in tickets {
            guard let index = position[ticket.id] else {
                position[ticket.id] = kept.count
                kept.append(ticket)
                continue
            }
            let current = kept[index]
            if let newer = ticket.updatedAt, current.updatedAt.map({ newer > $0 }) ?? true {
                kept[index] = ticket
            }
        }
        return kept
    }

    private func ticket(from row: inout JSONSourceRow) -> Ticket? {
        let id = row.requiredIdentifier(.id)
        let accountID = row.requiredIdentifier(.accountID)
        let createdAt = row.requiredInstant(.createdAt)
        let status = row.requiredEnum(.status, TicketStatus.self)
        let updatedAt = row.optionalInstant(.updatedAt)
        let firstResponseAt = row.optionalInstant(.firstResponseAt)
        let solvedAt = row.optionalInstant(.solvedAt)
        let priority = row.optionalEnum(.priority, TicketPriority.self)
        let urgency = row.optionalEnum(.urgency, TicketLevel.self)
        let impact = row.optionalEnum(.impact, TicketLevel.self)
        let escalation = row.optionalInteger(.escalationLevel, in: 1...3, default: 1)
        let reopens = row.optionalInteger(.reopens, in: 0...1_000_000, default: 0)
        let tags = row.optionalStrings(.tags)
        guard let id, let accountID, let createdAt, let status, !row.isRejected else { return nil }
        if (status == .solved || status == .closed) && solvedAt == nil {
            row.reject(.solvedAt, "status \(status.rawValue) without solved_at")
            return nil
        }
        // Warnings the support metrics rely on (docs/metrics.md §3.7 and §3.13).
        if priority == nil && (urgency == nil || impact == nil) {
            let given = urgency != nil ? "only urgency" : impact != nil ? "only impact" : "no priority, urgency or impact"
            row.warn(.priority, "\(given): priority P3 used")
        }
        if let firstResponseAt, firstResponseAt < createdAt {
            row.warn(.firstResponseAt, "first_response_at is earlier than created_at: its duration is left out")
        }
        if let solvedAt, solvedAt < createdAt {
            row.warn(.solvedAt, "solved_at is earlier than created_at: its duration is left out")
        }
        return Ticket(id: id, accountID: accountID, createdAt: createdAt, updatedAt: updatedAt,
                      firstResponseAt: firstResponseAt, solvedAt: solvedAt, status: status, priority: priority,
                      urgency: urgency, impact: impact, category: row.optionalText(.category),
                      channel: row.optionalText(.channel), escalationLevel: escalation, reopens: reopens, tags: tags)
    }
}
