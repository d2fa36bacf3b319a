import Foundation
import PulseKit

/// A JSON Lines file of the data folder: one object per line, appended through `line`.
struct SampleJSONLinesFile {
    /// The lines being written (flushed to the file as they accumulate).
    var line = SampleJSONLine(capacity: SampleFileStream.flushSize + 64 * 1024)
    private var stream: SampleFileStream
    /// Lines written.
    private(set) var rows = 0

    /// Opens the canonical file of `source` in `directory`.
    init(directory: URL, source: CanonicalSource) throws {
        stream = try SampleFileStream(directory: directory, path: source.defaultPath)
    }

    /// Ends the current line, flushing the buffer when it is full.
    mutating func endRow() throws {
        line.endLine()
        rows += 1
        if line.bytes.count >= SampleFileStream.flushSize { try flush() }
    }

    /// Hands the buffer to the file.
    mutating func flush() throws {
        try stream.write(line.bytes)
        line.bytes.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; returns what was written.
    mutating func finish() throws -> (path: String, rows: Int, bytes: Int) {
        try flush()
        try stream.close()
        return (stream.path, rows, stream.written)
    }
}
