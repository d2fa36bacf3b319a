/// An error from building or writing a workbook; the message says what failed and where.
public struct WorkbookError: Error, CustomStringConvertible, Equatable {
    /// A human-readable account of the failure, including the file, sheet or cell involved.
    public let message: String

    /// Creates an error with the given message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message, for printing.
    public var description: String { message }
}
