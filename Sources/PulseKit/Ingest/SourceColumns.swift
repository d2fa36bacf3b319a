/// Where each canonical column of a source sits in a file's header.
struct SourceColumns: Sendable {
    private let names: [String]
    private let headers: [String]
    private let indices: [Int?]

    /// Maps the header row onto the canonical columns of `settings.source`.
    ///
    /// - Throws: a message for a header that holds a lone carriage return, duplicate headers or
    ///   a missing required column.
    init(header: [String], settings: SourceConfiguration) throws(ColumnMappingError) {
        // A lone CR does not end a record (RFC 4180 lines end LF or CRLF): a file whose lines end
        // with CR only (classic Mac OS) reads as one long header row.
        if let k = header.firstIndex(where: { $0.utf8.contains(0x0D) }) {
            throw ColumnMappingError(column: k + 1, message: "header cell \(k + 1) holds a carriage return that does not end the line: "
                                         + "the file's lines end with CR only (classic Mac OS); save it with LF or CRLF line ends")
        }
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
