/// Why a cell's text is not a value of the expected type; the reason is shown to users in quarantine files.
///
/// Reasons quote the offending text (at most 60 characters), for example
/// `expected an integer, got "12a"` or `"2025-02-30" is not a calendar date`.
public struct ValueError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong with the text, in words a user can act on.
    public let reason: String

    /// Creates an error with the given reason.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }

    /// The error for text that is empty once trimmed; callers check emptiness first for optional values.
    static let empty = ValueError("empty value")

    /// The most characters of offending text that a reason quotes.
    static let quotedLength = 60

    /// `text` in double quotes, cut to ``quotedLength`` characters with an ellipsis.
    static func quote(_ text: some StringProtocol) -> String {
        let shown = text.count > quotedLength ? String(text.prefix(quotedLength)) + "…" : String(text)
        return "\"" + shown + "\""
    }

    /// UTF-8 `bytes` in double quotes, cut to ``quotedLength`` characters; invalid bytes show as U+FFFD.
    static func quote(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        quote(String(decoding: bytes, as: UTF8.self))
    }
}
