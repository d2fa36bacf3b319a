/// A point in time, to the millisecond, counted from 1970-01-01T00:00:00Z.
///
/// ```swift
/// Instant(secondsSinceEpoch: 1_747_182_600).description   // "2025-05-14T00:30:00Z"
/// ```
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z; earlier instants are negative.
    public let millisecondsSinceEpoch: Int64

    /// The instant `millisecondsSinceEpoch` ms after 1970-01-01T00:00:00Z.
    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// The instant `secondsSinceEpoch` s after 1970-01-01T00:00:00Z, clamped to the representable range.
    public init(secondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = secondsSinceEpoch.multipliedSaturating(by: 1_000)
    }

    /// The instant in ISO 8601 UTC: `2025-05-14T00:30:00Z`, or `2025-05-14T00:30:00.250Z` when the
    /// milliseconds are not 0.
    public var description: String {
        let (days, millisecondOfDay) = millisecondsSinceEpoch.flooredDivision(by: Self.millisecondsPerDay)
        let date = LocalDate(daysSinceEpoch: Int32(clamping: days))
        let millisecond = Int(millisecondOfDay % 1_000)
        let secondOfDay = Int(millisecondOfDay / 1_000)
        var text = date.description
        text.append("T")
        text.appendZeroPadded(secondOfDay / 3_600, width: 2)
        text.append(":")
        text.appendZeroPadded(secondOfDay / 60 % 60, width: 2)
        text.append(":")
        text.appendZeroPadded(secondOfDay % 60, width: 2)
        if millisecond != 0 {
            text.append(".")
            text.appendZeroPadded(millisecond, width: 3)
        }
        text.append("Z")
        return text
    }

    /// Whether `lhs` comes before `rhs`.
    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// Milliseconds in a day of 24 hours.
    static let millisecondsPerDay: Int64 = 86_400_000
}
