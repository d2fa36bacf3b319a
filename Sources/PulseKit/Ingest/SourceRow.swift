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
