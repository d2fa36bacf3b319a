import Dispatch
import Foundation

/// Runs the iterations of a loop on at most `jobs` threads at once.
public enum ParallelLoop {
    /// Calls `body(i)` for every `i` in `0..<count`, on at most `jobs` threads, each thread
    /// taking the next iteration as it finishes one (so uneven iterations balance); with one
    /// job, in order on the calling thread. Iterations must write only their own results.
    public static func run(_ count: Int, jobs: Int, _ body: (Int) -> Void) {
        let workers = min(max(1, jobs), count)
        if workers <= 1 {
            for i in 0..<count { body(i) }
            return
        }
        let counter = IterationCounter()
        withoutActuallyEscaping(body) { body in
            let task = UnsafeSendable(body)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let i = counter.next(below: count) { task.value(i) }
            }
        }
    }
}

/// Hands out loop iterations, one at a time, to the threads of a ``ParallelLoop``.
private final class IterationCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < count else { return nil }
        value += 1
        return value - 1
    }
}
