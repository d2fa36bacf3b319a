import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// One parsed XML element: name, attributes, direct text, and child indices.
struct ParsedNode {
    var name: String
    var attributes: [String: String]
    var text: String
    var children: [Int]
    var parent: Int?
}

/// Collects the element tree of a document with Foundation's XMLParser.
final class XMLTreeCollector: NSObject, XMLParserDelegate {
    var nodes: [ParsedNode] = []
    private var stack: [Int] = []
    var errors: [String] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let index = nodes.count
        nodes.append(ParsedNode(name: elementName, attributes: attributeDict, text: "", children: [], parent: stack.last))
        if let parent = stack.last { nodes[parent].children.append(index) }
        stack.append(index)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = stack.last { nodes[current].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        errors.append(String(describing: parseError))
    }
}

/// A parsed SVG document.
struct ParsedSVG {
    let nodes: [ParsedNode]

    var root: ParsedNode { nodes[0] }

    func all(_ name: String) -> [ParsedNode] { nodes.filter { $0.name == name } }

    func withClass(_ className: String) -> [ParsedNode] {
        nodes.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    /// All text inside node `index`, including descendants.
    func fullText(_ index: Int) -> String {
        nodes[index].text + nodes[index].children.map { fullText($0) }.joined()
    }

    /// Indices of all descendants of node `index`.
    func descendants(_ index: Int) -> [Int] {
        nodes[index].children.flatMap { [$0] + descendants($0) }
    }

    /// Plot markers (those inside the `lines` group, not the legend's swatches).
    var plotMarkers: [ParsedNode] {
        guard let lines = nodes.firstIndex(where: { $0.attributes["class"] == "lines" }) else { return [] }
        return descendants(lines).map { nodes[$0] }.filter { ($0.attributes["class"] ?? "").hasPrefix("marker") }
    }

    func index(of node: ParsedNode) -> Int? {
        nodes.firstIndex { $0.name == node.name && $0.attributes == node.attributes && $0.text == node.text }
    }
}

enum SVGTestSupport {
    /// Parses `svg` with XMLParser, failing the test when it is not well-formed.
    static func parse(_ svg: String, file: StaticString = #filePath, line: UInt = #line) -> ParsedSVG? {
        // No DTD or entity is ever parsed (FoundationXML could resolve an external one).
        guard !svg.contains("<!DOCTYPE"), !svg.contains("<!ENTITY") else {
            XCTFail("a chart must not declare a DTD or an entity", file: file, line: line)
            return nil
        }
        let parser = XMLParser(data: Data(svg.utf8))
        parser.shouldResolveExternalEntities = false
        let collector = XMLTreeCollector()
        parser.delegate = collector
        let ok = parser.parse()
        XCTAssertTrue(ok, "not well-formed XML: \(collector.errors) \(parser.parserError.map { String(describing: $0) } ?? "")\n\(svg.prefix(2000))", file: file, line: line)
        XCTAssertTrue(collector.errors.isEmpty, "parse errors: \(collector.errors)", file: file, line: line)
        guard ok, !collector.nodes.isEmpty else { return nil }
        return ParsedSVG(nodes: collector.nodes)
    }

    static let geometryAttributes: Set<String> = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height",
                                                  "d", "transform", "viewBox"]
    static let forbiddenElements: Set<String> = ["script", "foreignObject", "image", "use", "a", "img", "iframe",
                                                 "style", "animate", "set", "object", "embed", "feImage", "handler"]

    /// Numeric tokens of an attribute value such as "M12.5 -3L4 5" → ["12.5", "-3", "4", "5"].
    static func numbers(in value: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in value {
            if character.isNumber || character == "." || (character == "-" && current.isEmpty) || character == "e" && !current.isEmpty {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current) }
                current = character == "-" ? "-" : ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens.filter { $0 != "-" }
    }

