/// Why bytes are not JSON, with the 1-based line and column and the 0-based byte offset of the
/// offending byte (or of the end of the input when it ended too early).
///
/// `column` counts characters of the line, so a multi-byte UTF-8 character counts once; a line
/// ends at a line feed (a CR before it belongs to the line). When the error comes from
/// ``JSONRecordReader``, `line` and `byteOffset` are positions in the whole file.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, in words, e.g. `duplicate key "id"`.
    public let message: String
    /// The 1-based line of the offending byte.
    public let line: Int
    /// The 1-based column of the offending byte, in characters of its line.
    public let column: Int
    /// The 0-based byte offset of the offending byte from the start of the input.
    public let byteOffset: Int

    /// Creates an error at the given position.
    public init(message: String, line: Int, column: Int, byteOffset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    /// The message with its position, e.g. `expected ',' or '}' at line 3, column 14 (byte 52)`.
    public var description: String {
        "\(message) at line \(line), column \(column) (byte \(byteOffset))"
    }
}
