/// Why a file's bytes are not text in the encoding it was read with.
public struct TextDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 0-based byte offset, in the file, of the first byte that could not be decoded.
    public let byteOffset: Int
    /// What went wrong, in words.
    public let message: String

    /// Creates an error for the byte at `byteOffset`.
    public init(byteOffset: Int, message: String) {
        self.byteOffset = byteOffset
        self.message = message
    }

    /// `message (byte offset N)`.
    public var description: String { "\(message) (byte offset \(byteOffset))" }
}
