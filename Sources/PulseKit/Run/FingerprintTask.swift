import Dispatch
import Foundation

/// Fingerprints input files on a background thread while the extract stage reads them.
final class FingerprintTask: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result<[String: FileFingerprint], WarehouseError> = .success([:])

    /// Starts fingerprinting `files` (paths relative to `folder`).
    init(files: [String], folder: URL) {
        DispatchQueue.global().async(group: group) { [self] in
            var fingerprints: [String: FileFingerprint] = [:]
            for file in files where fingerprints[file] == nil {
                do throws(WarehouseError) { fingerprints[file] = try FileFingerprint(path: folder.appendingPathComponent(file).path) } catch {
                    result = .failure(error)
                    return
                }
            }
            result = .success(fingerprints)
        }
    }

    /// The fingerprints by relative path, once all are done.
    func wait() throws(RunError) -> [String: FileFingerprint] {
        group.wait()
        switch result {
        case .success(let fingerprints): return fingerprints
        case .failure(let error): throw .failed(error.description)
        }
    }
}
