import Foundation
import Yams

/// Reads the YAML of one pipeline file into a tree of `PipelineValue`s and turns every problem into a
/// `PipelineFileError` at the line and column a text editor shows.
///
/// Yams's marks are already 1-based (libyaml's 0-based marks plus one) and count columns in Unicode
/// scalars, which is what an editor shows for text without combining characters.
struct PipelineFileReader {
    /// The file as the caller named it, used in every error.
    let file: String
    /// The whole text of the file.
    let text: String
    /// The text's lines, for positions inside block scalars.
    let lines: [Substring]

    init(file: String, text: String) {
        self.file = file
        self.text = text
        self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: Self.isLineBreak)
    }

    /// Whether a character ends a line as YAML (libyaml, and so Yams's marks) counts lines: LF,
    /// CR LF, a lone CR, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR.
    static func isLineBreak(_ character: Character) -> Bool {
        switch character {
        case "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    /// An error at a Yams mark (line 0, column 0 without one).
    func error(_ message: String, at mark: Mark?) -> PipelineFileError {
        PipelineFileError(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message)
    }

    /// The root of the document: an empty mapping when the file holds no document (only comments).
    func root() throws(PipelineFileError) -> PipelineValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw convert(error)
        }
        return PipelineValue(node: node ?? Node("", .implicit, .plain), name: "", path: "", reader: self)
    }

    // MARK: Yams errors

    /// Converts an error thrown by Yams into a `PipelineFileError` at the position Yams reports.
    func convert(_ error: any Error) -> PipelineFileError {
        guard let yamlError = error as? YamlError else {
            return self.error("cannot read the file as YAML: \(error)", at: nil)
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            if problem == "but found another document" {
                return self.error("a pipeline file holds one YAML document; found a second one", at: mark)
            }
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return self.error(message, at: mark)
        case let .reader(problem, offset, _, _):
            let (line, column) = offset.map(position(ofCharacterOffset:)) ?? (0, 0)
            return PipelineFileError(file: file, line: line, column: column, message: "invalid YAML text: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let first = context.mark
            if let second = secondOccurrence(of: key, firstAt: first) {
                return self.error(
                    "duplicate key '\(key)' (first given at line \(first.line), column \(first.column))",
                    at: second)
            }
            return self.error("duplicate key '\(key)'", at: first)
        default:
            return self.error("cannot read the file as YAML: \(yamlError)", at: nil)
        }
    }

    /// The line and column of a character offset into the text.
    private func position(ofCharacterOffset offset: Int) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if Self.isLineBreak(character) {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }

    /// Yams reports a duplicated key at its first occurrence; an editor user wants the repeated one.
    /// Find it by hiding the first occurrence (one scalar replaced, so that no position moves) and
    /// composing again.
    private func secondOccurrence(of key: String, firstAt first: Mark) -> Mark? {
        guard first.line >= 1, first.line <= lines.count else { return nil }
        var scalars = Array(lines[first.line - 1].unicodeScalars)
        var index = first.column - 1
        guard index >= 0, index < scalars.count else { return nil }
        if scalars[index] == "\"" || scalars[index] == "'" { index += 1 }
        guard index < scalars.count else { return nil }
        scalars[index] = "\u{01C2}"
        var modified = lines
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        modified[first.line - 1] = Substring(String(view))
        let modifiedText = modified.joined(separator: "\n")
        do {
            guard let root = try Yams.compose(yaml: modifiedText) else { return nil }
            return Self.findSibling(named: key, of: first, in: root)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) where duplicates.first == key {
            return context.mark
        } catch {
            return nil
        }
    }

    /// In the mapping that holds a key at `first`, the position of another key named `key`.
    private static func findSibling(named key: String, of first: Mark, in node: Node) -> Mark? {
        switch node {
        case let .mapping(mapping):
            let keys = mapping.map(\.key)
            if keys.contains(where: { $0.mark?.line == first.line && $0.mark?.column == first.column }) {
                return keys.first(where: {
                    $0.string == key && !($0.mark?.line == first.line && $0.mark?.column == first.column)
                })?.mark
            }
            for (_, value) in mapping {
                if let found = findSibling(named: key, of: first, in: value) { return found }
            }
            return nil
        case let .sequence(sequence):
            for item in sequence {
                if let found = findSibling(named: key, of: first, in: item) { return found }
            }
            return nil
        case .scalar, .alias:
            return nil
        }
    }
}

