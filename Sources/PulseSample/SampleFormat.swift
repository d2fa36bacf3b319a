/// Formats numbers, dates and instants as ASCII bytes, digit by digit, so that what is written
/// never depends on a platform's number formatting or locale.
enum SampleFormat {
    /// Appends `value` in decimal, left-padded with zeros to at least `width` digits.
    static func appendPadded(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var magnitude = value.magnitude
        if value < 0 { bytes.append(0x2D) }
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        let total = max(digits, width)
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0x30, count: total))
        var index = start + total - 1
        repeat {
            bytes[index] = 0x30 + UInt8(magnitude % 10)
            magnitude /= 10
            index -= 1
        } while magnitude > 0
    }

    /// Appends `value` in decimal.
    static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        appendPadded(value, width: 1, to: &bytes)
    }

    /// Appends a day as `YYYY-MM-DD`.
    static func appendDate(_ day: Int, to bytes: inout [UInt8]) {
        let date = SampleCalendar.civil(day)
        appendPadded(date.year, width: 4, to: &bytes)
        bytes.append(0x2D)
        appendPadded(date.month, width: 2, to: &bytes)
        bytes.append(0x2D)
        appendPadded(date.day, width: 2, to: &bytes)
    }

    /// Appends an instant as `YYYY-MM-DDTHH:MM:SS+09:00`.
    static func appendDateTime(_ instant: Int, to bytes: inout [UInt8]) {
        let day = SampleCalendar.floorDiv(instant, SampleCalendar.secondsPerDay)
        appendDate(day, to: &bytes)
        bytes.append(0x54)
        appendClock(instant - day * SampleCalendar.secondsPerDay, to: &bytes)
        bytes.append(contentsOf: offset)
    }

    /// Appends seconds of the day as `HH:MM:SS`.
    static func appendClock(_ secondOfDay: Int, to bytes: inout [UInt8]) {
        appendPadded(secondOfDay / 3600, width: 2, to: &bytes)
        bytes.append(0x3A)
        appendPadded(secondOfDay / 60 % 60, width: 2, to: &bytes)
        bytes.append(0x3A)
        appendPadded(secondOfDay % 60, width: 2, to: &bytes)
    }

    /// The pipeline time zone's offset, Asia/Tokyo.
    static let offset: [UInt8] = Array("+09:00".utf8)

    /// A day as `YYYY-MM-DD`.
    static func date(_ day: Int) -> String {
        var bytes: [UInt8] = []
        appendDate(day, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An instant as `YYYY-MM-DDTHH:MM:SS+09:00`.
    static func dateTime(_ instant: Int) -> String {
        var bytes: [UInt8] = []
        appendDateTime(instant, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A month as `YYYY-MM`.
    static func month(_ month: Int) -> String {
        let ym = SampleCalendar.yearMonth(month)
        var bytes: [UInt8] = []
        appendPadded(ym.year, width: 4, to: &bytes)
        bytes.append(0x2D)
        appendPadded(ym.month, width: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A fixed-point number: `minor` units with `scale` decimals (`decimal(123450, scale: 2)` is
    /// `1234.50`).
    static func decimal(_ minor: Int, scale: Int) -> String {
        var bytes: [UInt8] = []
        if minor < 0 { bytes.append(0x2D) }
        var unit = 1
        for _ in 0..<max(0, scale) { unit *= 10 }
        let magnitude = Int(minor.magnitude)
        appendInteger(magnitude / unit, to: &bytes)
        if scale > 0 {
            bytes.append(0x2E)
            appendPadded(magnitude % unit, width: scale, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` in decimal, left-padded with zeros to at least `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        var bytes: [UInt8] = []
        appendPadded(value, width: width, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
