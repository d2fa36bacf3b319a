import Foundation

/// A problem in a pipeline file, with the place it was found: the file as the caller named it, the
/// 1-based line and column that a text editor shows, and what was expected.
///
/// Its description reads `pipelines/monthly-kpi.yml:42:17: expected a number for 'weight', got "heavy"`.
/// A file that cannot be read at all has line 0 and column 0, and its description leaves them out.
public struct PipelineFileError: Error, CustomStringConvertible, Equatable, Sendable, LocalizedError {
    /// The pipeline file, as the caller named it (e.g. `pipelines/monthly-kpi.yml`).
    public let file: String
    /// The 1-based line of the problem; 0 when the problem concerns the whole file.
    public let line: Int
    /// The 1-based column of the problem (counted in Unicode scalars); 0 when the problem concerns the whole file.
    public let column: Int
    /// What is wrong and what was expected, without the position.
    public let message: String

    /// Creates an error at a position of a pipeline file.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, or `file: message` for a problem with the whole file.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }

    /// The same text as `description`, for `localizedDescription`.
    public var errorDescription: String? { description }
}
