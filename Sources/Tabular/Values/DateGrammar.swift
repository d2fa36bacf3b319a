/// The date grammar of the exports, plus a pipeline's extra patterns tried after the defaults.
///
/// ```swift
/// try DateGrammar.standard.parse("令和7年5月14日")                      // 2025-05-14
/// try DateGrammar(extraFormats: ["MM/dd/yyyy"]).parse("05/14/2025")   // 2025-05-14
/// ```
public struct DateGrammar: Sendable {
    /// The pipeline's extra patterns, in the order they are tried.
    let extraPatterns: [DatePattern]

    /// The default forms only; the same as `try DateGrammar()`, without the `try`.
    public static let standard = DateGrammar(patterns: [])

    /// A grammar of the default forms and then `extraFormats`.
    /// - Parameter extraFormats: patterns like `yyyy/MM/dd`, `MM/dd/yyyy`, `dd.MM.yyyy`, `M/d/yyyy`:
    ///   tokens `yyyy`, `MM`, `M`, `dd`, `d` (the doubled ones exactly 2 digits) and literal characters.
    /// - Throws: ``ValueError`` naming the first unsupported pattern.
    public init(extraFormats: [String] = []) throws(ValueError) {
        var patterns: [DatePattern] = []
        for format in extraFormats {
            patterns.append(try DatePattern(format))
        }
        self.init(patterns: patterns)
    }

    private init(patterns: [DatePattern]) {
        self.extraPatterns = patterns
    }

    /// Parses a whole date cell.
    ///
    /// Default forms: `2025-05-14`, `2025/05/14`, `2025/5/14`, `2025-5-14`, `2025年5月14日`, `20250514`;
    /// Japanese eras `令和7年5月14日`, `令和元年5月1日`, `平成31年4月30日`, `昭和64年1月7日` (also
    /// `大正`), and short forms `R7.5.14`, `R7/5/14`, `H31.4.30`, `S64.1.7`. Full-width digits and
    /// punctuation read as ASCII. The extra patterns are tried after these, and the first form that
    /// gives a real date wins.
    /// - Throws: ``ValueError`` for empty text, an unknown shape, a day that does not exist
    ///   (`2025-02-30`, `2023-02-29`), a day outside its era (`令和1年4月30日`), or a year outside 1900–2200.
    /// - Complexity: O(n) per form tried; no allocation unless it throws.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(ValueError) -> LocalDate {
        let scanner = CellScanner(trimming: bytes)
        guard !scanner.isEmpty else { throw ValueError.empty }
        var problem: DateProblem?
        for form in 0...extraPatterns.count {
            var rest = scanner
            guard let fields = scanFields(&rest, form: form), rest.isAtEnd else { continue }
            switch fields.validated() {
            case .success(let date): return date
            case .failure(let found): problem = problem ?? found
            }
        }
        throw (problem ?? .unrecognizedDate).error(for: scanner)
    }

    /// Parses a whole date cell given as text; see ``parse(_:)-(UnsafeBufferPointer<UInt8>)``.
    public func parse(_ text: some StringProtocol) throws(ValueError) -> LocalDate {
        try parseUTF8(of: text) { bytes throws(ValueError) in try parse(bytes) }
    }

    /// The number of forms: the defaults (form 0), then each extra pattern.
    var formCount: Int { extraPatterns.count + 1 }

    /// Reads a date of form `form` (0: any default form; 1...: an extra pattern) if one comes next,
    /// leaving `scanner` after it.
    func scanFields(_ scanner: inout CellScanner, form: Int) -> DateFields? {
        form == 0 ? Self.scanDefault(&scanner) : extraPatterns[form - 1].scan(&scanner)
    }

    private static let yearMark: UInt32 = 0x5E74    // 年
    private static let monthMark: UInt32 = 0x6708   // 月
    private static let dayMark: UInt32 = 0x65E5     // 日
    private static let firstYearMark: UInt32 = 0x5143  // 元, as in 令和元年

    /// Reads any default form, chosen by its first characters.
    private static func scanDefault(_ scanner: inout CellScanner) -> DateFields? {
        if let year = scanner.consumeNumber(digits: 4...4) {
            let separator = scanner.peek()
            switch separator.scalar {
            case Scalar.hyphenMinus, Scalar.solidus:
                scanner.advance(by: separator.length)
                return scanMonthAndDay(&scanner, year: year, separator: separator.scalar)
            case yearMark:
                scanner.advance(by: separator.length)
                return scanKanjiMonthAndDay(&scanner, year: year, era: nil)
            default:
                guard let monthAndDay = scanner.consumeNumber(digits: 4...4) else { return nil }
                return DateFields(year: year, month: monthAndDay / 100, day: monthAndDay % 100)
            }
        }
        if let era = JapaneseEra.consumeName(&scanner) {
            let eraYear = scanner.consume(firstYearMark) ? 1 : scanner.consumeNumber(digits: 1...3)
            guard let eraYear, scanner.consume(yearMark) else { return nil }
            return scanKanjiMonthAndDay(&scanner, year: era.firstYear + eraYear - 1, era: era)
        }
        if let era = JapaneseEra.consumeLetter(&scanner) {
            guard let eraYear = scanner.consumeNumber(digits: 1...3) else { return nil }
            let separator = scanner.peek().scalar
            guard separator == Scalar.fullStop || separator == Scalar.solidus || separator == Scalar.hyphenMinus,
                  scanner.consume(separator),
                  var fields = scanMonthAndDay(&scanner, year: era.firstYear + eraYear - 1, separator: separator)
            else { return nil }
            fields.era = era
            return fields
        }
        return nil
    }

    /// Reads `M<separator>d` (1 or 2 digits each).
    private static func scanMonthAndDay(_ scanner: inout CellScanner, year: Int, separator: UInt32) -> DateFields? {
        guard let month = scanner.consumeNumber(digits: 1...2), scanner.consume(separator),
              let day = scanner.consumeNumber(digits: 1...2)
        else { return nil }
        return DateFields(year: year, month: month, day: day)
    }

    /// Reads `M月d日` (1 or 2 digits each).
    private static func scanKanjiMonthAndDay(_ scanner: inout CellScanner, year: Int, era: JapaneseEra?) -> DateFields? {
        guard let month = scanner.consumeNumber(digits: 1...2), scanner.consume(monthMark),
              let day = scanner.consumeNumber(digits: 1...2), scanner.consume(dayMark)
        else { return nil }
        return DateFields(year: year, month: month, day: day, era: era)
    }
}
