import Foundation
import Tabular
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds a month's report set in a staging folder beside `OUT/M`, then swaps it in with one
/// rename, so readers see the previous complete set or the new complete set, never a mix.
///
/// Files are created with mode 0640 (0600 for raw quarantined rows) and folders 0750 (they hold
/// customer data); each file and
/// folder is fsynced before the swap. A run that fails before the swap leaves `OUT/M` untouched.
package struct ReportPublisher: Sendable {
    /// The published folder, `OUT/M`.
    package let destination: URL
    /// The staging folder, `OUT/.M.staging`.
    package let staging: URL
    /// Masks personal data in every file written through ``write(_:_:mode:)`` (the pipeline's
    /// `privacy.mask`; workbooks mask their cells themselves).
    package var mask: PersonalDataMask = .none

    /// Prepares an empty staging folder for `OUT/M` (removing one left by a killed run).
    package init(destination: URL) throws(RunError) {
        self.destination = destination
        let parent = destination.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(destination.lastPathComponent).staging")
        try Self.removeTree(staging)
        try Self.makeFolder(parent, intermediate: true)
        try Self.makeFolder(staging, intermediate: false)
    }

    /// Writes one file of the set (`name` may hold a subfolder, e.g. `qbr/A001.html`) with `mode`
    /// (0640, or 0600 for a file only its owner may read, such as the raw rows of `quarantine.csv`).
    package func write(_ name: String, _ bytes: [UInt8], mode: mode_t = 0o640) throws(RunError) {
        let url = staging.appendingPathComponent(name)
        let folder = url.deletingLastPathComponent()
        if folder.standardizedFileURL.path != staging.standardizedFileURL.path {
            try Self.makeFolder(folder, intermediate: true)
        }
        let bytes = mask.apply(bytes)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Self.failure("create", url) }
        defer { close(fd) }
        _ = fchmod(fd, mode)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Self.systemWrite(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard n > 0 else { throw Self.failure("write", url) }
            offset += n
        }
        guard fsync(fd) == 0 else { throw Self.failure("fsync", url) }
    }

    /// The staging path of `name` (its folder created), for a writer that writes the file itself (a
    /// workbook); ``publish()`` fsyncs it with the rest.
    package func prepare(_ name: String) throws(RunError) -> URL {
        let url = staging.appendingPathComponent(name)
        let folder = url.deletingLastPathComponent()
        if folder.standardizedFileURL.path != staging.standardizedFileURL.path {
            try Self.makeFolder(folder, intermediate: true)
        }
        return url
    }

    /// Gives a file written through ``prepare(_:)`` the set's file mode (0640).
    package func seal(_ url: URL) throws(RunError) {
        guard chmod(url.path, 0o640) == 0 else { throw Self.failure("chmod", url) }
    }

    /// Swaps the staging folder in as `OUT/M` and removes the previous set.
    package func publish() throws(RunError) {
        try Self.syncTree(staging)
        let parent = destination.deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: destination.path) {
            #if os(Linux)
            guard Self.exchange(staging.path, destination.path) == 0 else { throw Self.failure("swap in", destination) }
            #else
            let old = parent.appendingPathComponent(".\(destination.lastPathComponent).old")
            try Self.removeTree(old)
            guard rename(destination.path, old.path) == 0, rename(staging.path, destination.path) == 0 else {
                throw Self.failure("swap in", destination)
            }
            try Self.removeTree(old)
            #endif
            try Self.syncFolder(parent)
            try Self.removeTree(staging)
        } else {
            guard rename(staging.path, destination.path) == 0 else { throw Self.failure("rename into place", destination) }
        }
        try Self.syncFolder(parent)
    }

    /// Removes the staging folder (after a failure).
    package func discard() {
        try? Self.removeTree(staging)
    }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// `renameat2(…, RENAME_EXCHANGE)`: swaps two paths atomically (Linux 3.15+, glibc 2.28+).
    private static func exchange(_ a: String, _ b: String) -> Int32 {
        guard let symbol = dlsym(nil, "renameat2") else { errno = ENOSYS; return -1 }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */)
    }
    #endif

    private static func makeFolder(_ url: URL, intermediate: Bool) throws(RunError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .failed("\(url.path) exists and is not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: intermediate,
                                                    attributes: [.posixPermissions: 0o750])
        } catch {
            throw .failed("cannot create the folder \(url.path): \(error.localizedDescription)")
        }
        _ = chmod(url.path, 0o750)
    }

    private static func removeTree(_ url: URL) throws(RunError) {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do { try FileManager.default.removeItem(at: url) } catch {
            throw .failed("cannot remove \(url.path): \(error.localizedDescription)")
        }
    }

    private static func syncTree(_ url: URL) throws(RunError) {
        let children = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for child in children.sorted() {
            let path = url.appendingPathComponent(child)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory), isDirectory.boolValue {
                try syncTree(path)
            }
        }
        try syncFolder(url)
    }

    private static func syncFolder(_ url: URL) throws(RunError) {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open", url) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure("fsync", url) }
    }

    private static func failure(_ action: String, _ url: URL) -> RunError {
        .failed("cannot \(action) \(url.path): \(String(cString: strerror(errno)))")
    }
}
