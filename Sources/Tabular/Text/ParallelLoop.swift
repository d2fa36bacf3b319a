import Dispatch

/// Runs the iterations of a loop on at most `jobs` threads at once.
public enum ParallelLoop {
    /// Calls `body(i)` for every `i` in `0..<count`, on at most `jobs` threads; with one job,
    /// in order on the calling thread. Iteration `i` runs on worker `i % jobs`.
    public static func run(_ count: Int, jobs: Int, _ body: (Int) -> Void) {
        let workers = min(max(1, jobs), count)
        if workers <= 1 {
            for i in 0..<count { body(i) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let task = UnsafeSendable(body)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var i = w
                while i < count {
                    task.value(i)
                    i += workers
                }
            }
        }
    }
}
