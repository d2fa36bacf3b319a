import Foundation

/// Locates the shared test data (`<package root>/../shared/data`, else `/work/shared/data`).
enum JSONFixtures {
    /// The shared data folder, when present.
    static let dataDirectory: URL? = {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // TabularTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
        let candidates = [
            packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data"),
            URL(fileURLWithPath: "/work/shared/data"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    /// The bytes of a file under the data folder, e.g. `zendesk/tickets.json`.
    static func bytes(_ relativePath: String) -> [UInt8]? {
        guard let dir = dataDirectory,
            let data = FileManager.default.contents(atPath: dir.appendingPathComponent(relativePath).path)
        else { return nil }
        return [UInt8](data)
    }
}
