import Foundation

/// The datetime grammar of the exports; naive local times are read in the pipeline's time zone.
///
/// ```swift
/// let tokyo = try DateTimeGrammar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
/// try tokyo.parse("2025-05-14 09:30:00")          // 2025-05-14T00:30:00Z
/// try tokyo.parse("2025-05-14T09:30:00-05:00")    // 2025-05-14T14:30:00Z
/// ```
public struct DateTimeGrammar: Sendable {
    /// The time zone of times written without an offset, and of local dates.
    public let timeZone: TimeZone
    /// The grammar of the date part, with the pipeline's extra formats.
    let dateGrammar: DateGrammar
    /// The time zone's offsets, precomputed.
    let zoneOffsets: ZoneOffsets

    /// A grammar reading local times in `timeZone`, and dates in the default forms and then `extraDateFormats`.
    /// - Throws: ``ValueError`` naming the first unsupported date format (see ``DateGrammar/init(extraFormats:)``).
    public init(timeZone: TimeZone, extraDateFormats: [String] = []) throws(ValueError) {
        self.timeZone = timeZone
        self.dateGrammar = try DateGrammar(extraFormats: extraDateFormats)
        self.zoneOffsets = ZoneOffsets(timeZone: timeZone)
    }

    /// Parses a whole datetime cell.
    ///
    /// A date in any ``DateGrammar`` form, then `T` or spaces, then `H:mm`, `H:mm:ss` or
    /// `H:mm:ss.fff` (hour 1 or 2 digits; any number of fraction digits, kept to the millisecond,
    /// `,` also accepted), then optionally `Z` or an offset `+09:00`, `+0900`, `+09` (after an
    /// optional space). With an offset the time is read at that offset; without one it is local
    /// time in ``timeZone`` (see ``instant(date:hour:minute:second:millisecond:)`` for DST gaps
    /// and overlaps). Examples: `2025-05-14T09:30:00+09:00`, `2025-05-14 09:30:00`,
    /// `2025/5/14 9:30:05`, `2025年5月14日 9:30`, `2023-07-28 3:00`.
    /// - Parameter allowDateOnly: true to accept a bare date, read as local midnight of that date.
    /// - Throws: ``ValueError`` for empty text, an unknown shape, a date the date grammar rejects,
    ///   hours over 23 (so `24:00`), minutes or seconds over 59 (so leap second `60`), an offset
    ///   beyond ±18:00, or a bare date when `allowDateOnly` is false.
    /// - Complexity: O(n) per date form tried, plus a binary search in the zone's transitions; no
    ///   allocation unless it throws.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, allowDateOnly: Bool = false) throws(ValueError) -> Instant {
        if let instant = parseISOFastPath(bytes) { return instant }
        return try parseAnyForm(bytes, allowDateOnly: allowDateOnly)
    }

    /// The general grammar: every date form, with or without time and offset.
    func parseAnyForm(_ bytes: UnsafeBufferPointer<UInt8>, allowDateOnly: Bool) throws(ValueError) -> Instant {
        let scanner = CellScanner(trimming: bytes)
        guard !scanner.isEmpty else { throw ValueError.empty }
        var problem: DateProblem?
        for form in 0..<dateGrammar.formCount {
            var rest = scanner
            guard let fields = dateGrammar.scanFields(&rest, form: form) else { continue }
            var time: TimeOfDay?
            if rest.isAtEnd {
                guard allowDateOnly else {
                    problem = problem ?? .missingTime
                    continue
                }
            } else {
                guard let scanned = TimeOfDay.scan(&rest) else { continue }
                time = scanned
            }
            let date: LocalDate
            switch fields.validated() {
            case .success(let valid):
                date = valid
            case .failure(let found):
                problem = problem ?? found
                continue
            }
            guard let time else { return startOfDay(date) }
            guard time.isTimeOfDay else {
                problem = problem ?? .notTimeOfDay
                continue
            }
            guard !time.hasInvalidOffset else {
                problem = problem ?? .invalidOffset
                continue
            }
            let local = Int64(date.daysSinceEpoch) * Instant.millisecondsPerDay + time.millisecondOfDay
            guard let offsetSeconds = time.offsetSeconds else { return zoneOffsets.instant(localMilliseconds: local) }
            return Instant(millisecondsSinceEpoch: local - Int64(offsetSeconds) * 1_000)
        }
        throw (problem ?? .unrecognizedDateTime).error(for: scanner)
    }

    /// Parses a whole datetime cell given as text; see ``parse(_:allowDateOnly:)-(UnsafeBufferPointer<UInt8>,_)``.
    public func parse(_ text: some StringProtocol, allowDateOnly: Bool = false) throws(ValueError) -> Instant {
        try parseUTF8(of: text) { bytes throws(ValueError) in try parse(bytes, allowDateOnly: allowDateOnly) }
    }

    /// Parses Unix epoch seconds (`1715679000`, `-86400`, or with a fraction `1715679000.5`, kept
    /// to the millisecond), for sources whose mapping says so.
    /// - Throws: ``ValueError`` for empty text, any other shape, or an instant outside the years
    ///   1900–2200 (which also catches epoch milliseconds given as seconds).
    public func parseEpochSeconds(_ bytes: UnsafeBufferPointer<UInt8>) throws(ValueError) -> Instant {
        var scanner = CellScanner(trimming: bytes)
        guard !scanner.isEmpty else { throw ValueError.empty }
        let isNegative = scanner.consumeSign() ?? false
        var seconds: Int64 = 0
        var digits = 0
        var tooLarge = false
        while let digit = scanner.consumeDigit() {
            digits += 1
            // More than 15 digits is far outside the accepted years; stop accumulating before overflow.
            if digits > 15 { tooLarge = true } else { seconds = seconds * 10 + Int64(digit) }
        }
        var millisecond: Int64 = 0
        if digits > 0, scanner.consume(Scalar.fullStop) {
            var fractionDigits = 0
            while let digit = scanner.consumeDigit() {
                if fractionDigits < 3 { millisecond = millisecond * 10 + Int64(digit) }
                fractionDigits += 1
            }
            guard fractionDigits > 0 else { throw epochShapeError(scanner) }
            for _ in fractionDigits..<max(fractionDigits, 3) { millisecond *= 10 }
        }
        guard digits > 0, scanner.isAtEnd else { throw epochShapeError(scanner) }
        let magnitude = seconds * 1_000 + millisecond
        let instant = Instant(millisecondsSinceEpoch: isNegative ? -magnitude : magnitude)
        guard !tooLarge, Self.acceptedInstants.contains(instant.millisecondsSinceEpoch) else {
            throw ValueError("epoch seconds \(scanner.quotedText()) are outside the years \(DateFields.acceptedYears.lowerBound) to \(DateFields.acceptedYears.upperBound)")
        }
        return instant
    }

    /// Parses Unix epoch seconds given as text; see ``parseEpochSeconds(_:)-(UnsafeBufferPointer<UInt8>)``.
    public func parseEpochSeconds(_ text: some StringProtocol) throws(ValueError) -> Instant {
        try parseUTF8(of: text) { bytes throws(ValueError) in try parseEpochSeconds(bytes) }
    }

    /// The first instant of `date` in ``timeZone`` (local midnight, or the end of a gap at midnight).
    public func startOfDay(_ date: LocalDate) -> Instant {
        zoneOffsets.instant(localMilliseconds: Int64(date.daysSinceEpoch) * Instant.millisecondsPerDay)
    }

    /// The local calendar date of `instant` in ``timeZone``.
    public func localDate(of instant: Instant) -> LocalDate {
        zoneOffsets.localDate(at: instant)
    }

    /// The instant of a local wall-clock time in ``timeZone``: in a DST gap the time is moved forward
    /// by the gap (02:30 on a spring-forward day becomes 03:30 daylight time); in an overlap the
    /// earlier instant is taken. Fields out of their usual range carry over (hour 24 is the next
    /// day's 00); absurd values saturate instead of overflowing.
    public func instant(date: LocalDate, hour: Int, minute: Int, second: Int, millisecond: Int = 0) -> Instant {
        let local = Int64(date.daysSinceEpoch).multipliedSaturating(by: Instant.millisecondsPerDay)
            .addingSaturating(Int64(hour).multipliedSaturating(by: 3_600_000))
            .addingSaturating(Int64(minute).multipliedSaturating(by: 60_000))
            .addingSaturating(Int64(second).multipliedSaturating(by: 1_000))
            .addingSaturating(Int64(millisecond))
        return zoneOffsets.instant(localMilliseconds: local)
    }

    /// The instants ``parseEpochSeconds(_:)-(UnsafeBufferPointer<UInt8>)`` accepts: the years 1900–2200 in UTC.
    private static let acceptedInstants = (ZoneOffsets.firstCoveredSecond * 1_000)..<(ZoneOffsets.endCoveredSecond * 1_000)

    /// The error for text that is not shaped like epoch seconds.
    private func epochShapeError(_ scanner: CellScanner) -> ValueError {
        ValueError("expected Unix epoch seconds such as 1715679000, got \(scanner.quotedText())")
    }
}
