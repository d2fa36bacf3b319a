/// Why a sample could not be generated.
public enum SampleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A setting is out of range.
    case invalidSettings(String)
    /// A folder or file could not be created or written.
    case cannotWrite(path: String, reason: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .invalidSettings(let reason): "invalid sample settings: \(reason)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
