/// A place in the expression text: 1-based line (counted by LF) and column (in Unicode scalars).
struct RuleSourcePosition: Sendable, Equatable {
    var line: Int
    var column: Int

    /// The first scalar of the text.
    static let start = RuleSourcePosition(line: 1, column: 1)
}
