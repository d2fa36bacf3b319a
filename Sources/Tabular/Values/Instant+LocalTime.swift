extension Instant {
    /// The instant as ISO 8601 local time with its UTC offset, e.g. `2026-11-01T09:30:00+09:00`
    /// (milliseconds written only when not zero): how reports show an instant in the pipeline's zone.
    public func iso8601(offsetSeconds offset: Int) -> String {
        var text = Instant(millisecondsSinceEpoch: millisecondsSinceEpoch + Int64(offset) * 1000).description
        text.removeLast()   // "Z"
        let minutes = abs(offset) / 60
        text.append(offset < 0 ? "-" : "+")
        text.appendZeroPadded(minutes / 60, width: 2)
        text.append(":")
        text.appendZeroPadded(minutes % 60, width: 2)
        return text
    }
}
