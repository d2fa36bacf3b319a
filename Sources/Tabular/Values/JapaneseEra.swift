/// A Japanese imperial era (gengō) as written in dates: `令和7年5月14日` or, abbreviated, `R7.5.14`.
///
/// Year 1 of an era is the Gregorian year it began in; a date before its first day or after its
/// last day is not a date of that era.
struct JapaneseEra: Sendable {
    /// The era's name, e.g. `令和`. A `StaticString` keeps the era, and the dates read with it, free of reference counting.
    let name: StaticString
    /// The two scalars of the name.
    let nameScalars: (UInt32, UInt32)
    /// The Latin letter of the short form, e.g. `R`.
    let letter: UInt32
    /// The era's first day.
    let firstDay: LocalDate
    /// The era's last day, nil for the current era.
    let lastDay: LocalDate?
    /// The Gregorian year of the era's year 1.
    let firstYear: Int

    private init(name: StaticString, letter: Character, first: (Int, Int, Int), last: (Int, Int, Int)?) {
        let scalars = Array(name.description.unicodeScalars)
        self.name = name
        self.nameScalars = (scalars[0].value, scalars[1].value)
        self.letter = letter.unicodeScalars.first?.value ?? 0
        self.firstDay = LocalDate(daysSinceEpoch: Int32(LocalDate.daysSinceEpoch(year: first.0, month: first.1, day: first.2)))
        self.lastDay = last.map { LocalDate(daysSinceEpoch: Int32(LocalDate.daysSinceEpoch(year: $0.0, month: $0.1, day: $0.2))) }
        self.firstYear = first.0
    }

    /// The eras whose dates fall in the years the grammars accept (1900–2200), newest first.
    static let all: [JapaneseEra] = [
        JapaneseEra(name: "令和", letter: "R", first: (2019, 5, 1), last: nil),
        JapaneseEra(name: "平成", letter: "H", first: (1989, 1, 8), last: (2019, 4, 30)),
        JapaneseEra(name: "昭和", letter: "S", first: (1926, 12, 25), last: (1989, 1, 7)),
        JapaneseEra(name: "大正", letter: "T", first: (1912, 7, 30), last: (1926, 12, 24)),
    ]

    /// Whether `date` lies within the era.
    func contains(_ date: LocalDate) -> Bool {
        date >= firstDay && (lastDay.map { date <= $0 } ?? true)
    }

    /// The era's days in words, for an error: `from 2019-05-01` or `1989-01-08 to 2019-04-30`.
    var span: String {
        guard let lastDay else { return "from \(firstDay)" }
        return "\(firstDay) to \(lastDay)"
    }

    /// Reads an era's name (`令和`) if one comes next.
    static func consumeName(_ scanner: inout CellScanner) -> JapaneseEra? {
        let first = scanner.peek()
        for era in all where era.nameScalars.0 == first.scalar {
            var rest = scanner
            rest.advance(by: first.length)
            if rest.consume(era.nameScalars.1) {
                scanner = rest
                return era
            }
        }
        return nil
    }

    /// Reads an era's letter (`R`, also full-width `Ｒ`) if one comes next.
    static func consumeLetter(_ scanner: inout CellScanner) -> JapaneseEra? {
        let next = scanner.peek()
        for era in all where era.letter == next.scalar {
            scanner.advance(by: next.length)
            return era
        }
        return nil
    }
}
