import Rules

/// The text of a rule expression (a tier rule, an alert's `when`, the QBR account selection) as written
/// in the pipeline file, with the place where it starts, so that the expression parser can report
/// `file:line:column` inside the expression.
///
/// `line` and `column` are those of the expression's first character: for a quoted scalar the
/// character after the opening quote, for a block scalar (`|`, `>`) the first character of its first
/// line. Built-in default rules have the file `<built-in>` and line and column 0.
public struct RuleSource: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The expression text, e.g. `plan == "enterprise" or arr >= 12000000`.
    public let text: String
    /// The pipeline file the expression was read from, as the caller named it; `<built-in>` for a default.
    public let file: String
    /// The 1-based line of the expression's first character; 0 for a built-in default.
    public let line: Int
    /// The 1-based column of the expression's first character; 0 for a built-in default.
    public let column: Int

    /// The file name given to the built-in default rules.
    public static let builtInFile = "<built-in>"

    /// Creates an expression read from a pipeline file at the given position.
    public init(text: String, file: String, line: Int, column: Int) {
        self.text = text
        self.file = file
        self.line = line
        self.column = column
    }

    /// A built-in default expression (from the spec's defaults), which has no position in a file.
    public static func builtIn(_ text: String) -> RuleSource {
        RuleSource(text: text, file: builtInFile, line: 0, column: 0)
    }

    /// Whether this expression is one of the built-in defaults rather than read from a file.
    public var isBuiltIn: Bool { file == Self.builtInFile && line == 0 }

    /// The expression text.
    public var description: String { text }
}

extension RuleSource {
    /// The expression compiled against the facts it may read; a syntax or type error becomes a
    /// ``PipelineFileError`` at its place in the pipeline file (`file:line:column: message`).
    ///
    /// Positions are exact for single-line expressions and block scalars (`|`, `>`); in a quoted
    /// scalar that YAML folds over several lines, later lines are reported relative to the first.
    func compile(_ vocabulary: RuleVocabulary) throws(PipelineFileError) -> RuleExpression {
        do {
            return try RuleExpression.compile(text, vocabulary: vocabulary)
        } catch {
            guard !isBuiltIn else {
                preconditionFailure("built-in rule '\(text)' does not compile: \(error)")
            }
            throw PipelineFileError(file: file, line: line + error.line - 1, column: column + error.column - 1,
                                    message: error.message)
        }
    }
}
