/// A `--period` or `--as-of` that names no reporting month or instant, with what was expected: the
/// run reports it as a bad option (exit 2).
public struct PeriodError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The option, what was expected and what was given.
    public let message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
