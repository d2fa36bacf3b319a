import Foundation
import Tabular

/// The properties of encoding detection and decoding (``UTF8Validation``, ``Transcoder``,
/// ``TextFileReader``), checked on any bytes taken as a file.
///
/// - ``UTF8Validation`` says what the standard library's UTF-8 decoder says: valid, the offset of
///   the first bad sequence, or a valid prefix cut short at the end.
/// - A ``Transcoder`` gives the same text (or fails at the same byte) however its input is split
///   into chunks; what it gives is valid UTF-8, and UTF-16 decodes losslessly (encoding the text
///   again gives the input back).
/// - ``TextFileReader`` detection is deterministic and follows its rules on a file that fits in
///   the first chunk (byte-order mark, else strict UTF-8, else CP932); decoding valid UTF-8 is the
///   identity; the text is valid UTF-8; small chunks read the same text as one large chunk (or fail
///   at the same byte offset) whenever they detect the same encoding, and a declared encoding
///   reads the same text in any chunk size. Error offsets lie inside the file.
public enum EncodingInvariants {
    static let parser = "Encoding"

    /// Checks every encoding property on `bytes`; throws the first one that fails.
    public static func check(_ bytes: [UInt8]) throws(InvariantViolation) {
        try checkValidation(bytes)
        for encoding in [TextEncoding.utf16LittleEndian, .utf16BigEndian, .shiftJIS] {
            try checkTranscoder(encoding, bytes)
        }
        let outcome: Result<Void, InvariantViolation> = ScratchFolder.with { folder in
            let path = ScratchFolder.write(bytes, to: "text.csv", in: folder)
            do throws(InvariantViolation) {
                try checkDetection(path: path, bytes)
                for encoding in TextEncoding.allCases { try checkDeclared(encoding, path: path, bytes) }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
    }

    // MARK: - UTF-8 validation

    /// ``UTF8Validation/validate(_:)`` agrees with the standard library's decoder.
    static func checkValidation(_ bytes: [UInt8]) throws(InvariantViolation) {
        let exact = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        defer { exact.deallocate() }
        _ = exact.initialize(from: bytes)
        let outcome = UTF8Validation.validate(UnsafeBufferPointer(exact))
        let expected = referenceValidation(bytes)
        try require(outcome == expected, parser, "UTF-8 validation agrees with the standard library",
                    "\(outcome) instead of \(expected) for \(bytes.map { String($0, radix: 16) })")
    }

    /// The outcome of validating `bytes`, from the standard library's UTF-8 parser.
    static func referenceValidation(_ bytes: [UInt8]) -> UTF8Validation.Outcome {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .emptyInput:
                return .valid
            case .error:
                return canComplete(Array(bytes[offset...])) ? .truncated(validPrefix: offset) : .invalid(offset: offset)
            }
        }
    }

    /// Whether some continuation bytes after `rest` make it exactly one valid scalar.
    static func canComplete(_ rest: [UInt8]) -> Bool {
        guard (1...3).contains(rest.count) else { return false }
        for next: UInt8 in [0x80, 0x90, 0xA0, 0xBF] {
            for extra in 0..<(4 - rest.count) {
                let candidate = rest + [next] + Array(repeating: 0x80, count: extra)
                if let text = String(validating: candidate, as: UTF8.self), text.unicodeScalars.count == 1 { return true }
            }
        }
        return false
    }

    // MARK: - Transcoder

    /// The text of `bytes` in `encoding`, fed to a transcoder in pieces of `piece` bytes (all at once for nil).
    static func transcode(_ encoding: TextEncoding, _ bytes: [UInt8], piece: Int?) -> Result<[UInt8], TextDecodingError> {
        do throws(TextDecodingError) {
            let transcoder = try Transcoder(from: encoding)
            var output: [UInt8] = []
            let size = max(piece ?? bytes.count, 1)
            var start = 0
            repeat {
                let end = min(start + size, bytes.count)
                try bytes[start..<end].withUnsafeBufferPointer { chunk throws(TextDecodingError) in
                    try transcoder.transcode(chunk, final: end == bytes.count, into: &output)
                }
                start = end
            } while start < bytes.count
            return .success(output)
        } catch {
            return .failure(error)
        }
    }

