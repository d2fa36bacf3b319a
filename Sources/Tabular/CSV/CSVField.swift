/// Where one field of a CSV record lies in the scanned bytes.
///
/// For a quoted field the range excludes the surrounding quotes; doubled quotes inside it are
/// still doubled (``CSVScanner/withValue(_:_:)`` undoes them).
public struct CSVField: Sendable, Equatable {
    /// Offset of the field's first byte.
    public var start: Int
    /// Offset just past the field's last byte.
    public var end: Int
    /// Whether the field was enclosed in quotes.
    public var isQuoted: Bool
    /// Whether the field holds doubled quotes (`""`) that stand for one quote.
    public var hasDoubledQuotes: Bool

    /// Creates a field spanning `start..<end`.
    public init(start: Int, end: Int, isQuoted: Bool = false, hasDoubledQuotes: Bool = false) {
        self.start = start
        self.end = end
        self.isQuoted = isQuoted
        self.hasDoubledQuotes = hasDoubledQuotes
    }

    /// Whether the field holds no bytes.
    public var isEmpty: Bool { end == start }
}
