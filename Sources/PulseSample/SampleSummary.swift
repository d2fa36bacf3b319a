/// Counts of what was written, per file.
public struct SampleSummary: Sendable {
    /// Each file written, in canonical source order: its path inside the data folder, its data
    /// rows (header excluded; lines for JSON Lines) and its size in bytes.
    public var files: [(path: String, rows: Int, bytes: Int)]

    /// A summary of the given files.
    public init(files: [(path: String, rows: Int, bytes: Int)]) {
        self.files = files
    }

    /// The size of all files together, in bytes.
    public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes } }
}
