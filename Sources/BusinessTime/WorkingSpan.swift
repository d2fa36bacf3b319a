/// Working hours of one weekday: minutes after local midnight, start < end, 0...1440.
///
/// ```swift
/// WorkingSpan(startMinute: 9 * 60, endMinute: 18 * 60)   // 09:00–18:00, 540 minutes
/// WorkingSpan(startMinute: 0, endMinute: 1_440)          // the whole day
/// WorkingSpan(startMinute: 600, endMinute: 600)          // nil: empty
/// ```
public struct WorkingSpan: Sendable, Equatable, Hashable {
    /// The first working minute after local midnight, 0...1439.
    public let startMinute: Int
    /// The minute after local midnight at which work stops (exclusive), 1...1440.
    public let endMinute: Int

    /// The span `startMinute..<endMinute`, or nil unless `0 <= startMinute < endMinute <= 1440`.
    public init?(startMinute: Int, endMinute: Int) {
        guard startMinute >= 0, startMinute < endMinute, endMinute <= 1_440 else { return nil }
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// The span's length on the wall clock, in minutes (a DST day may measure it shorter or longer).
    var lengthInMinutes: Int { endMinute - startMinute }
}
