import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run per warehouse at a time: an exclusive `flock` on `WAREHOUSE.lock`, which records the
/// holder's pid and start time.
///
/// The kernel releases the lock when the holding process ends, however it ends, so a run killed
/// with `kill -9` never leaves a lock that blocks the next run.
package final class RunLock: @unchecked Sendable {
    /// The lock file.
    package let path: String
    private var descriptor: Int32

    /// Takes the lock for the warehouse at `warehouse`, or throws ``RunError/locked(_:)`` naming the holder.
    package init(warehouse: URL, startedAt: String) throws(RunError) {
        path = warehouse.path + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw .failed("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(fd)
            close(fd)
            throw .locked("another run holds the lock on \(warehouse.path)\(holder.map { " (\($0))" } ?? ""); try again when it has finished")
        }
        descriptor = fd
        let text = "pid \(getpid()), started \(startedAt)\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// Gives the lock back (also done by the kernel when the process ends).
    package func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    private static func holder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : "held by \(text)"
    }
}
