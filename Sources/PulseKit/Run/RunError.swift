import Tabular

/// Why a run stopped without publishing, with the exit code of the command line (docs/operations.md,
/// "Exit codes").
public enum RunError: Error, CustomStringConvertible, Sendable {
    /// A bad command-line option (exit 2).
    case badOption(String)
    /// The pipeline file or its data folder is wrong (exit 2 or as the error says).
    case pulse(PulseError)
    /// Another run holds the warehouse's lock (exit 4).
    case locked(String)
    /// Sources quarantined more than the pipeline allows (exit 3).
    case dataQuality(String)
    /// The run failed (exit 1): nothing was published.
    case failed(String)
    /// Another case's message with personal data masked (the pipeline's `privacy.mask`), keeping its
    /// exit code.
    case masked(String, exitCode: Int32)

    /// This error with `mask` applied to its message.
    public func masked(by mask: PersonalDataMask) -> RunError {
        if mask.isEmpty { return self }
        if case .masked = self { return self }
        return .masked(mask.apply(description), exitCode: exitCode)
    }

    /// The process exit status.
    public var exitCode: Int32 {
        switch self {
        case .badOption: 2
        case .pulse(let error): error.exitCode
        case .locked: 4
        case .dataQuality: 3
        case .failed: 1
        case .masked(_, let code): code
        }
    }

    /// The status the run ledger records.
    var ledgerStatus: String {
        switch self {
        case .dataQuality: "rejected"
        case .masked(_, let code): code == 3 ? "rejected" : "failed"
        default: "failed"
        }
    }

    /// The message printed to standard error.
    public var description: String {
        switch self {
        case .badOption(let message): message
        case .pulse(let error): error.description
        case .locked(let message): message
        case .dataQuality(let message): message
        case .failed(let message): message
        case .masked(let message, _): message
        }
    }
}