/// One value of a pipeline file, with the key it belongs to (for messages such as
/// `expected a number for 'weight'`) and its dotted path (for `unknown key 'x' in 'sla'`).
struct PipelineValue {
    /// The YAML node.
    let node: Node
    /// The key this value belongs to; for a list item, the list's key.
    let name: String
    /// The dotted path of the value from the top of the file (`sla.P1`); empty for the root.
    let path: String
    /// The file's reader, for errors.
    let reader: PipelineFileReader

    /// The node's 1-based line (0 when unknown).
    var line: Int { node.mark?.line ?? 0 }
    /// The node's 1-based column (0 when unknown).
    var column: Int { node.mark?.column ?? 0 }

    /// An error at this value.
    func error(_ message: String) -> PipelineFileError {
        reader.error(message, at: node.mark)
    }

    /// Whether the value is YAML null: nothing after the colon, `~` or `null`.
    var isNull: Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How the value reads in a message: `"heavy"`, `a list`, `a mapping`, `nothing`.
    var got: String {
        switch node {
        case let .scalar(scalar):
            if isNull { return "nothing" }
            let text = scalar.string.count > 60 ? String(scalar.string.prefix(57)) + "..." : scalar.string
            return "\"\(text)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The error `expected <what> for '<name>', got <got>`.
    func expected(_ what: String) -> PipelineFileError {
        error("expected \(what) for '\(name)', got \(got)")
    }

    /// The text of a scalar that is not null.
    func scalarText(_ what: String) throws(PipelineFileError) -> String {
        guard case let .scalar(scalar) = node, !isNull else { throw expected(what) }
        return scalar.string
    }

    /// A non-empty string (surrounding spaces are kept; an all-space value is an error).
    func string(_ what: String = "a string") throws(PipelineFileError) -> String {
        let text = try scalarText(what)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw expected(what) }
        return text
    }

    /// A finite decimal number (`25`, `0.05`, `-0.5`, `1e3`).
    func number() throws(PipelineFileError) -> Double {
        let text = try scalarText("a number")
        guard text.wholeMatch(of: /[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/) != nil,
              let value = Double(text), value.isFinite else { throw expected("a number") }
        return value
    }

    /// A whole number.
    func integer() throws(PipelineFileError) -> Int {
        let text = try scalarText("a whole number")
        guard text.wholeMatch(of: /[-+]?\d+/) != nil, let value = Int(text) else { throw expected("a whole number") }
        return value
    }

    /// `true` or `false`.
    func bool() throws(PipelineFileError) -> Bool {
        let text = try scalarText("true or false")
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw expected("true or false")
        }
    }

    /// One of a fixed set of words; `options` are in the order the message lists them, `aliases` are
    /// accepted but not listed.
    func choice<T>(_ options: [(String, T)], aliases: [(String, T)] = []) throws(PipelineFileError) -> T {
        let what = "one of " + options.map(\.0).joined(separator: ", ")
        let text = try scalarText(what)
        guard let match = (options + aliases).first(where: { $0.0 == text }) else { throw expected(what) }
        return match.1
    }

    /// One of the cases of a string enumeration, by raw value.
    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(PipelineFileError) -> T
    where T.RawValue == String {
        try choice(T.allCases.map { ($0.rawValue, $0) })
    }

    /// The items of a list; null reads as an empty list.
    func list() throws(PipelineFileError) -> [PipelineValue] {
        if isNull { return [] }
        guard case let .sequence(sequence) = node else { throw expected("a list") }
        return sequence.map { PipelineValue(node: $0, name: name, path: path, reader: reader) }
    }

    /// A mapping; null reads as an empty mapping. With `keys`, any other key is an error at the key.
    func mapping(keys allowed: [String]? = nil) throws(PipelineFileError) -> PipelineMapping {
        if isNull { return PipelineMapping(owner: self, entries: []) }
        guard case let .mapping(mapping) = node else { throw expected("a mapping") }
        var entries: [PipelineMapping.Entry] = []
        for (keyNode, valueNode) in mapping {
            let keyValue = PipelineValue(node: keyNode, name: name, path: path, reader: reader)
            guard case let .scalar(scalar) = keyNode, !keyValue.isNull else {
                throw keyValue.error("expected a name as key in \(where_), got \(keyValue.got)")
            }
            let key = scalar.string
            if let allowed, !allowed.contains(key) {
                throw keyValue.error("unknown key '\(key)' \(where_); expected one of: \(allowed.joined(separator: ", "))")
            }
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            entries.append(PipelineMapping.Entry(
                key: key,
                keyValue: keyValue,
                value: PipelineValue(node: valueNode, name: key, path: childPath, reader: reader)))
        }
        return PipelineMapping(owner: self, entries: entries)
    }

    /// `in 'sla'`, or `at the top level` for the root.
    var where_: String { path.isEmpty ? "at the top level" : "in '\(path)'" }

    /// A rule expression with the position of its first character.
    func rule() throws(PipelineFileError) -> RuleSource {
        let text = try string("an expression")
        guard case let .scalar(scalar) = node, let mark = scalar.mark else {
            return RuleSource(text: text, file: reader.file, line: line, column: column)
        }
        var line = mark.line
        var column = mark.column
        // The rest of the scalar's first line in the file, from its first character (or quote) on.
        let startLine = mark.line >= 1 && mark.line <= reader.lines.count ? Array(reader.lines[mark.line - 1].unicodeScalars) : []
        let rest = mark.column >= 1 && mark.column <= startLine.count ? Array(startLine[(mark.column - 1)...]) : []
        // How many characters of the text stand where they are written, when not all of it does.
        var placedPrefix: Int?
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            column += 1
            if !Self.closesOnItsLine(rest, style: scalar.style) {
                placedPrefix = Self.trailingBlanksTrimmed(rest.dropFirst())
            }
        case .literal, .folded:
            // The text starts on the first non-blank line after the indicator line.
            var index = mark.line  // 0-based index of the next line
            while index < reader.lines.count {
                let content = reader.lines[index]
                if let first = content.unicodeScalars.firstIndex(where: { $0 != " " && $0 != "\t" }) {
                    line = index + 1
                    column = content.unicodeScalars.distance(from: content.unicodeScalars.startIndex, to: first) + 1
                    // A folded block joins its lines: only its first line keeps its place.
                    if scalar.style == .folded { placedPrefix = Self.trailingBlanksTrimmed(content.unicodeScalars[first...]) }
                    break
                }
                index += 1
            }
        default:
            // A plain scalar that continues on the next lines is folded into one line.
            if !rest.starts(with: text.unicodeScalars) { placedPrefix = Self.trailingBlanksTrimmed(rest) }
        }
        // Outside a literal block, a line break in the text is not one of the file's (an escape
        // such as `\n`, or a blank line kept by folding): the text after it has no place there.
        if scalar.style != .literal, let lineBreak = text.unicodeScalars.firstIndex(of: "\n") {
            let before = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: lineBreak)
            placedPrefix = min(placedPrefix ?? before, before)
        }
        return RuleSource(text: text, file: reader.file, line: line, column: column, placedPrefix: placedPrefix)
    }

    /// Whether a quoted scalar that starts `rest` (with its opening quote) closes on the same line.
    private static func closesOnItsLine(_ rest: [Unicode.Scalar], style: Node.Scalar.Style) -> Bool {
        var k = 1
        while k < rest.count {
            switch (style, rest[k]) {
            case (.singleQuoted, "'"):
                if k + 1 < rest.count && rest[k + 1] == "'" { k += 2; continue }
                return true
            case (.doubleQuoted, "\\"):
                k += 2
                continue
            case (.doubleQuoted, "\""):
                return true
            default:
                k += 1
            }
        }
        return false
    }

    /// The number of characters in `scalars` without the spaces and tabs at its end.
    private static func trailingBlanksTrimmed(_ scalars: some BidirectionalCollection<Unicode.Scalar>) -> Int {
        var count = scalars.count
        var index = scalars.endIndex
        while index > scalars.startIndex {
            index = scalars.index(before: index)
            guard scalars[index] == " " || scalars[index] == "\t" else { break }
            count -= 1
        }
        return count
    }
}

/// The entries of one YAML mapping of a pipeline file, in file order.
struct PipelineMapping {
    /// One key and its value.
    struct Entry {
        /// The key's text.
        let key: String
        /// The key's node, for errors that point at the key.
        let keyValue: PipelineValue
        /// The value.
        let value: PipelineValue
    }

    /// The mapping itself.
    let owner: PipelineValue
    /// The entries in file order (Yams has already refused duplicated keys).
    let entries: [Entry]

    /// The value of a key, nil when absent.
    subscript(key: String) -> PipelineValue? {
        entries.first(where: { $0.key == key })?.value
    }

    /// The value of a key that must be given.
    func required(_ key: String) throws(PipelineFileError) -> PipelineValue {
        guard let value = self[key] else {
            throw owner.error("missing key '\(key)' \(owner.where_)")
        }
        return value
    }

    /// Whether the mapping has no entries.
    var isEmpty: Bool { entries.isEmpty }
}