    /// Splitting the input does not change the text or the failing offset; the text is UTF-8, and
    /// UTF-16 encodes back to the input.
    static func checkTranscoder(_ encoding: TextEncoding, _ bytes: [UInt8]) throws(InvariantViolation) {
        let whole = transcode(encoding, bytes, piece: nil)
        for piece in [1, 2 + Int(bytes.first ?? 0) % 7] {
            let split = transcode(encoding, bytes, piece: piece)
            try require(sameOutcome(whole, split), parser, "transcoding in pieces gives the text of one piece",
                        "\(encoding.rawValue) in pieces of \(piece): \(describe(split)) instead of \(describe(whole)) for \(show(bytes))")
        }
        guard case .success(let text) = whole else { return }
        try requireUTF8(text, "\(encoding.rawValue) transcoder output")
        if let utf16 = utf16Bytes(text, encoding) {
            try require(utf16 == bytes, parser, "UTF-16 decodes losslessly",
                        "\(encoding.rawValue): \(bytes.count) bytes decode to \(show(text)), which encodes to \(utf16.count) other bytes")
        }
    }

    /// `text` (UTF-8) encoded as UTF-16 in the byte order of `encoding`; nil for other encodings.
    static func utf16Bytes(_ text: [UInt8], _ encoding: TextEncoding) -> [UInt8]? {
        guard encoding == .utf16LittleEndian || encoding == .utf16BigEndian else { return nil }
        var out: [UInt8] = []
        for unit in String(decoding: text, as: UTF8.self).utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            out.append(contentsOf: encoding == .utf16LittleEndian ? [low, high] : [high, low])
        }
        return out
    }

    static func sameOutcome(_ a: Result<[UInt8], TextDecodingError>, _ b: Result<[UInt8], TextDecodingError>) -> Bool {
        switch (a, b) {
        case let (.success(x), .success(y)): x == y
        case let (.failure(x), .failure(y)): x.byteOffset == y.byteOffset
        default: false
        }
    }

    static func describe(_ outcome: Result<[UInt8], TextDecodingError>) -> String {
        switch outcome {
        case .success(let text): "text \(show(text))"
        case .failure(let error): "error \(error)"
        }
    }

    static func requireUTF8(_ text: [UInt8], _ what: String) throws(InvariantViolation) {
        let valid = text.withUnsafeBufferPointer { UTF8Validation.validate($0) } == .valid
            && String(validating: text, as: UTF8.self) != nil
        try require(valid, parser, "decoded text is valid UTF-8", "\(what): \(show(text))")
    }

    // MARK: - File reader

    /// A file opened and read to the end: the encoding, and the text or the error.
    struct Reading: Equatable {
        var detected: DetectedEncoding?
        var text: [UInt8]?
        var errorOffset: Int?
        var error: String?

        static func == (a: Reading, b: Reading) -> Bool {
            a.detected == b.detected && a.text == b.text && a.errorOffset == b.errorOffset
        }
    }

    static func read(_ path: String, encoding: TextEncoding?, chunkSize: Int) -> Reading {
        let reader: TextFileReader
        do {
            reader = try TextFileReader(path: path, encoding: encoding, chunkSize: chunkSize)
        } catch {
            return Reading(detected: nil, text: nil, errorOffset: error.byteOffset, error: error.description)
        }
        do {
            return Reading(detected: reader.detected, text: try reader.readAll(), errorOffset: nil, error: nil)
        } catch {
            return Reading(detected: reader.detected, text: nil, errorOffset: error.byteOffset, error: error.description)
        }
    }

    static func describe(_ reading: Reading) -> String {
        let encoding = reading.detected.map(\.description) ?? "none"
        if let text = reading.text { return "\(encoding): \(show(text))" }
        return "\(encoding): \(reading.error ?? "?")"
    }

    /// Detection follows its rules and is deterministic; small chunks agree with one large chunk.
    static func checkDetection(path: String, _ bytes: [UInt8]) throws(InvariantViolation) {
        let large = read(path, encoding: nil, chunkSize: 1 << 20)
        let again = read(path, encoding: nil, chunkSize: 1 << 20)
        try require(large == again, parser, "detection and decoding are deterministic",
                    "\(describe(large)) then \(describe(again)) for \(show(bytes))")
        try checkErrorOffset(large, bytes)
        if let text = large.text { try requireUTF8(text, "file read as \(large.detected!)") }

        // The whole file is in the first chunk, so the rules decide exactly.
        let expectedBOM: DetectedEncoding? =
            bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? DetectedEncoding(.utf8, hasByteOrderMark: true)
            : bytes.starts(with: [0xFF, 0xFE]) ? DetectedEncoding(.utf16LittleEndian, hasByteOrderMark: true)
            : bytes.starts(with: [0xFE, 0xFF]) ? DetectedEncoding(.utf16BigEndian, hasByteOrderMark: true)
            : nil
        let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
        if let expectedBOM {
            try require(large.detected == expectedBOM, parser, "a byte-order mark decides the encoding",
                        "\(describe(large)) for \(show(bytes))")
            let body = Array(bytes.dropFirst(expectedBOM.encoding == .utf8 ? 3 : 2))
            if expectedBOM.encoding == .utf8 {
                if String(validating: body, as: UTF8.self) != nil {
                    try require(large.text == body, parser, "decoding valid UTF-8 is the identity",
                                "\(describe(large)) for \(show(bytes))")
                } else {
                    try require(large.text == nil, parser, "invalid UTF-8 after a byte-order mark is an error",
                                "\(describe(large)) for \(show(bytes))")
                }
            } else if let text = large.text {
                try require(utf16Bytes(text, expectedBOM.encoding) == body, parser, "UTF-16 decodes losslessly",
                            "\(describe(large)) for \(show(bytes))")
            }
        } else if isUTF8 && (TextFileReader.isZIPArchive(bytes) || TextFileReader.unmarkedUTF16(bytes) != nil) {
            // NULs every other byte (UTF-16 without a mark) or a ZIP header are valid UTF-8, but no
            // export is text like that: such a file is refused with what it looks like.
            try require(large.text == nil, parser, "a ZIP archive or UTF-16 without a mark is refused, not read",
                        "\(describe(large)) for \(show(bytes))")
        } else if isUTF8 {
            try require(large.detected == DetectedEncoding(.utf8) && large.text == bytes, parser,
                        "valid UTF-8 is detected as UTF-8 and decodes to itself", "\(describe(large)) for \(show(bytes))")
        } else if let detected = large.detected {
            try require(detected == DetectedEncoding(.shiftJIS) && large.text != nil, parser,
                        "text that is not UTF-8 is detected as CP932 only when it decodes as CP932",
                        "\(describe(large)) for \(show(bytes))")
        }

        let small = read(path, encoding: nil, chunkSize: 64)
        try checkErrorOffset(small, bytes)
        if small.text == nil && large.text == nil && bytes.count >= 64 {
            // Both refuse the file; the reasons may differ, because the first chunk is all that
            // detection sees (64 bytes against the whole file: UTF-16 without a mark shows only
            // in the longer one), and a first chunk of exactly the file's 64 bytes is not known to
            // be the last, so a character cut at its end reads as "more to come".
        } else if small.detected == large.detected {
            try require(small == large, parser, "small chunks read what one large chunk reads",
                        "\(describe(small)) instead of \(describe(large)) for \(show(bytes))")
        } else {
            try require(bytes.count > 64, parser, "detection from a first chunk holding the whole file does not depend on the chunk size",
                        "\(describe(small)) instead of \(describe(large)) for \(show(bytes))")
        }
    }

    /// A declared encoding reads the same in any chunk size, as its transcoder does.
    static func checkDeclared(_ encoding: TextEncoding, path: String, _ bytes: [UInt8]) throws(InvariantViolation) {
        let large = read(path, encoding: encoding, chunkSize: 1 << 20)
        let small = read(path, encoding: encoding, chunkSize: 64)
        try checkErrorOffset(large, bytes)
        try checkErrorOffset(small, bytes)
        try require(small == large, parser, "a declared encoding reads the same in any chunk size",
                    "declared \(encoding.rawValue): \(describe(small)) with 64-byte chunks, \(describe(large)) with one chunk, for \(show(bytes))")
        guard let detected = large.detected, !detected.hasByteOrderMark else { return }
        let expected: Result<[UInt8], TextDecodingError>
        if detected.encoding == .utf8 {
            expected = String(validating: bytes, as: UTF8.self) != nil ? .success(bytes) : .failure(TextDecodingError(byteOffset: -1, message: ""))
        } else {
            expected = transcode(detected.encoding, bytes, piece: nil)
        }
        switch (expected, large.text) {
        case (.success(let text), .some(let read)) where text == read: break
        case (.failure, nil): break
        default:
            throw InvariantViolation(parser: parser, invariant: "a file reads as its transcoder decodes it",
                                     details: "declared \(encoding.rawValue): \(describe(large)), transcoder \(describe(expected)) for \(show(bytes))")
        }
    }

    /// An error's byte offset lies inside the file (or at its end).
    static func checkErrorOffset(_ reading: Reading, _ bytes: [UInt8]) throws(InvariantViolation) {
        guard let offset = reading.errorOffset else { return }
        try require(offset >= 0 && offset <= bytes.count, parser, "an error's byte offset lies inside the file",
                    "\(reading.error ?? "") in \(bytes.count) bytes")
    }
}
