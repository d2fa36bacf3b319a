import Foundation
import Tabular

/// Reads the CSV files of one source row by row: decodes them, maps the header onto the
/// canonical columns, and turns each data row into a record or a quarantine entry.
///
/// Whole-file problems (missing required file or column, duplicate headers, undecodable bytes,
/// a file that ends inside quotes) throw ``IngestError``; row problems never do.
struct CSVSourceReader {
    let settings: SourceConfiguration
    let dataDirectory: URL

    /// Reads every file of the source. `body` turns a row into a record; when it returns nil
    /// or the row was rejected, the row is quarantined.
    func read<Record>(
        into log: inout IngestLog,
        _ body: (inout SourceRow) -> Record?
    ) throws(IngestError) -> (records: [Record], load: SourceLoad) {
        let source = settings.source
        var load = SourceLoad(source: source)
        var records: [Record] = []
        let files = SourceFiles.resolve(settings.path, in: dataDirectory)
        if files.isEmpty {
            if source.isRequired {
                throw IngestError.missingRequiredSource(source, path: settings.path, in: dataDirectory.path)
            }
            load.isMissing = true
            return (records, load)
        }
        for file in files {
            let (text, reader) = try SourceFiles.readText(file, settings: settings, in: dataDirectory)
            var fileRows = 0
            try text.withBytes { bytes throws(IngestError) in
                var scanner = CSVScanner(bytes)
                var fields = CSVFieldBuffer()
                guard let headerInfo = scanner.next(into: &fields) else {
                    throw IngestError(source: source, file: file, line: 1, message: "the file is empty: expected a header row with \(source.requiredColumns.joined(separator: ", "))")
                }
                if let problem = headerInfo.problem {
                    throw IngestError(source: source, file: file, line: 1, column: problem.fieldNumber, message: "malformed header: \(problem.message)")
                }
                let header = fields.fields.map { field in
                    scanner.withValue(field) { String(decoding: TextTrimming.trimmed($0), as: UTF8.self) }
                }
                let columns: SourceColumns
                do throws(ColumnMappingError) { columns = try SourceColumns(header: header, settings: settings) } catch {
                    throw IngestError(source: source, file: file, line: 1, column: error.column, message: error.message)
                }
                let width = header.count
                while let info = scanner.next(into: &fields) {
                    if fields.isBlank { continue }  // a blank line, or a spreadsheet's row of separators only
                    if scanner.endedInsideQuotes {
                        throw IngestError(source: source, file: file, line: info.line,
                                          message: "the file ends inside a quoted field that starts on line \(info.line): the export looks truncated")
                    }
                    fileRows += 1
                    let raw = scanner.rawText(info)
                    if let problem = info.problem {
                        log.quarantine(DataIssue(source: source, file: file, line: info.line, column: problem.fieldNumber <= width ? header[problem.fieldNumber - 1] : "#\(problem.fieldNumber)", reason: problem.message, raw: raw))
                        continue
                    }
                    if fields.count != width {
                        let column = fields.count < width ? header[fields.count] : "#\(width + 1)"
                        log.quarantine(DataIssue(source: source, file: file, line: info.line, column: column,
                                                 reason: "row has \(fields.count) fields, the header has \(width)", raw: raw))
                        continue
                    }
                    if let (k, reason) = Self.badCell(fields, record: info, scanner: scanner) {
                        log.quarantine(DataIssue(source: source, file: file, line: info.line, column: header[k], reason: reason, raw: raw))
                        continue
                    }
                    var row = SourceRow(source: source, scanner: scanner, fields: fields, columns: columns, line: info.line)
                    let record = body(&row)
                    if let rejection = row.rejection {
                        log.quarantine(DataIssue(source: source, file: file, line: info.line, column: rejection.column, reason: rejection.reason, raw: raw))
                    } else if let record {
                        records.append(record)
                        for warning in row.warnings {
                            log.warn(DataIssue(source: source, file: file, line: info.line, column: warning.column, reason: warning.reason, raw: raw))
                        }
                        if !row.warnings.isEmpty { load.rowsWithWarnings += 1 }
                    } else {
                        log.quarantine(DataIssue(source: source, file: file, line: info.line, column: "", reason: "row rejected", raw: raw))
                    }
                }
            }
            load.files.append(SourceLoad.File(path: file, bytes: reader.fileSize, encoding: reader.detected, rowsRead: fileRows))
            load.rowsRead += fileRows
        }
        load.rowsLoaded = records.count
        load.rowsQuarantined = load.rowsRead - load.rowsLoaded
        return (records, load)
    }

    /// The first field of the record whose content no export writes on purpose, and why.
    ///
    /// Nearly every record has no NUL byte and no field over the limit; that is told from its raw
    /// bytes (a value is never longer than its field's text), so values are read only when one may
    /// be bad.
    private static func badCell(_ fields: CSVFieldBuffer, record: CSVRecordInfo, scanner: CSVScanner) -> (Int, String)? {
        let raw = UnsafeBufferPointer(rebasing: scanner.bytes[record.range])
        let hasNUL = raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false
        if !hasNUL && raw.count <= CellContent.maximumBytes { return nil }
        for k in 0..<fields.count {
            if let reason = scanner.withValue(fields[k], CellContent.problem) { return (k, reason) }
        }
        return nil
    }
}
