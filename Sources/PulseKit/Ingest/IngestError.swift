import Tabular

/// A problem with a whole input file, which stops the run: a missing required file, a missing
/// required column, duplicate headers, an undecodable file, a truncated export.
public struct IngestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The source the file belongs to.
    public var source: CanonicalSource
    /// The file (relative to the data folder, or as configured).
    public var file: String
    /// The line the problem is on, when it has one.
    public var line: Int?
    /// The column the problem is in (1-based), when it has one.
    public var column: Int?
    /// What is wrong and what was expected.
    public var message: String
    /// Whether a required source has no file at all: a configuration error rather than a bad file.
    public var isMissingRequiredSource = false

    /// Creates an error about `file`.
    public init(source: CanonicalSource, file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.source = source
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error for `file` of `settings`' source that cannot be read as text; an undecodable
    /// byte is named by its line as well as its byte offset.
    init(_ settings: SourceConfiguration, file: String, reading error: TextFileError) {
        self.init(source: settings.source, file: file, line: error.line(declared: settings.encoding.textEncoding), message: error.message)
    }

    /// The error for a required source whose file is not in the data folder.
    public static func missingRequiredSource(_ source: CanonicalSource, path: String, in folder: String) -> IngestError {
        var error = IngestError(source: source, file: path, message: "required source file not found in \(folder)")
        error.isMissingRequiredSource = true
        return error
    }

    /// `file:line:column: message (source)`.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message) [\(source.name)]"
    }
}
