/// A warehouse that cannot be opened, read or written.
public struct WarehouseError: Error, CustomStringConvertible, Sendable {
    /// The database file.
    public var path: String
    /// What SQLite or the file system said.
    public var message: String

    /// Wraps an error from SQLite or the file system.
    public init(path: String, underlying: any Error) {
        self.path = path
        self.message = "\(underlying)"
    }

    /// Creates an error with a message.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `warehouse PATH: message`.
    public var description: String { "warehouse \(path): \(message)" }
}
