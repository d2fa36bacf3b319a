import Crypto
import Foundation

/// What identifies an input file's content: its size and SHA-256. Loading a file whose
/// fingerprint the warehouse already holds for an `append` source is a no-op.
public struct FileFingerprint: Sendable, Hashable {
    /// The size in bytes.
    public var bytes: Int
    /// The SHA-256 of the content, lowercase hex.
    public var sha256: String

    /// Creates a fingerprint from known values.
    public init(bytes: Int, sha256: String) {
        self.bytes = bytes
        self.sha256 = sha256
    }

    /// The fingerprint of the file at `path`, read in 4 MiB blocks.
    public init(path: String) throws(WarehouseError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw WarehouseError(path: path, message: "cannot open the file to fingerprint it")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        do {
            while let block = try handle.read(upToCount: 4 << 20), !block.isEmpty {
                hasher.update(data: block)
                total += block.count
            }
        } catch {
            throw WarehouseError(path: path, underlying: error)
        }
        self.init(bytes: total, sha256: Self.hex(hasher.finalize()))
    }

    /// The SHA-256 of `bytes`, lowercase hex (the pipeline file's hash).
    public static func sha256(of bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
