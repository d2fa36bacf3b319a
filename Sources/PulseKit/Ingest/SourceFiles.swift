import Foundation

/// The files a source's configured path names: one file, or the matches of a glob in its last
/// path component (`helpdesk/tickets-*.jsonl`), sorted by name so every run reads them in the
/// same order.
enum SourceFiles {
    /// The relative paths matching `pattern` inside `directory`; empty when nothing matches.
    static func resolve(_ pattern: String, in directory: URL) -> [String] {
        let isGlob = pattern.contains(where: { "*?[".contains($0) })
        guard isGlob else {
            var isDirectory: ObjCBool = false
            let full = directory.appendingPathComponent(pattern).path
            return FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) && !isDirectory.boolValue ? [pattern] : []
        }
        let folder = (pattern as NSString).deletingLastPathComponent
        let namePattern = (pattern as NSString).lastPathComponent
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
        return listed
            .filter { fnmatch(namePattern, $0, 0) == 0 }
            .sorted()
            .map { folder.isEmpty ? $0 : folder + "/" + $0 }
    }
}
