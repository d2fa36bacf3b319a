import Foundation

/// Locates the team's shared folder of real public exports (`../shared/data` beside the checkout).
enum SharedData {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var directory: URL {
        let beside = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: "/work/shared/data")
    }

    static func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String = "file.csv") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
