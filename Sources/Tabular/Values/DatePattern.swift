/// An extra date format of a pipeline, such as `yyyy/MM/dd`, `MM/dd/yyyy`, `dd.MM.yyyy` or `M/d/yyyy`.
///
/// Tokens: `yyyy` (4 digits), `MM` and `dd` (exactly 2 digits), `M` and `d` (1 or 2 digits). Every
/// other character that is not an ASCII letter or `'` matches itself (full-width forms match their
/// ASCII twins, as in cells). Each of year, month and day appears once.
struct DatePattern: Sendable {
    /// One step of a pattern.
    enum Element: Sendable {
        case year
        case month(digits: ClosedRange<Int>)
        case day(digits: ClosedRange<Int>)
        case literal(UInt32)
    }

    /// The pattern as written.
    let format: String
    /// Its steps, in order.
    let elements: [Element]

    /// Compiles `format`.
    /// - Throws: ``ValueError`` naming the format when it uses another token (`yy`, `MMM`, `HH`, `'`),
    ///   or lacks or repeats the year, month or day.
    init(_ format: String) throws(ValueError) {
        // Full-width forms fold to ASCII, as they do in cells.
        let scalars = format.unicodeScalars.map { (0xFF01...0xFF5E).contains($0.value) ? $0.value - 0xFEE0 : $0.value }
        var elements: [Element] = []
        var counts = (year: 0, month: 0, day: 0)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            var run = 1
            while index + run < scalars.count, scalars[index + run] == scalar { run += 1 }
            switch (scalar, run) {
            case (0x79, 4):  // yyyy
                elements.append(.year)
                counts.year += 1
            case (0x4D, 1...2):  // M, MM
                elements.append(.month(digits: run == 1 ? 1...2 : 2...2))
                counts.month += 1
            case (0x64, 1...2):  // d, dd
                elements.append(.day(digits: run == 1 ? 1...2 : 2...2))
                counts.day += 1
            default:
                let isLetter = (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar)
                guard !isLetter, scalar != 0x27 else { throw Self.unsupported(format) }
                elements.append(contentsOf: repeatElement(.literal(scalar), count: run))
            }
            index += run
        }
        guard counts == (1, 1, 1) else { throw Self.unsupported(format) }
        self.format = format
        self.elements = elements
    }

    /// Reads a date of this pattern if one comes next.
    func scan(_ scanner: inout CellScanner) -> DateFields? {
        var fields = DateFields(year: 0, month: 0, day: 0)
        for element in elements {
            switch element {
            case .year:
                guard let year = scanner.consumeNumber(digits: 4...4) else { return nil }
                fields.year = year
            case .month(let digits):
                guard let month = scanner.consumeNumber(digits: digits) else { return nil }
                fields.month = month
            case .day(let digits):
                guard let day = scanner.consumeNumber(digits: digits) else { return nil }
                fields.day = day
            case .literal(let scalar):
                guard scanner.consume(scalar) else { return nil }
            }
        }
        return fields
    }

    /// The error for a format this grammar cannot read.
    private static func unsupported(_ format: String) -> ValueError {
        ValueError("unsupported date format \(ValueError.quote(format)): use yyyy, MM or M, dd or d once each, and literal characters such as / - . 年")
    }
}
