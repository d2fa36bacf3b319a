import Foundation
import Tabular

/// One file of the data folder being written: bytes are collected in a reused buffer and flushed
/// to a `FileHandle` whenever the buffer passes `flushSize`, so memory stays constant whatever the
/// file's size.
struct SampleFileStream {
    /// The file's path inside the data folder.
    let path: String
    private let url: URL
    private let handle: FileHandle
    /// Bytes handed to the file so far.
    private(set) var written = 0

    /// The buffer size at which callers flush.
    static let flushSize = 1 << 20

    /// Creates (or truncates) `path` inside `directory`, creating its folder.
    init(directory: URL, path: String) throws {
        self.path = path
        url = directory.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw SampleError.cannotWrite(path: folder.path, reason: "\(error)")
        }
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw SampleError.cannotWrite(path: url.path, reason: "the file cannot be created")
        }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw SampleError.cannotWrite(path: url.path, reason: "\(error)")
        }
    }

    /// Writes `bytes` to the file.
    mutating func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw SampleError.cannotWrite(path: url.path, reason: "\(error)")
        }
        written += bytes.count
    }

    /// Closes the file.
    func close() throws {
        do {
            try handle.close()
        } catch {
            throw SampleError.cannotWrite(path: url.path, reason: "\(error)")
        }
    }
}

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
