import Foundation

/// Serializes `workbook_close` calls that would race on libxlsxwriter's one piece of
/// process-wide state.
///
/// libxlsxwriter 1.1.4 formats the document timestamp with `gmtime()`, which returns a
/// pointer to a static buffer shared by every thread. Two workbooks closing at once with
/// different timestamps could swap them. Closes with the same timestamp produce the same
/// bytes in that buffer, so they may overlap; closes with different timestamps take turns.
final class CloseGate: @unchecked Sendable {
    /// The one gate for the process.
    static let shared = CloseGate()

    private let condition = NSCondition()
    private var activeTimestamp: Int64 = 0
    private var activeCount = 0

    /// Runs `body` once no close with a different timestamp is in progress.
    func run<Result>(timestamp: Int64, _ body: () -> Result) -> Result {
        condition.lock()
        while activeCount > 0 && activeTimestamp != timestamp {
            condition.wait()
        }
        activeTimestamp = timestamp
        activeCount += 1
        condition.unlock()
        defer {
            condition.lock()
            activeCount -= 1
            if activeCount == 0 { condition.broadcast() }
            condition.unlock()
        }
        return body()
    }
}
