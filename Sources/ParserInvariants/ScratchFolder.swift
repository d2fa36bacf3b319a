import Foundation

/// Fresh temporary folders for the checks whose parsers read files (text decoding, chunked CSV,
/// ingest). Each call gets its own folder, removed afterwards, so checks may run concurrently.
enum ScratchFolder {
    private static let counter = Counter()

    /// Calls `body` with a new empty folder, then removes the folder and everything in it.
    static func with<R>(_ body: (URL) throws -> R) rethrows -> R {
        let name = "pulse-invariants-\(getpid())-\(counter.next())"
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// Writes `bytes` to `name` inside `folder` (creating subfolders) and returns the file's path.
    static func write(_ bytes: [UInt8], to name: String, in folder: URL) -> String {
        let url = folder.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url.path
    }

    /// A thread-safe counter for folder names.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.withLock {
                value += 1
                return value
            }
        }
    }
}