    /// The raw markup of every tag in `svg` (text never contains a raw "<" because it is escaped).
    static func tags(in svg: String) -> [Substring] {
        var result: [Substring] = []
        var rest = svg[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { result.append(rest[open...]); break }
            result.append(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// Asserts the safety, well-formedness and formatting rules every chart must satisfy.
    @discardableResult
    static func assertValid(_ svg: String, accessible: Bool = true,
                            file: StaticString = #filePath, line: UInt = #line) -> ParsedSVG? {
        guard let parsed = parse(svg, file: file, line: line) else { return nil }
        XCTAssertEqual(parsed.root.name, "svg", file: file, line: line)
        XCTAssertEqual(parsed.root.attributes["xmlns"], "http://www.w3.org/2000/svg", file: file, line: line)
        if accessible {
            XCTAssertEqual(parsed.root.attributes["role"], "img", file: file, line: line)
            XCTAssertEqual(parsed.root.attributes["class"], "chart", file: file, line: line)
            let id = parsed.root.attributes["aria-labelledby"]?.split(separator: " ").first.map { String($0.dropLast(6)) } ?? ""
            XCTAssertEqual(parsed.root.attributes["aria-labelledby"], "\(id)-title \(id)-desc", file: file, line: line)
            XCTAssertTrue(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } && !id.isEmpty,
                          "bad id \(id)", file: file, line: line)
            let first = parsed.root.children.prefix(2).map { parsed.nodes[$0] }
            XCTAssertEqual(first.map(\.name), ["title", "desc"], file: file, line: line)
            XCTAssertEqual(first.first?.attributes["id"], "\(id)-title", file: file, line: line)
            XCTAssertEqual(first.last?.attributes["id"], "\(id)-desc", file: file, line: line)
            XCTAssertFalse((first.last?.text ?? "").isEmpty, "empty desc", file: file, line: line)
            XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), file: file, line: line)
        }
        for node in parsed.nodes {
            XCTAssertFalse(forbiddenElements.contains(node.name), "forbidden element \(node.name)", file: file, line: line)
            for (name, value) in node.attributes {
                XCTAssertFalse(name.lowercased().hasPrefix("on"), "event attribute \(name)", file: file, line: line)
                XCTAssertFalse(name.lowercased().contains("href"), "href attribute \(name)", file: file, line: line)
                XCTAssertNotEqual(name, "style", file: file, line: line)
                XCTAssertFalse(value.lowercased().contains("javascript:"), "javascript: in \(name)", file: file, line: line)
                XCTAssertFalse(value.lowercased().contains("url("), "url( in \(name)", file: file, line: line)
                if geometryAttributes.contains(name) {
                    for token in numbers(in: value) {
                        XCTAssertNotEqual(token, "-0", "negative zero in \(name)=\(value)", file: file, line: line)
                        XCTAssertFalse(token.contains("e"), "exponent in \(name)=\(value)", file: file, line: line)
                        let fraction = token.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first ?? ""
                        XCTAssertLessThanOrEqual(fraction.count, 1, "more than 1 decimal in \(name)=\(value)", file: file, line: line)
                        XCTAssertNotNil(Double(token), "not a number \(token) in \(name)", file: file, line: line)
                    }
                }
            }
        }
        let lower = svg.lowercased()
        XCTAssertFalse(lower.contains("<script"), file: file, line: line)
        XCTAssertFalse(lower.contains("<img"), file: file, line: line)
        XCTAssertFalse(lower.contains("<!"), "no DOCTYPE/CDATA/comments", file: file, line: line)
        XCTAssertFalse(lower.contains("<?"), "no processing instructions", file: file, line: line)
        for tag in tags(in: svg) {
            let text = tag.lowercased()
            XCTAssertFalse(text.contains("javascript:"), "javascript: inside tag \(tag)", file: file, line: line)
            for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "<" }) {
                XCTAssertFalse(token.hasPrefix("on") && token.contains("="), "event attribute in tag \(tag)", file: file, line: line)
            }
        }
        var rest = svg[...]
        while let amp = rest.firstIndex(of: "&") {
            let tail = rest[amp...]
            XCTAssertTrue(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains { tail.hasPrefix($0) },
                          "unexpected reference \(tail.prefix(10))", file: file, line: line)
            rest = rest[rest.index(after: amp)...]
        }
        for scalar in svg.unicodeScalars {
            let value = scalar.value
            let illegal = (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
            XCTAssertFalse(illegal, "illegal character U+\(String(value, radix: 16))", file: file, line: line)
        }
        return parsed
    }
}

/// Formatters used in tests.
enum TestFormat {
    static let percent: @Sendable (Double) -> String = { String(format: "%.1f%%", $0) }
    static let integer: @Sendable (Double) -> String = { String(Int($0.rounded())) }
    static let plain: @Sendable (Double) -> String = { value in
        value == value.rounded() && Swift.abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
    static let months = ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04",
                         "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
}
