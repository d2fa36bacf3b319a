/// An error that stops a command, with the exit code of the command line (docs/operations.md, "Exit codes").
public enum PulseError: Error, CustomStringConvertible {
    /// The pipeline file is missing or wrong (exit 2).
    case pipeline(PipelineFileError)
    /// The data folder does not exist (exit 2).
    case missingDataFolder(String)
    /// An input file cannot be read as a whole (exit 1; a missing required source is a
    /// configuration error, exit 2).
    case ingest(IngestError)

    /// The process exit status for this error.
    public var exitCode: Int32 {
        switch self {
        case .pipeline, .missingDataFolder: 2
        case .ingest(let error): error.isMissingRequiredSource ? 2 : 1
        }
    }

    /// The message printed to standard error.
    public var description: String {
        switch self {
        case .pipeline(let error): "\(error)"
        case .missingDataFolder(let path): "data folder not found: \(path)"
        case .ingest(let error): "\(error)"
        }
    }
}
