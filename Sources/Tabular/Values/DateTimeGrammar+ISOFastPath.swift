extension DateTimeGrammar {
    /// Days from 1970-01-01 to the first of each month of a non-leap year, counted from March
    /// (so February's leap day is the last day of the shifted year).
    private static let daysBeforeShiftedMonth: [Int] = [0, 31, 61, 92, 122, 153, 184, 214, 245, 275, 306, 337]

    /// The instant of a cell in the exact shape exports write most —
    /// `YYYY-MM-DDTHH:MM:SS` (or a space for `T`), then nothing (local time), `Z`, or `±HH:MM` —
    /// read with fixed offsets; nil for any other shape or an out-of-range field, which the
    /// general grammar then reads (and explains).
    ///
    /// - Complexity: O(1); no allocation.
    @inline(__always)
    func parseISOFastPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Instant? {
        let n = bytes.count
        guard n == 19 || n == 20 || n == 25, let p = bytes.baseAddress else { return nil }
        guard p[4] == 0x2D, p[7] == 0x2D, p[10] == 0x54 || p[10] == 0x20, p[13] == 0x3A, p[16] == 0x3A else { return nil }
        // Every digit position at once: each must be 0–9.
        var bad: UInt8 = 0
        @inline(__always) func digit(_ i: Int) -> Int {
            let v = p[i] &- 0x30
            bad |= v > 9 ? 1 : 0
            return Int(v)
        }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6)
        let day = digit(8) * 10 + digit(9)
        let hour = digit(11) * 10 + digit(12)
        let minute = digit(14) * 10 + digit(15)
        let second = digit(17) * 10 + digit(18)
        guard bad == 0, year >= 1900, year <= 2200, month >= 1, month <= 12, day >= 1,
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthLength = month == 2 ? (leap ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31)
        guard day <= monthLength else { return nil }
        // Days since 1970-01-01 (Hinnant's days_from_civil with a table for the month).
        let marchYear = month <= 2 ? year - 1 : year
        let era = marchYear / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = Self.daysBeforeShiftedMonth[month > 2 ? month - 3 : month + 9] + day - 1
        let days = era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
        let local = Int64(days) * Instant.millisecondsPerDay + Int64(hour * 3_600_000 + minute * 60_000 + second * 1_000)
        switch n {
        case 19:
            return zoneOffsets.instant(localMilliseconds: local)
        case 20:
            guard p[19] == 0x5A else { return nil }
            return Instant(millisecondsSinceEpoch: local)
        default:
            guard p[19] == 0x2B || p[19] == 0x2D, p[22] == 0x3A else { return nil }
            let oh = digit(20) * 10 + digit(21)
            let om = digit(23) * 10 + digit(24)
            guard bad == 0, oh * 60 + om <= 18 * 60, om <= 59 else { return nil }
            let offset = Int64(oh * 3_600_000 + om * 60_000)
            return Instant(millisecondsSinceEpoch: p[19] == 0x2B ? local - offset : local + offset)
        }
    }
}
