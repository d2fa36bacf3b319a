import Foundation

/// Converts between local wall-clock time and instants in one time zone, fast enough for every row
/// (used by ``DateTimeGrammar``; public so later targets can reuse it).
///
/// `init` asks Foundation once for the zone's UTC-offset transitions from 1900 to 2200 and keeps
/// them in sorted arrays; each conversion is then a binary search, with no Foundation call. A zone
/// with no transitions in that span (UTC, fixed offsets) is a constant, and instants after a zone's
/// last transition (Asia/Tokyo after 1951) take a single comparison. Before 1900 the offset of
/// 1900-01-01 applies, after 2200 the last one.
///
/// ```swift
/// let newYork = ZoneOffsets(timeZone: TimeZone(identifier: "America/New_York")!)
/// newYork.instant(localMilliseconds: ...)   // 2025-03-09 02:30 (in the DST gap) → 07:30Z
/// ```
public struct ZoneOffsets: Sendable {
    /// The first instant whose transitions are looked up: 1900-01-01T00:00:00Z.
    static let firstCoveredSecond: Int64 = -2_208_988_800
    /// The instant after which transitions are no longer looked up: 2201-01-01T00:00:00Z.
    static let endCoveredSecond: Int64 = 7_289_654_400

    /// The instants (ms since the epoch, ascending) at which the UTC offset changes.
    private let transitions: [Int64]
    /// The UTC offsets in ms: `offsets[0]` before the first transition, `offsets[i]` from
    /// `transitions[i - 1]` on. One more element than `transitions`.
    private let offsets: [Int64]
    /// For each transition, the local wall-clock time (ms) at which the offset before it stops:
    /// `transitions[i] + offsets[i]`. Ascending, so a local time can be binary-searched.
    private let localEnds: [Int64]

    /// Precomputes the offsets of `timeZone` from 1900 to 2200.
    /// - Complexity: one Foundation call per transition (about 560 for America/New_York).
    public init(timeZone: TimeZone) {
        var transitions: [Int64] = []
        var offsets = [Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(Self.firstCoveredSecond)))) * 1_000]
        var cursor = Date(timeIntervalSince1970: Double(Self.firstCoveredSecond))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor),
              next > cursor, next.timeIntervalSince1970 < Double(Self.endCoveredSecond) {
            cursor = next
            let offset = Int64(timeZone.secondsFromGMT(for: next)) * 1_000
            // Some transitions change only the DST flag or the zone's name, not the offset.
            guard offset != offsets[offsets.count - 1] else { continue }
            transitions.append(Int64((next.timeIntervalSince1970 * 1_000).rounded()))
            offsets.append(offset)
        }
        self.transitions = transitions
        self.offsets = offsets
        self.localEnds = transitions.indices.map { transitions[$0] + offsets[$0] }
    }

    /// The zone's UTC offset at `instant`, in seconds (east of Greenwich positive: `32400` for Tokyo).
    /// - Complexity: O(log t) in the number of transitions; O(1) after the last one.
    public func offsetSeconds(at instant: Instant) -> Int {
        Int(offsetMilliseconds(at: instant) / 1_000)
    }

    /// The local wall-clock time at `instant`, as milliseconds since 1970-01-01T00:00 local time.
    public func localMilliseconds(at instant: Instant) -> Int64 {
        instant.millisecondsSinceEpoch.addingSaturating(offsetMilliseconds(at: instant))
    }

    /// The local calendar date at `instant`.
    public func localDate(at instant: Instant) -> LocalDate {
        let days = localMilliseconds(at: instant).flooredDivision(by: Instant.millisecondsPerDay).quotient
        return LocalDate(daysSinceEpoch: Int32(clamping: days))
    }

    /// The instant at which local wall-clock time reads `localMilliseconds` (ms since
    /// 1970-01-01T00:00 local time). A time in a gap (spring forward) is moved forward by the gap,
    /// so 02:30 on a New York spring-forward day is 03:30 daylight time; a time that occurs twice
    /// (fall back) gives the earlier instant.
    /// - Complexity: O(log t) in the number of transitions.
    public func instant(localMilliseconds local: Int64) -> Instant {
        // The earliest period whose local end is after `local`; the period after the last transition never ends.
        let period = Self.countNotAfter(local, in: localEnds)
        guard period > 0 else { return Instant(millisecondsSinceEpoch: local.addingSaturating(-offsets[0])) }
        let localStart = transitions[period - 1] + offsets[period]
        // Before the period's local start, `local` is in the gap that precedes it: read it with the
        // offset before the gap, which moves it forward by the gap.
        let offset = local >= localStart ? offsets[period] : offsets[period - 1]
        return Instant(millisecondsSinceEpoch: local.addingSaturating(-offset))
    }

    /// The UTC offset at `instant`, in ms.
    private func offsetMilliseconds(at instant: Instant) -> Int64 {
        let time = instant.millisecondsSinceEpoch
        guard let last = transitions.last, time < last else { return offsets[offsets.count - 1] }
        return offsets[Self.countNotAfter(time, in: transitions)]
    }

    /// How many elements of the ascending `values` are ≤ `value`.
    private static func countNotAfter(_ value: Int64, in values: [Int64]) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }
}
