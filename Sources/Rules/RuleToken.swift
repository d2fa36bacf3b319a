/// One token of an expression: its kind, its text as written and where it starts.
struct RuleToken: Sendable {
    /// What a token is.
    enum Kind: Sendable, Equatable {
        /// A number literal with its value (`Double` of the exact text).
        case number(Double)
        /// A string literal with its value (escapes resolved).
        case string(String)
        /// A fact name.
        case name
        /// The keyword `and`.
        case and
        /// The keyword `or`.
        case or
        /// The keyword `not`.
        case not
        /// The keyword `true` or `false`.
        case boolean(Bool)
        /// A comparison operator.
        case comparison(RuleComparison)
        /// `(`.
        case openParen
        /// `)`.
        case closeParen
        /// The end of the text.
        case end
    }

    let kind: Kind
    /// The token exactly as written (a string literal with its quotes and escapes); empty at the end.
    let text: String
    /// Where the token starts; for the end, just past the last token.
    let position: RuleSourcePosition

    /// The token quoted for a message: a string literal as written (`"x"`), anything else in
    /// single quotes (`')'`, `'plan'`).
    var quoted: String {
        if case .string = kind { return text }
        return "'\(text)'"
    }
}
