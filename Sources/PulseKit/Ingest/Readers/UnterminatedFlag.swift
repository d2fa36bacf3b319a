import Foundation

/// The first line, if any, of a record that runs into the end of the file inside quotes;
/// written by parallel workers.
final class UnterminatedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int?

    var line: Int? { lock.withLock { value } }

    func set(_ line: Int) { lock.withLock { value = min(value ?? line, line) } }
}
