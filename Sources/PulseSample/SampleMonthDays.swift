/// The days of one month, prepared once for the per-row work of the large files: each day's
/// kind, weekday, and its `YYYY-MM-DDT` prefix as bytes.
struct SampleMonthDays {
    let month: Int
    let firstDay: Int
    let count: Int
    /// Kind of each day of the month (index 0 is the 1st).
    let kinds: [SampleDayKind]
    /// `YYYY-MM-DDT` of each day, 11 bytes per day.
    let prefixes: [UInt8]

    init(month: Int) {
        self.month = month
        firstDay = SampleCalendar.firstDay(ofMonth: month)
        count = SampleCalendar.daysIn(month: month)
        var kinds: [SampleDayKind] = []
        var prefixes: [UInt8] = []
        for offset in 0..<count {
            kinds.append(SampleCalendar.kind(of: firstDay + offset))
            SampleFormat.appendDate(firstDay + offset, to: &prefixes)
            prefixes.append(0x54)
        }
        self.kinds = kinds
        self.prefixes = prefixes
    }

    /// Bit `d` set for each day `d` (0-based) of the month inside one of `ranges`.
    func mask(of ranges: [Range<Int>]) -> UInt32 {
        var mask: UInt32 = 0
        for range in ranges {
            let start = max(range.lowerBound, firstDay) - firstDay
            let end = min(range.upperBound, firstDay + count) - firstDay
            guard start < end else { continue }
            for day in start..<end { mask |= 1 << UInt32(day) }
        }
        return mask
    }

    /// Writes `YYYY-MM-DDTHH:MM:SS+09:00` for a second of the month into `bytes` (25 bytes,
    /// overwritten in place).
    func writeTimestamp(secondOfMonth: Int, into bytes: inout [UInt8]) {
        let day = secondOfMonth / 86_400
        let second = secondOfMonth - day * 86_400
        let hour = second / 3600
        let minute = second / 60 % 60
        let sec = second % 60
        prefixes.withUnsafeBufferPointer { prefix in
            bytes.withUnsafeMutableBufferPointer { out in
                for i in 0..<11 { out[i] = prefix[day * 11 + i] }
                out[11] = 0x30 + UInt8(hour / 10)
                out[12] = 0x30 + UInt8(hour % 10)
                out[13] = 0x3A
                out[14] = 0x30 + UInt8(minute / 10)
                out[15] = 0x30 + UInt8(minute % 10)
                out[16] = 0x3A
                out[17] = 0x30 + UInt8(sec / 10)
                out[18] = 0x30 + UInt8(sec % 10)
                out[19] = 0x2B
                out[20] = 0x30
                out[21] = 0x39
                out[22] = 0x3A
                out[23] = 0x30
                out[24] = 0x30
            }
        }
    }

    /// A random second of day for someone at work: mostly office hours on working days,
    /// spread from morning to late evening on weekends and holidays.
    static func workSecond(kind: SampleDayKind, _ rng: inout SampleRandom) -> Int {
        let hour: Int
        if kind == .workday {
            hour = rng.weighted(workdayHourWeights)
        } else {
            hour = rng.int(8, 22)
        }
        return hour * 3600 + rng.below(3600)
    }

    private static let workdayHourWeights = [
        1, 1, 0, 0, 0, 1, 2, 5, 14, 40, 62, 60, 30, 50, 58, 60, 54, 42, 24, 12, 8, 6, 4, 2,
    ]
}
