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

    /// Reads one whole file of a source as UTF-8 text, with the reader that tells its size and
    /// encoding; a file that cannot be read or decoded is an ``IngestError`` naming it.
    static func readText(_ file: String, settings: SourceConfiguration, in directory: URL) throws(IngestError) -> (DecodedText, TextFileReader) {
        do {
            let reader = try TextFileReader(path: directory.appendingPathComponent(file).path,
                                            encoding: settings.encoding.textEncoding)
            return (try reader.readText(), reader)
        } catch {
            throw IngestError(source: settings.source, file: file, message: error.message)
        }
    }
}
