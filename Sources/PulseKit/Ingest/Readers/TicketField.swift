import Foundation
import Tabular

/// The canonical fields of a ticket, in the order of docs/ingest.md, "The canonical sources".
enum TicketField: Int, CaseIterable, Sendable {
    case id, accountID, createdAt, updatedAt, firstResponseAt, solvedAt, status, priority, urgency, impact,
         category, channel, escalationLevel, reopens, tags

    /// The canonical name, as in docs/ingest.md, "The canonical sources".
    var name: String { CanonicalSource.tickets.columns[rawValue] }
}

/// Finds a ticket's fields among a record's top-level members, remembering where each was found
/// last: exports write their keys in the same order, so a lookup is usually one comparison of
/// key bytes. Used by one thread at a time.
final class JSONFieldLocator: @unchecked Sendable {
    private let headers: [String]
    private let headerBytes: [[UInt8]]
    private let epochSeconds: [Bool]
    private var positions: [Int]
    /// The datetime grammar of the source.
    let dateTime: DateTimeGrammar

    init(settings: SourceConfiguration, dateTime: DateTimeGrammar) {
        self.dateTime = dateTime
        headers = TicketField.allCases.map { settings.header(for: $0.name) }
        headerBytes = headers.map { Array($0.utf8) }
        epochSeconds = TicketField.allCases.map { settings.epochSecondsColumns.contains($0.name) }
        positions = [Int](repeating: 0, count: TicketField.allCases.count)
    }

    /// The header (JSON key) a field is read from.
    func header(_ field: TicketField) -> String { headers[field.rawValue] }

    /// Whether the pipeline says the field holds Unix epoch seconds.
    func isEpochSeconds(_ field: TicketField) -> Bool { epochSeconds[field.rawValue] }

    /// The member index of `field` in a record, if present.
    func member(_ field: TicketField, in spans: JSONMemberSpans, document: UnsafeBufferPointer<UInt8>) -> Int? {
        headerBytes[field.rawValue].withUnsafeBufferPointer { header in
            let guess = positions[field.rawValue]
            if guess < spans.count && !spans.keyHasEscapes(guess) {
                let key = spans.keyBytes(guess, in: document)
                if key.count == header.count, let a = key.baseAddress, let b = header.baseAddress,
                   memcmp(a, b, header.count) == 0 { return guess }
            }
            guard let found = spans.index(ofKey: header, in: document) else { return nil }
            positions[field.rawValue] = found
            return found
        }
    }
}
