import Foundation

/// Where and how to read one canonical source: its path in the data folder (possibly a glob), its
/// encoding, the headers that hold its canonical columns, extra date formats, its load mode and the
/// datetime columns that hold Unix epoch seconds (`sources.<name>` in a pipeline file).
package struct SourceConfiguration: Sendable, Equatable {
    /// The canonical source this configures.
    package var source: CanonicalSource
    /// The path relative to the data folder; may be a glob such as `helpdesk/tickets-*.jsonl`.
    /// Never absolute and never leaving the data folder.
    package var path: String
    /// The file's text encoding.
    package var encoding: SourceEncoding
    /// Canonical column name → the header (JSON field for tickets) that holds it in the file; columns
    /// not listed are read under their canonical name.
    package var columns: [String: String]
    /// Extra date or datetime formats (e.g. `yyyy/MM/dd`) tried after the built-in ones, in order.
    package var dateFormats: [String]
    /// Whether a file is the whole current state (snapshot) or adds rows to the warehouse (append).
    package var load: LoadMode
    /// The canonical datetime columns whose values are Unix epoch seconds, in file order.
    package var epochSecondsColumns: [String]

    /// Creates a source configuration.
    package init(source: CanonicalSource, path: String, encoding: SourceEncoding = .auto,
                columns: [String: String] = [:], dateFormats: [String] = [], load: LoadMode? = nil,
                epochSecondsColumns: [String] = []) {
        self.source = source
        self.path = path
        self.encoding = encoding
        self.columns = columns
        self.dateFormats = dateFormats
        self.load = load ?? source.defaultLoadMode
        self.epochSecondsColumns = epochSecondsColumns
    }

    /// The configuration of a source the pipeline file does not mention.
    package static func `default`(for source: CanonicalSource) -> SourceConfiguration {
        SourceConfiguration(source: source, path: source.defaultPath)
    }

    /// The header in the file that holds a canonical column.
    package func header(for column: String) -> String {
        columns[column] ?? column
    }

    /// Whether `path` is a glob pattern (holds `*`, `?` or `[`) rather than one file.
    package var isGlob: Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The canonical datetime columns of each source: those that may be given as epoch seconds.
    static func datetimeColumns(of source: CanonicalSource) -> [String] {
        switch source {
        case .tickets: ["created_at", "updated_at", "first_response_at", "solved_at"]
        case .csat, .nps, .ces: ["responded_at"]
        case .usageEvents, .articleEvents: ["timestamp"]
        case .milestones: ["achieved_at"]
        case .accounts, .subscriptions, .fxRates, .healthOverrides: []
        }
    }
}

extension SourceConfiguration {
    /// The keys a source entry may have.
    static let keys = ["path", "encoding", "columns", "date_format", "load", "epoch_seconds"]

    /// Reads `sources.<name>` over the source's defaults.
    init(reading value: PipelineValue, source: CanonicalSource) throws(PipelineFileError) {
        let mapping = try value.mapping(keys: Self.keys)
        var configuration = SourceConfiguration.default(for: source)
        if let path = mapping["path"] {
            configuration.path = try Self.readPath(path)
        }
        if let encoding = mapping["encoding"] {
            configuration.encoding = try encoding.choice(
                SourceEncoding.allCases.map { ($0.rawValue, $0) }, aliases: [("cp932", .shiftJIS)])
        }
        if let columns = mapping["columns"] {
            var headers: [String: String] = [:]
            var columnOfHeader: [String: String] = [:]
            for entry in try columns.mapping().entries {
                guard source.columns.contains(entry.key) else {
                    throw entry.keyValue.error(
                        "'\(entry.key)' is not a column of source '\(source.name)'; expected one of: "
                            + source.columns.joined(separator: ", "))
                }
                let header = try entry.value.string("a column header")
                if let other = columnOfHeader[header] {
                    throw entry.value.error("header \"\(header)\" is already mapped to '\(other)'")
                }
                columnOfHeader[header] = entry.key
                headers[entry.key] = header
            }
            configuration.columns = headers
        }
        if let formats = mapping["date_format"] {
            if case .sequence = formats.node {
                configuration.dateFormats = try formats.list().map { item throws(PipelineFileError) in
                    try item.string("a date format")
                }
            } else {
                configuration.dateFormats = [try formats.string("a date format or a list of them")]
            }
        }
        if let load = mapping["load"] {
            configuration.load = try load.choice([("snapshot", LoadMode.snapshot), ("append", LoadMode.append)])
            if configuration.load == .append && !source.acceptsAppend {
                throw load.error("source '\(source.name)' is a complete snapshot in every export and cannot be loaded with "
                    + "append; append is for delta exports of: "
                    + CanonicalSource.allCases.filter(\.acceptsAppend).map(\.name).joined(separator: ", "))
            }
        }
        if let epoch = mapping["epoch_seconds"] {
            let allowed = Self.datetimeColumns(of: source)
            var columns: [String] = []
            for item in try epoch.list() {
                let column = try item.string("a column name")
                guard allowed.contains(column) else {
                    throw item.error(allowed.isEmpty
                        ? "source '\(source.name)' has no datetime column that could hold epoch seconds"
                        : "'\(column)' is not a datetime column of source '\(source.name)'; expected one of: "
                            + allowed.joined(separator: ", "))
                }
                if !columns.contains(column) { columns.append(column) }
            }
            configuration.epochSecondsColumns = columns
        }
        self = configuration
    }

    /// A source path: relative, inside the data folder, not empty.
    private static func readPath(_ value: PipelineValue) throws(PipelineFileError) -> String {
        let path = try value.string("a path inside the data folder")
        if path.hasPrefix("/") || path.hasPrefix("~") || path.wholeMatch(of: /[A-Za-z]:[\\\/].*/) != nil {
            throw value.error("the path of a source must be relative to the data folder, got \"\(path)\"")
        }
        var depth = 0
        for component in path.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            if component == ".." {
                depth -= 1
                if depth < 0 { throw value.error("the path \"\(path)\" leaves the data folder") }
            } else if component != "." {
                depth += 1
            }
        }
        guard depth > 0 else { throw value.error("expected a file path for 'path', got \"\(path)\"") }
        return path
    }
}
