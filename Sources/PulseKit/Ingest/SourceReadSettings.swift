import Tabular

/// How to read one source: where its files are, how they are encoded, and how their headers
/// map onto the canonical columns. Built from the pipeline file.
public struct SourceReadSettings: Sendable {
    /// The source.
    public var source: CanonicalSource
    /// The path or glob (last component only) relative to the data folder.
    public var path: String
    /// The declared encoding; nil detects it.
    public var encoding: TextEncoding?
    /// Canonical column → header in the file, for the columns that are renamed.
    public var headers: [String: String]
    /// Extra date patterns tried after the defaults.
    public var dateFormats: [String]
    /// Canonical datetime columns whose values are Unix epoch seconds.
    public var epochSecondsColumns: Set<String>

    /// Settings with the canonical defaults for `source`.
    public init(source: CanonicalSource, path: String? = nil, encoding: TextEncoding? = nil,
                headers: [String: String] = [:], dateFormats: [String] = [], epochSecondsColumns: Set<String> = []) {
        self.source = source
        self.path = path ?? source.defaultPath
        self.encoding = encoding
        self.headers = headers
        self.dateFormats = dateFormats
        self.epochSecondsColumns = epochSecondsColumns
    }

    /// The header expected in the file for a canonical column.
    public func header(for column: String) -> String { headers[column] ?? column }
}
