extension DateTimeGrammar {
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
        @inline(__always) func digit(_ i: Int) -> Int? {
            let d = Int(p[i]) &- 48
            return d >= 0 && d <= 9 ? d : nil
        }
        @inline(__always) func two(_ i: Int) -> Int? {
            guard let a = digit(i), let b = digit(i + 1) else { return nil }
            return a * 10 + b
        }
        guard p[4] == 0x2D, p[7] == 0x2D, p[10] == 0x54 || p[10] == 0x20, p[13] == 0x3A, p[16] == 0x3A,
              let y1 = two(0), let y2 = two(2), let month = two(5), let day = two(8),
              let hour = two(11), let minute = two(14), let second = two(17) else { return nil }
        let year = y1 * 100 + y2
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1,
              day <= LocalDate.daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        let days = Int64(LocalDate.daysSinceEpoch(year: year, month: month, day: day))
        let local = days * Instant.millisecondsPerDay + Int64(hour * 3_600_000 + minute * 60_000 + second * 1_000)
        switch n {
        case 19:
            return zoneOffsets.instant(localMilliseconds: local)
        case 20:
            guard p[19] == 0x5A else { return nil }
            return Instant(millisecondsSinceEpoch: local)
        default:
            guard p[19] == 0x2B || p[19] == 0x2D, p[22] == 0x3A, let oh = two(20), let om = two(23),
                  oh <= 18, om <= 59, oh * 60 + om <= 18 * 60 else { return nil }
            let offset = Int64(oh * 3_600_000 + om * 60_000)
            return Instant(millisecondsSinceEpoch: p[19] == 0x2B ? local - offset : local + offset)
        }
    }
}
