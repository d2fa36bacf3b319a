import Foundation
import Testing
@testable import Tabular

@Suite struct ZoneOffsetsTests {
    /// The instant of a UTC date and time.
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Instant {
        let days = Int64(LocalDate.daysSinceEpoch(year: year, month: month, day: day))
        return Instant(millisecondsSinceEpoch: days * 86_400_000 + Int64(hour * 3_600_000 + minute * 60_000))
    }

    @Test func tokyoIsNineHoursAheadOutsideItsPostwarSummerTime() {
        let tokyo = ZoneOffsets(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        #expect(tokyo.offsetSeconds(at: Self.utc(2025, 5, 14)) == 32_400)
        #expect(tokyo.offsetSeconds(at: Self.utc(1900, 1, 1)) == 32_400)
        #expect(tokyo.offsetSeconds(at: Self.utc(2199, 12, 31)) == 32_400)
        // Japan kept daylight saving time in 1948–1951; the zone database has it.
        #expect(tokyo.offsetSeconds(at: Self.utc(1949, 7, 1)) == 36_000)
    }

    @Test func utcAndFixedOffsetsAreConstant() {
        let utc = ZoneOffsets(timeZone: TimeZone(identifier: "UTC")!)
        let india = ZoneOffsets(timeZone: TimeZone(secondsFromGMT: 19_800)!)
        for instant in [Self.utc(1900, 1, 1), Self.utc(2025, 3, 9, 7), Self.utc(2200, 6, 1)] {
            #expect(utc.offsetSeconds(at: instant) == 0)
            #expect(india.offsetSeconds(at: instant) == 19_800)
            #expect(utc.instant(localMilliseconds: instant.millisecondsSinceEpoch) == instant)
        }
    }

    @Test func newYorkChangesOffsetAtTheExactTransitions() {
        let newYork = ZoneOffsets(timeZone: TimeZone(identifier: "America/New_York")!)
        let springForward = Self.utc(2025, 3, 9, 7)
        let fallBack = Self.utc(2025, 11, 2, 6)
        #expect(newYork.offsetSeconds(at: Instant(millisecondsSinceEpoch: springForward.millisecondsSinceEpoch - 1)) == -18_000)
        #expect(newYork.offsetSeconds(at: springForward) == -14_400)
        #expect(newYork.offsetSeconds(at: Instant(millisecondsSinceEpoch: fallBack.millisecondsSinceEpoch - 1)) == -14_400)
        #expect(newYork.offsetSeconds(at: fallBack) == -18_000)
    }

    @Test func matchesFoundationEveryHourOf2025InNewYork() {
        let zone = TimeZone(identifier: "America/New_York")!
        let newYork = ZoneOffsets(timeZone: zone)
        var instant = Self.utc(2025, 1, 1)
        while instant < Self.utc(2026, 1, 1) {
            let date = Date(timeIntervalSince1970: Double(instant.millisecondsSinceEpoch) / 1_000)
            #expect(newYork.offsetSeconds(at: instant) == zone.secondsFromGMT(for: date))
            let local = newYork.localMilliseconds(at: instant)
            #expect(local == instant.millisecondsSinceEpoch + Int64(zone.secondsFromGMT(for: date)) * 1_000)
            instant = Instant(millisecondsSinceEpoch: instant.millisecondsSinceEpoch + 3_600_000)
        }
    }

    @Test func resolvesGapsForwardAndOverlapsToTheEarlierInstant() {
        let newYork = ZoneOffsets(timeZone: TimeZone(identifier: "America/New_York")!)
        let local = { (day: Int, month: Int, hour: Int, minute: Int) in Self.utc(2025, month, day, hour, minute).millisecondsSinceEpoch }
        #expect(newYork.instant(localMilliseconds: local(9, 3, 2, 30)) == Self.utc(2025, 3, 9, 7, 30))
        #expect(newYork.instant(localMilliseconds: local(2, 11, 1, 30)) == Self.utc(2025, 11, 2, 5, 30))
        #expect(newYork.instant(localMilliseconds: local(2, 11, 2, 0)) == Self.utc(2025, 11, 2, 7))
    }

    @Test func keepsTheLastOffsetAfter2200AndTheFirstBefore1900() {
        let newYork = ZoneOffsets(timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(newYork.offsetSeconds(at: Self.utc(2300, 7, 1)) == -18_000)
        #expect(newYork.offsetSeconds(at: Self.utc(1850, 7, 1)) == -18_000)
        #expect(newYork.offsetSeconds(at: Instant(millisecondsSinceEpoch: .max)) == -18_000)
        #expect(newYork.localMilliseconds(at: Instant(millisecondsSinceEpoch: .min)) == .min)
    }
}
