import Foundation
import Tabular

/// The date and datetime grammars one source is read with: the defaults, the source's extra
/// `date_format`s, the pipeline's time zone, and its epoch-seconds columns.
struct SourceGrammars: Sendable {
    let date: DateGrammar
    let dateTime: DateTimeGrammar
    let epochSecondsColumns: Set<String>

    init(settings: SourceConfiguration, timeZone: TimeZone) throws(IngestError) {
        do {
            date = try DateGrammar(extraFormats: settings.dateFormats)
            dateTime = try DateTimeGrammar(timeZone: timeZone, extraDateFormats: settings.dateFormats)
        } catch {
            throw IngestError(source: settings.source, file: settings.path, message: "bad date_format: \(error.reason)")
        }
        epochSecondsColumns = Set(settings.epochSecondsColumns)
    }
}

extension SourceRow {
    /// A required date.
    mutating func requiredDate(_ column: String, _ grammars: SourceGrammars) -> LocalDate? {
        required(column) { (bytes) throws(ValueError) in try grammars.date.parse(bytes) }
    }

    /// An optional date (dropped with a warning when unparsable).
    mutating func optionalDate(_ column: String, _ grammars: SourceGrammars) -> LocalDate? {
        optional(column) { (bytes) throws(ValueError) in try grammars.date.parse(bytes) }
    }

    /// A required datetime (epoch seconds where the pipeline says so).
    mutating func requiredInstant(_ column: String, _ grammars: SourceGrammars, allowDateOnly: Bool = false) -> Instant? {
        let epoch = grammars.epochSecondsColumns.contains(column)
        return required(column) { (bytes) throws(ValueError) in
            epoch ? try grammars.dateTime.parseEpochSeconds(bytes) : try grammars.dateTime.parse(bytes, allowDateOnly: allowDateOnly)
        }
    }

    /// An integer within `range`; required or optional.
    mutating func integer(_ column: String, in range: ClosedRange<Int64>, required isRequired: Bool) -> Int? {
        let parse = { (bytes: UnsafeBufferPointer<UInt8>) throws(ValueError) -> Int in
            let value = try IntegerGrammar.parse(bytes)
            guard range.contains(value) else {
                throw ValueError("\(value) is outside \(range.lowerBound)–\(range.upperBound)")
            }
            return Int(value)
        }
        return isRequired ? required(column, parse) : optional(column, parse)
    }
}
