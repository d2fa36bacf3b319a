import Foundation
import Tabular

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

    /// Refuses a matched file of `source` that a symbolic link (the file itself or a folder on its
    /// path) leads out of `directory`: the pipeline may only read inside its data folder.
    static func checkInside(_ file: String, of directory: URL, source: CanonicalSource) throws(IngestError) {
        guard let root = realPath(directory.path), let target = realPath(directory.appendingPathComponent(file).path) else { return }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard target.hasPrefix(prefix) else {
            throw IngestError(source: source, file: file,
                              message: "the file is a symbolic link, or lies under one, that leads out of the data folder (to \(target)); "
                                  + "expected a file inside \(root)")
        }
    }

    /// The canonical absolute path of `path` with every symbolic link resolved, or nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads one whole file of a source as UTF-8 text, with the reader that tells its size and
    /// encoding; a file that cannot be read or decoded is an ``IngestError`` naming it.
    static func readText(_ file: String, settings: SourceConfiguration, in directory: URL) throws(IngestError) -> (DecodedText, TextFileReader) {
        do {
            let reader = try TextFileReader(path: directory.appendingPathComponent(file).path,
                                            encoding: settings.encoding.textEncoding)
            return (try reader.readText(), reader)
        } catch {
            throw IngestError(settings, file: file, reading: error)
        }
    }
}
