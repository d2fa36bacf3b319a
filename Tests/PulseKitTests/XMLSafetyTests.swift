import Foundation
import Testing

/// Pulse parses no XML itself; the tests parse its pages and charts, and refuse any DTD or entity
/// declaration instead of letting FoundationXML resolve an external entity (which reads local files).
@Suite struct XMLSafetyTests {
    @Test func aPageDeclaringAnExternalEntityIsRefusedUnread() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-xxe-\(UUID().uuidString)")
        try Data("TOP-SECRET".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let page = "<!DOCTYPE html [<!ENTITY x SYSTEM \"file://\(secret.path)\">]><html><body><p data-metric=\"m\" data-scope=\"s\" data-value=\"&x;\">&x;</p></body></html>"
        let checker = PageChecker()
        #expect(!checker.parse(page))
        #expect(checker.figures.isEmpty, "nothing was read from the page")
    }

    @Test func noSourceFileParsesXML() throws {
        let sources = packageRoot.appendingPathComponent("Sources")
        let walker = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let url as URL in walker where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(!text.contains("XMLParser") && !text.contains("XMLDocument"), "\(url.lastPathComponent) parses XML")
        }
    }
}
