import Foundation

/// Faults injected by tests through the `PULSE_FAILPOINT` environment variable, compiled into
/// debug builds only (a release build ignores the variable).
///
/// - `before-publish`: the run fails after the report stage, before anything is published.
/// - `pause-usage-staging`: after staging the first batch of usage events (inside the load's
///   transaction), writes the file named by `PULSE_FAILPOINT_MARKER` and waits to be killed.
enum Failpoint: String {
    case beforePublish = "before-publish"
    case pauseUsageStaging = "pause-usage-staging"

    /// Whether this failpoint is set.
    var isActive: Bool {
        #if DEBUG
        ProcessInfo.processInfo.environment["PULSE_FAILPOINT"] == rawValue
        #else
        false
        #endif
    }

    /// For `pause-usage-staging`: signals the test through the marker file and never returns.
    func pause() {
        #if DEBUG
        if let marker = ProcessInfo.processInfo.environment["PULSE_FAILPOINT_MARKER"] {
            _ = FileManager.default.createFile(atPath: marker, contents: Data("paused\n".utf8))
        }
        while true { sleep(60) }
        #endif
    }
}
