import Foundation
import PulseKit
import Tabular

/// A CSV file of the data folder: the canonical header, then rows appended through `csv`.
struct SampleCSVFile {
    /// The rows being written (flushed to the file as they accumulate).
    var csv = CSVWriter(capacity: SampleFileStream.flushSize + 64 * 1024)
    private var stream: SampleFileStream
    /// Data rows written (header excluded).
    private(set) var rows = 0

    /// Opens the canonical file of `source` in `directory` and writes its header.
    init(directory: URL, source: CanonicalSource) throws {
        stream = try SampleFileStream(directory: directory, path: source.defaultPath)
        csv.appendRecord(source.columns)
    }

    /// Ends the current row, flushing the buffer when it is full.
    mutating func endRow() throws {
        csv.endRecord()
        rows += 1
        if csv.count >= SampleFileStream.flushSize { try flush() }
    }

    /// Hands the buffer to the file.
    mutating func flush() throws {
        try stream.write(csv.bytes)
        csv.removeAll()
    }

    /// Flushes and closes the file; returns what was written.
    mutating func finish() throws -> (path: String, rows: Int, bytes: Int) {
        try flush()
        try stream.close()
        return (stream.path, rows, stream.written)
    }
}
