/// The time part of a datetime's text, from the separator after the date to the end: ` 9:30`,
/// `T09:30:00.250`, `T09:30:00+09:00`, ` 09:30:00 +0900`, `T00:30:00Z`.
struct TimeOfDay {
    /// The hour as written (1 or 2 digits); not yet checked.
    var hour: Int
    /// The minute as written (2 digits); not yet checked.
    var minute: Int
    /// The second as written (2 digits, 0 when absent); not yet checked.
    var second = 0
    /// The fraction of a second, in ms, truncated beyond 3 digits.
    var millisecond = 0
    /// The UTC offset in seconds (east positive) when one is written, nil for a local time.
    var offsetSeconds: Int?
    /// Whether the written offset has hours over 18 or minutes over 59.
    var hasInvalidOffset = false

    /// Whether hour, minute and second name a time of day: 0–23, 0–59, 0–59.
    var isTimeOfDay: Bool {
        (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second)
    }

    /// Milliseconds since midnight.
    var millisecondOfDay: Int64 {
        Int64(((hour * 60 + minute) * 60 + second) * 1_000 + millisecond)
    }

    /// Reads the separator (`T`, or one or more spaces), the time, and an optional offset, which
    /// together must end the text; nil otherwise. The offset may follow one space.
    static func scan(_ scanner: inout CellScanner) -> TimeOfDay? {
        let separator = scanner.peek()
        switch separator.scalar {
        case 0x54, 0x74:  // T, t
            scanner.advance(by: separator.length)
        case Scalar.space, Scalar.ideographicSpace:
            while scanner.consume(Scalar.space) || scanner.consume(Scalar.ideographicSpace) {}
        default:
            return nil
        }
        guard let hour = scanner.consumeNumber(digits: 1...2), scanner.consume(Scalar.colon),
              let minute = scanner.consumeNumber(digits: 2...2)
        else { return nil }
        var time = TimeOfDay(hour: hour, minute: minute)
        if scanner.consume(Scalar.colon) {
            guard let second = scanner.consumeNumber(digits: 2...2) else { return nil }
            time.second = second
            if scanner.consume(Scalar.fullStop) || scanner.consume(Scalar.comma) {
                var digits = 0
                while let digit = scanner.consumeDigit() {
                    if digits < 3 { time.millisecond = time.millisecond * 10 + digit }
                    digits += 1
                }
                guard digits > 0 else { return nil }
                for _ in digits..<max(digits, 3) { time.millisecond *= 10 }
            }
        }
        guard !scanner.isAtEnd else { return time }
        _ = scanner.consume(Scalar.space)
        guard time.scanOffset(&scanner), scanner.isAtEnd else { return nil }
        return time
    }

    /// Reads `Z`, or a sign and `hh:mm`, `hhmm` or `hh`, into ``offsetSeconds``.
    private mutating func scanOffset(_ scanner: inout CellScanner) -> Bool {
        if scanner.consume(0x5A) || scanner.consume(0x7A) {  // Z, z
            offsetSeconds = 0
            return true
        }
        guard let isNegative = scanner.consumeSign(), let hours = scanner.consumeNumber(digits: 2...2) else { return false }
        var minutes = 0
        if scanner.consume(Scalar.colon) {
            guard let written = scanner.consumeNumber(digits: 2...2) else { return false }
            minutes = written
        } else if let written = scanner.consumeNumber(digits: 2...2) {
            minutes = written
        }
        hasInvalidOffset = hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)
        let seconds = (hours * 60 + minutes) * 60
        offsetSeconds = isNegative ? -seconds : seconds
        return true
    }
}
