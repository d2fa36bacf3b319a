import Tabular

/// One data row of a source being read: typed access to its canonical columns that records
/// why the row must be quarantined, or what was dropped with a warning.
///
/// Readers call ``required(_:_:)`` for required values and ``optional(_:_:)`` for optional ones;
/// the first failure of a required value rejects the row.
struct SourceRow {
    let source: CanonicalSource
    let scanner: CSVScanner
    let fields: CSVFieldBuffer
    let columns: SourceColumns
    /// The physical line the record starts on.
    let line: Int
    /// Why the row is quarantined, once a required value fails.
    private(set) var rejection: (column: String, reason: String)?
    /// What was dropped or defaulted while the row still loads.
    private(set) var warnings: [(column: String, reason: String)] = []

    init(source: CanonicalSource, scanner: CSVScanner, fields: CSVFieldBuffer, columns: SourceColumns, line: Int) {
        self.source = source
        self.scanner = scanner
        self.fields = fields
        self.columns = columns
        self.line = line
    }

    /// Whether a required value has failed.
    var isRejected: Bool { rejection != nil }

    /// Marks the row as quarantined for `reason` (the first reason is kept).
    mutating func reject(_ column: String, _ reason: String) {
        if rejection == nil { rejection = (columns.header(of: column), reason) }
    }

    /// Records that the row loads with a dropped or defaulted value.
    mutating func warn(_ column: String, _ reason: String) {
        warnings.append((columns.header(of: column), reason))
    }

    /// Calls `body` with the trimmed bytes of a column; nil when the column is absent or empty.
    func withTrimmedValue<R>(_ column: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let index = columns.fieldIndex(of: column), index < fields.count else { return nil }
        return scanner.withValue(fields[index]) { bytes -> R? in
            let trimmed = TextTrimming.trimmed(bytes)
            return trimmed.isEmpty ? nil : body(trimmed)
        }
    }

    /// The column's text, trimmed; nil when absent or empty.
    func text(_ column: String) -> String? {
        withTrimmedValue(column) { String(decoding: $0, as: UTF8.self) }
    }

    /// A required text value; a missing one rejects the row.
    mutating func requiredText(_ column: String) -> String {
        if let value = text(column) { return value }
        reject(column, "missing required value for \(column)")
        return ""
    }

    /// A required value parsed by `parse`; a missing or unparsable one rejects the row.
    mutating func required<T>(_ column: String, _ parse: (UnsafeBufferPointer<UInt8>) throws(ValueError) -> T) -> T? {
        let outcome = withTrimmedValue(column) { bytes -> Result<T, ValueError> in
            do throws(ValueError) { return .success(try parse(bytes)) } catch { return .failure(error) }
        }
        switch outcome {
        case nil:
            reject(column, "missing required value for \(column)")
            return nil
        case .failure(let error)?:
            reject(column, error.reason)
            return nil
        case .success(let value)?:
            return value
        }
    }

    /// An optional value parsed by `parse`; an unparsable one is dropped with a warning.
    mutating func optional<T>(_ column: String, _ parse: (UnsafeBufferPointer<UInt8>) throws(ValueError) -> T) -> T? {
        let outcome = withTrimmedValue(column) { bytes -> Result<T, ValueError> in
            do throws(ValueError) { return .success(try parse(bytes)) } catch { return .failure(error) }
        }
        switch outcome {
        case nil: return nil
        case .failure(let error)?:
            warn(column, "dropped: \(error.reason)")
            return nil
        case .success(let value)?: return value
        }
    }
}

/// Where each canonical column of a source sits in a file's header.
struct SourceColumns: Sendable {
    private let names: [String]
    private let headers: [String]
    private let indices: [Int?]

    /// Maps the header row onto the canonical columns of `settings.source`.
    ///
    /// - Throws: a message for duplicate headers or a missing required column.
    init(header: [String], settings: SourceConfiguration) throws(ColumnMappingError) {
        var seen: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            if let first = seen[name] {
                throw ColumnMappingError(column: i + 1, message: "duplicate header \"\(name)\" in columns \(first + 1) and \(i + 1)")
            }
            seen[name] = i
        }
        let source = settings.source
        names = source.columns
        headers = names.map { settings.header(for: $0) }
        indices = headers.map { seen[$0] }
        for required in source.requiredColumns {
            let k = names.firstIndex(of: required)!
            if indices[k] == nil {
                let renamed = headers[k] == required ? "" : " (mapped to header \"\(headers[k])\")"
                throw ColumnMappingError(column: nil, message: "missing required column \"\(required)\"\(renamed); the header has: \(header.joined(separator: ", "))")
            }
        }
    }

    /// The field index of a canonical column, nil when the file lacks it.
    func fieldIndex(of column: String) -> Int? {
        guard let k = names.firstIndex(of: column) else { return nil }
        return indices[k]
    }

    /// The header text of a canonical column, as the file writes it.
    func header(of column: String) -> String {
        guard let k = names.firstIndex(of: column) else { return column }
        return headers[k]
    }

    /// Whether the file has the column.
    func has(_ column: String) -> Bool { fieldIndex(of: column) != nil }
}

/// A header that cannot be mapped onto a source's canonical columns.
struct ColumnMappingError: Error {
    var column: Int?
    var message: String
}
