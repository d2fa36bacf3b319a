/// A property that a parser broke on one input: which parser, which property, and what was seen.
///
/// The checks in this module throw it; a fuzz target prints it and stops, so that libFuzzer keeps
/// the input, and the replay test reports it as a failure.
public struct InvariantViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parser whose property failed, e.g. `CSV`.
    public let parser: String
    /// The property in a few words, e.g. `re-written records parse back unchanged`.
    public let invariant: String
    /// What was found instead, with enough of the values to debug from.
    public let details: String

    /// Creates a violation of `invariant` by `parser`.
    public init(parser: String, invariant: String, details: String) {
        self.parser = parser
        self.invariant = invariant
        self.details = details
    }

    /// `parser: invariant: details`.
    public var description: String { "\(parser): \(invariant): \(details)" }
}

/// Throws a violation unless `condition` holds; `details` is built only on failure.
@inline(__always)
func require(
    _ condition: Bool, _ parser: String, _ invariant: String, _ details: @autoclosure () -> String
) throws(InvariantViolation) {
    if !condition { throw InvariantViolation(parser: parser, invariant: invariant, details: details()) }
}

/// A short, printable rendering of bytes for violation details (Swift string escapes, cut at 300).
func show(_ bytes: some Collection<UInt8>) -> String {
    let text = String(decoding: Array(bytes.prefix(300)), as: UTF8.self).debugDescription
    return bytes.count > 300 ? text + "… (\(bytes.count) bytes)" : text
}

/// A short rendering of a string for violation details.
func show(_ text: String) -> String { show(Array(text.utf8)) }
