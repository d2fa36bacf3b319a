import Foundation

/// One file of the data folder being written: an open `FileHandle` that the buffered writers
/// (`SampleCSVFile`, `SampleJSONLinesFile`) hand their full buffers to, so memory stays constant
/// whatever the file's size.
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
