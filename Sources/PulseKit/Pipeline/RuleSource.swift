import Rules

/// The text of a rule expression (a tier rule, an alert's `when`, the QBR account selection) as written
/// in the pipeline file, with the place where it starts, so that the expression parser can report
/// `file:line:column` inside the expression.
///
/// `line` and `column` are those of the expression's first character: for a quoted scalar the
/// character after the opening quote, for a block scalar (`|`, `>`) the first character of its first
/// line. Built-in default rules have the file `<built-in>` and line and column 0.
package struct RuleSource: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The expression text, e.g. `plan == "enterprise" or arr >= 12000000`.
    package let text: String
    /// The pipeline file the expression was read from, as the caller named it; `<built-in>` for a default.
    package let file: String
    /// The 1-based line of the expression's first character; 0 for a built-in default.
    package let line: Int
    /// The 1-based column of the expression's first character; 0 for a built-in default.
    package let column: Int
    /// When YAML folded or unescaped the expression across lines of the file (a quoted or plain
    /// scalar over several lines, a folded block `>`), the number of its first characters that
    /// stand where the file has them, from ``line`` and ``column`` on; nil when every line of the
    /// text is a line of the file (a scalar on one line, a literal block `|`). A problem past
    /// those characters has no place in the file: it is reported at the expression's start.
    package let placedPrefix: Int?

    /// The file name given to the built-in default rules.
    package static let builtInFile = "<built-in>"

    /// Creates an expression read from a pipeline file at the given position.
    package init(text: String, file: String, line: Int, column: Int, placedPrefix: Int? = nil) {
        self.text = text
        self.file = file
        self.line = line
        self.column = column
        self.placedPrefix = placedPrefix
    }

    /// A built-in default expression (the defaults of docs/metrics.md §2 and §8), which has no position in a
    /// file.
    package static func builtIn(_ text: String) -> RuleSource {
        RuleSource(text: text, file: builtInFile, line: 0, column: 0)
    }

    /// Whether this expression is one of the built-in defaults rather than read from a file.
    package var isBuiltIn: Bool { file == Self.builtInFile && line == 0 }

    /// The expression text.
    package var description: String { text }
}

extension RuleSource {
    /// The expression compiled against the facts it may read; a syntax or type error becomes a
    /// ``PipelineFileError`` at its place in the pipeline file (`file:line:column: message`).
    ///
    /// Positions are exact for single-line expressions and literal blocks (`|`). In an expression
    /// that YAML folded over several lines of the file, a problem beyond its first line's
    /// characters (``placedPrefix``) is reported at the expression's start, with its place in the
    /// expression text added to the message, so that the position always lies in the file.
    func compile(_ vocabulary: RuleVocabulary) throws(PipelineFileError) -> RuleExpression {
        do {
            return try RuleExpression.compile(text, vocabulary: vocabulary)
        } catch {
            guard !isBuiltIn else {
                preconditionFailure("built-in rule '\(text)' does not compile: \(error)")
            }
            if let placedPrefix, error.line > 1 || error.column > placedPrefix + 1 {
                throw PipelineFileError(file: file, line: line, column: column,
                                        message: "\(error.message) (line \(error.line), column \(error.column) of the expression)")
            }
            throw PipelineFileError(file: file, line: line + error.line - 1, column: column + error.column - 1,
                                    message: error.message)
        }
    }
}
