/// A compiled rule expression: a condition over named facts, such as a pipeline tier rule or an
/// alert's `when`, checked once at load time and then evaluated many times.
///
/// ## The language
///
/// ```
/// expression := or
/// or         := and ("or" and)*                   lowest precedence
/// and        := not ("and" not)*
/// not        := "not"* comparison                 prefix, may repeat
/// comparison := operand (op operand)?             op: == != < <= > >=; at most one (no chaining)
/// operand    := number | string | "true" | "false" | name | "(" expression ")"
/// ```
///
/// - **Numbers**: digits, optionally `.` and at least one digit; a `-` directly before a digit is
///   part of the number (`-15`, `-0.3`). No exponents or separators. The value is `Double` of the
///   literal text.
/// - **Strings**: in double quotes; `\"` and `\\` are the only escapes. Compared exactly as Swift
///   strings compare (`"東京"` equals `"東京"`).
/// - **Names**: `[A-Za-z_][A-Za-z0-9_.]*`, resolved against the ``RuleVocabulary``; an unknown name
///   is an error. `and`, `or`, `not`, `true` and `false` are reserved, case-sensitive keywords.
/// - **Whitespace**: spaces, tabs, CR and LF, so an expression may span lines.
/// - **Types**: number, string, boolean. `<`, `<=`, `>`, `>=` need two numbers; `==` and `!=` need
///   two operands of the same type. The whole expression and each operand of `and`, `or` and
///   `not` must be boolean: a comparison, `true`, `false`, a boolean fact, or such an expression
///   in parentheses.
/// - **Undefined facts**: every comparison that reads an undefined fact is false, `!=` included,
///   and a bare boolean fact that is undefined does not hold. `not` then applies as usual, so
///   `not (x < 3)` is true and `x == x` is false when `x` is undefined. A fact whose value has a
///   different type than its vocabulary says counts as undefined.
/// - **Errors** are ``RuleError``s with the line and column inside the text, e.g.
///   `1:7: expected a value after '>='` or `1:1: unknown fact 'helth_score'; did you mean 'health_score'?`.
///
/// ```swift
/// let vocabulary = RuleVocabulary([("plan", .string), ("arr", .number)])
/// let rule = try RuleExpression.compile(#"plan == "enterprise" or arr >= 12000000"#, vocabulary: vocabulary)
/// rule.factsRead               // ["plan", "arr"]
/// rule.evaluate(accountFacts)  // true for an enterprise account or one with ARR ≥ 12,000,000
/// ```
///
/// An expression compiles to a flat array of tests with short-circuit jumps; ``evaluate(_:)`` is
/// inlinable and generic, so it runs specialised for the caller's ``RuleFacts`` type without
/// allocating.
public struct RuleExpression: Sendable, Equatable {
    /// The expression text as given to ``compile(_:vocabulary:)``.
    public let text: String
    /// The tests; evaluation starts at node 0.
    @usableFromInline let nodes: [RuleNode]
    /// The string constants the nodes compare with.
    @usableFromInline let strings: [String]
    /// The distinct fact names read, in order of first appearance.
    private let names: [String]
    /// Their slots.
    private let slots: [Int]

    /// The distinct fact names the expression reads, in order of first appearance in the text.
    public var factsRead: [String] { names }

    /// The slots of ``factsRead``, in the same order.
    public var slotsRead: [Int] { slots }

    /// Parses and type-checks `text` against `vocabulary` and compiles it for evaluation.
    ///
    /// - Throws: ``RuleError`` for the first problem in the text: a lexical or syntax error or an
    ///   unknown fact (in reading order), else the first type error from left to right.
    /// - Complexity: O(n) in the length of the text for typical expressions (plus, for an unknown
    ///   fact, an edit-distance comparison with each vocabulary name).
    public static func compile(_ text: String, vocabulary: RuleVocabulary) throws(RuleError) -> RuleExpression {
        var parser = try RuleParser(text, vocabulary: vocabulary)
        let syntax = try parser.parse()
        try RuleTypeChecker.check(syntax)
        let (nodes, strings) = RuleEmitter.emit(syntax)
        let slots = parser.slotsRead
        return RuleExpression(text: text, nodes: nodes, strings: strings,
                              names: slots.map { vocabulary.names[$0] }, slots: slots)
    }

    private init(text: String, nodes: [RuleNode], strings: [String], names: [String], slots: [Int]) {
        self.text = text
        self.nodes = nodes
        self.strings = strings
        self.names = names
        self.slots = slots
    }
}
