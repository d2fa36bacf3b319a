import Foundation

/// A calendar month, e.g. 2025-05.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1–12.
    public var month: Int

    /// Creates a month; nil unless `month` is 1–12.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1900...2200).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Months since year 0, for ordering and arithmetic.
    public var ordinal: Int { year * 12 + (month - 1) }

    /// The month `n` months later (earlier for negative `n`).
    public func adding(months n: Int) -> YearMonth {
        let o = ordinal + n
        return YearMonth(unchecked: o / 12, o % 12 + 1)
    }

    private init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` (also `YYYY/MM` and `YYYY-M`).
    public init?(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    /// `YYYY-MM`.
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(m)"
    }

    /// Months order by time.
    public static func < (a: YearMonth, b: YearMonth) -> Bool { a.ordinal < b.ordinal }
}
