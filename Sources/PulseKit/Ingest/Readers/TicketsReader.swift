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
                let segments = try text.withUnsafeBufferPointer { bytes in
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
            var segment = Segment(locator: JSONFieldLocator(settings: settings))
            try JSONRecordReader.read(bytes) { record in handle(record, lineOffset: 0, file: file, grammars: grammars, into: &segment) }
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
                var segment = Segment(locator: JSONFieldLocator(settings: settings))
                // JSON Lines: every problem is a record's own, so reading cannot throw here.
                try? JSONRecordReader.read(piece, layout: .lines) { record in
                    handle(record, lineOffset: lineOffsets[k], file: file, grammars: grammars, into: &segment)
                }
                out.value[k] = segment
            }
        }
        return segments.compactMap { $0 }
    }

    /// Turns one record into a ticket, a quarantine entry, or a ticket with warnings.
    private func handle(_ record: JSONRecordReader.Record, lineOffset: Int, file: String, grammars: SourceGrammars,
                        into segment: inout Segment) {
        segment.rows += 1
        var row = JSONSourceRow(settings: settings, grammars: grammars, locator: segment.locator)
        switch record.result {
        case .failure(let error):
            row.reject(record: "not valid JSON at column \(error.column): \(error.message)")
        case .success(.object(let object)):
            row.object = object
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

    /// Keeps one ticket per id, in order of first appearance (details 14).
    static func deduplicated(_ tickets: [Ticket]) -> [Ticket] {
        var position: [String: Int] = [:]
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
        return Ticket(id: id, accountID: accountID, createdAt: createdAt, updatedAt: updatedAt,
                      firstResponseAt: firstResponseAt, solvedAt: solvedAt, status: status, priority: priority,
                      urgency: urgency, impact: impact, category: row.optionalText(.category),
                      channel: row.optionalText(.channel), escalationLevel: escalation, reopens: reopens, tags: tags)
    }
}

/// Typed access to one JSON record's canonical fields, recording why it is quarantined or
/// what was dropped with a warning (the JSON twin of ``SourceRow``).
struct JSONSourceRow {
    let settings: SourceConfiguration
    let grammars: SourceGrammars
    let locator: JSONFieldLocator
    var object = JSONObject()
    private(set) var rejection: (column: String, reason: String)?
    private(set) var warnings: [(column: String, reason: String)] = []

    init(settings: SourceConfiguration, grammars: SourceGrammars, locator: JSONFieldLocator) {
        self.settings = settings
        self.grammars = grammars
        self.locator = locator
    }

    var isRejected: Bool { rejection != nil }

    /// Quarantines the record for a problem with the whole record.
    mutating func reject(record reason: String) {
        if rejection == nil { rejection = ("", reason) }
    }

    mutating func reject(_ field: TicketField, _ reason: String) {
        if rejection == nil { rejection = (locator.header(field), reason) }
    }

    mutating func warn(_ field: TicketField, _ reason: String) {
        warnings.append((locator.header(field), reason))
    }

    /// The field's value; nil when absent or JSON null.
    func value(_ field: TicketField) -> JSONValue? {
        switch locator.value(field, in: object) {
        case nil, .null?: return nil
        case let value?: return value
        }
    }

    /// The text of a string field, trimmed; nil when absent, null or empty.
    func optionalText(_ field: TicketField) -> String? {
        guard case .string(let text)? = value(field) else { return nil }
        let trimmed = TextTrimming.trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A required id: a string, or an integer number (`123`, `123.0`) written as digits.
    mutating func requiredIdentifier(_ field: TicketField) -> String? {
        switch value(field) {
        case .string(let text)?:
            let trimmed = TextTrimming.trimmed(text)
            if !trimmed.isEmpty { return trimmed }
        case .number(let lexeme)?:
            if let id = Self.integerText(lexeme) { return id }
            reject(field, "expected a string or an integer id, got \(lexeme.prefix(60))")
            return nil
        case nil:
            break
        default:
            reject(field, "expected a string or an integer id")
            return nil
        }
        reject(field, "missing required value for \(field.name)")
        return nil
    }

    /// `123` and `123.000` → "123"; nil for fractions and exponents.
    static func integerText(_ lexeme: String) -> String? {
        var digits = Substring(lexeme)
        if let dot = digits.firstIndex(of: ".") {
            guard digits[digits.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return nil }
            digits = digits[..<dot]
        }
        let body = digits.hasPrefix("-") ? digits.dropFirst() : digits
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(digits)
    }

    private func parseInstant(_ field: TicketField, _ value: JSONValue) throws(ValueError) -> Instant {
        let epoch = locator.isEpochSeconds(field)
        var text: String
        switch value {
        case .string(let string): text = string
        case .number(let lexeme) where epoch: text = lexeme
        default: throw ValueError("expected a datetime string")
        }
        // The byte entry points: no generic String path per value.
        let result = text.withUTF8 { bytes in
            Result { () throws(ValueError) -> Instant in
                epoch ? try grammars.dateTime.parseEpochSeconds(bytes) : try grammars.dateTime.parse(bytes)
            }
        }
        return try result.get()
    }

    mutating func requiredInstant(_ field: TicketField) -> Instant? {
        guard let value = value(field) else {
            reject(field, "missing required value for \(field.name)")
            return nil
        }
        do throws(ValueError) { return try parseInstant(field, value) } catch {
            reject(field, error.reason)
            return nil
        }
    }

    mutating func optionalInstant(_ field: TicketField) -> Instant? {
        guard let value = value(field) else { return nil }
        if case .string(let text) = value, TextTrimming.trimmed(text).isEmpty { return nil }
        do throws(ValueError) { return try parseInstant(field, value) } catch {
            warn(field, "dropped: \(error.reason)")
            return nil
        }
    }

    mutating func requiredEnum<E: RawRepresentable & CaseIterable>(_ field: TicketField, _ type: E.Type) -> E? where E.RawValue == String {
        guard let text = optionalText(field) else {
            reject(field, value(field) == nil ? "missing required value for \(field.name)" : "expected a string")
            return nil
        }
        guard let value = E(rawValue: text) ?? E(rawValue: text.lowercased()) else {
            reject(field, "expected one of \(E.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(text.prefix(60))\"")
            return nil
        }
        return value
    }

    /// An optional enumerated value; an unknown one is treated as null with a warning (details 17).
    mutating func optionalEnum<E: RawRepresentable & CaseIterable>(_ field: TicketField, _ type: E.Type) -> E? where E.RawValue == String {
        guard let raw = value(field) else { return nil }
        guard case .string(let text) = raw else {
            warn(field, "dropped: expected a string")
            return nil
        }
        let trimmed = TextTrimming.trimmed(text)
        if trimmed.isEmpty { return nil }
        guard let value = E(rawValue: trimmed) ?? E(rawValue: trimmed.lowercased()) else {
            warn(field, "\(field.name) \"\(trimmed.prefix(60))\" is not one of \(E.allCases.map(\.rawValue).joined(separator: ", ")); treated as null")
            return nil
        }
        return value
    }

    /// An optional integer in `range`; absent gives `fallback`, unparsable or out of range
    /// gives `fallback` with a warning.
    mutating func optionalInteger(_ field: TicketField, in range: ClosedRange<Int>, default fallback: Int) -> Int {
        guard let raw = value(field) else { return fallback }
        var parsed: Int?
        switch raw {
        case .number(let lexeme): parsed = Self.integerText(lexeme).flatMap { Int($0) }
        case .string(let text): parsed = try? Int(IntegerGrammar.parse(text))
        default: parsed = nil
        }
        guard let parsed, range.contains(parsed) else {
            warn(field, "dropped: expected an integer \(range.lowerBound)–\(range.upperBound); using \(fallback)")
            return fallback
        }
        return parsed
    }

    /// An optional array of strings; anything else is dropped with a warning.
    mutating func optionalStrings(_ field: TicketField) -> [String] {
        guard let raw = value(field) else { return [] }
        guard case .array(let items) = raw else {
            warn(field, "dropped: expected an array of strings")
            return []
        }
        var strings: [String] = []
        for item in items {
            guard case .string(let s) = item else {
                warn(field, "dropped: expected an array of strings")
                return []
            }
            strings.append(s)
        }
        return strings
    }
}

/// The canonical fields of a ticket.
enum TicketField: Int, CaseIterable, Sendable {
    case id, accountID, createdAt, updatedAt, firstResponseAt, solvedAt, status, priority, urgency, impact,
         category, channel, escalationLevel, reopens, tags

    /// The canonical name, as in `inputs.md`.
    var name: String { CanonicalSource.tickets.columns[rawValue] }
}

/// Finds a ticket's fields among a record's keys, remembering where each was found last:
/// exports write their keys in the same order, so a lookup is one comparison.
/// Used by one thread at a time.
final class JSONFieldLocator: @unchecked Sendable {
    private let headers: [String]
    private let epochSeconds: [Bool]
    private var positions: [Int]

    init(settings: SourceConfiguration) {
        headers = TicketField.allCases.map { settings.header(for: $0.name) }
        epochSeconds = TicketField.allCases.map { settings.epochSecondsColumns.contains($0.name) }
        positions = [Int](repeating: 0, count: TicketField.allCases.count)
    }

    /// Whether the pipeline says the field holds Unix epoch seconds.
    func isEpochSeconds(_ field: TicketField) -> Bool { epochSeconds[field.rawValue] }

    /// The header (JSON key) a field is read from.
    func header(_ field: TicketField) -> String { headers[field.rawValue] }

    /// The value of `field` in `object`, if present.
    func value(_ field: TicketField, in object: JSONObject) -> JSONValue? {
        let header = headers[field.rawValue]
        let keys = object.keys
        let guess = positions[field.rawValue]
        if guess < keys.count && keys[guess] == header { return object.values[guess] }
        guard let found = keys.firstIndex(of: header) else { return nil }
        positions[field.rawValue] = found
        return object.values[found]
    }
}
