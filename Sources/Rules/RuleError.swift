/// A problem in the text of a rule expression, with the place where it is.
///
/// The position is relative to the expression text: lines are counted by LF (a CR before an LF is
/// not a column) and columns in Unicode scalars, both from 1. A problem at the end of the text
/// (`arr >=`) is placed just past the last token, so trailing whitespace or a final newline does
/// not move it.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line within the expression text.
    public let line: Int
    /// The 1-based column within that line, counted in Unicode scalars.
    public let column: Int
    /// What is wrong, e.g. `expected a value after '>='`.
    public let message: String

    /// Creates an error at a position in the expression text.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as `line:column: message`, e.g. `1:7: expected a value after '>='`.
    public var description: String { "\(line):\(column): \(message)" }
}

extension RuleError {
    /// An error at a position in the text.
    init(at position: RuleSourcePosition, _ message: String) {
        self.init(line: position.line, column: position.column, message: message)
    }
}
