/// Appends SVG markup to a string. Element and attribute names come from this library only;
/// every attribute value and every text node is escaped.
struct SVGWriter: Sendable {
    /// The markup written so far.
    private(set) var output = ""

    /// Starts an element: `<name a="v" …>`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        output += "<" + name
        appendAttributes(attributes)
        output += ">"
    }

    /// Writes an empty element: `<name a="v" …/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        output += "<" + name
        appendAttributes(attributes)
        output += "/>"
    }

    /// Ends an element.
    mutating func close(_ name: String) {
        output += "</" + name + ">"
    }

    /// Writes escaped character data.
    mutating func text(_ content: String) {
        output += SVGText.escape(content)
    }

    /// Writes `<name …>content</name>` with `content` escaped.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        open(name, attributes)
        text(content)
        close(name)
    }

    /// Writes `<title>…</title>` (a tooltip and accessible name for its parent).
    mutating func title(_ content: String) {
        element("title", text: content)
    }

    private mutating func appendAttributes(_ attributes: [(String, String)]) {
        for (name, value) in attributes {
            output += " " + name + "=\"" + SVGText.escape(value) + "\""
        }
    }
}
