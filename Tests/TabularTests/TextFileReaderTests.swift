import Foundation
import Testing
@testable import Tabular

@Suite struct TextFileReaderTests {
    private func read(_ bytes: [UInt8], encoding: TextEncoding? = nil, chunkSize: Int = 1 << 20) throws -> (String, DetectedEncoding) {
        let path = try SharedData.temporaryFile(bytes)
        let reader = try TextFileReader(path: path, encoding: encoding, chunkSize: chunkSize)
        let text = try reader.readAll()
        return (String(decoding: text, as: UTF8.self), reader.detected)
    }

    @Test func plainUTF8IsDetected() throws {
        let (text, encoding) = try read(Array("id,name\n1,株式会社みらい\n".utf8))
        #expect(text == "id,name\n1,株式会社みらい\n")
        #expect(encoding == DetectedEncoding(.utf8))
        #expect(encoding.description == "utf-8")
    }

    @Test func utf8ByteOrderMarkIsStripped() throws {
        let (text, encoding) = try read([0xEF, 0xBB, 0xBF] + Array("customerID\r\n".utf8))
        #expect(text == "customerID\r\n")
        #expect(encoding.description == "utf-8+bom")
    }

    @Test func utf16LittleAndBigEndianWithMark() throws {
        let sample = "account_id,name\r\nA-1,株式会社\"みらい\"\r\n"
        var little: [UInt8] = [0xFF, 0xFE]
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in sample.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let (l, le) = try read(little)
        let (b, be) = try read(big)
        #expect(l == sample && b == sample)
        #expect(le.description == "utf-16le+bom")
        #expect(be.description == "utf-16be+bom")
        // A chunk boundary in the middle of a UTF-16 unit changes nothing.
        let (split, _) = try read(little, chunkSize: 65)
        #expect(split == sample)
    }

    @Test func shiftJISIsDetectedWhenNotUTF8() throws {
        // 取引先ID,株式会社 in CP932, with half-width katakana ｱｲｳ and 81 60 (～ FULLWIDTH TILDE).
        let bytes: [UInt8] = [0x8E, 0xE6, 0x88, 0xF8, 0x90, 0xE6, 0x49, 0x44, 0x2C, 0x8A, 0x94, 0x8E, 0xAE, 0x89, 0xEF, 0x8E, 0xD0, 0x0A,
                              0xB1, 0xB2, 0xB3, 0x81, 0x60, 0x2C, 0x87, 0x40, 0x0A]
        let (text, encoding) = try read(bytes)
        #expect(text == "取引先ID,株式会社\nｱｲｳ\u{FF5E},①\n")
        #expect(encoding == DetectedEncoding(.shiftJIS))
        // Chunks that split double-byte characters decode the same.
        let (split, _) = try read(bytes, chunkSize: 64)
        #expect(split == text)
    }

    @Test func realJapanPostFileIsCP932() throws {
        let reader = try TextFileReader(path: SharedData.path("japan-post/KEN_ALL.CSV"), encoding: nil)
        let text = String(decoding: try reader.readAll(), as: UTF8.self)
        #expect(reader.detected == DetectedEncoding(.shiftJIS))
        #expect(text.hasPrefix("01101,\"060  \",\"0600000\",\"ﾎｯｶｲﾄﾞｳ\",\"ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ\",\"ｲｶﾆｹｲｻｲｶﾞﾅｲﾊﾞｱｲ\",\"北海道\",\"札幌市中央区\",\"以下に掲載がない場合\""))
        #expect(text.contains("\u{FF5E}"))      // bytes 81 60 at offset 442, as CP932 (not U+301C)
        #expect(!text.contains("\u{301C}"))
    }

    @Test func undecodableBytesNameTheirOffset() throws {
        // Valid ASCII, then 0xFF: neither UTF-8 nor CP932.
        let bytes = Array("id,name\n1,abc".utf8) + [0xFF, 0xFF] + Array("\n".utf8)
        #expect(throws: TextFileError.self) { _ = try read(bytes) }
        do { _ = try read(bytes) } catch let error as TextFileError {
            #expect(error.byteOffset == 13)
            #expect(error.message.contains("byte 0xFF at byte offset 13"))
            #expect(error.message.contains("neither UTF-8"))
        }
    }

    @Test func theBadByteIsWhereTheLikelierEncodingFails() throws {
        // CP932 text with one undefined pair (85 40) on line 3: UTF-8 fails at the first kanji.
        let bytes: [UInt8] = Array("id,name\n1,".utf8) + [0x8A, 0x94] + Array("\n2,".utf8) + [0x85, 0x40] + Array("\n".utf8)
        do {
            _ = try read(bytes)
            Issue.record("expected an error")
        } catch let error as TextFileError {
            #expect(error.byteOffset == 15)
            #expect(error.message.contains("reads further as CP932"), "\(error.message)")
            #expect(error.line(declared: nil) == 3)
        }
    }

    @Test func utf16WithoutAMarkIsNamedForWhatItIs() throws {
        let sample = "account_id,name\r\nA-1,株式会社\u{3000}みらい\r\n"
        let little = sample.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = sample.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (bytes, name) in [(little, "UTF-16 LE"), (big, "UTF-16 BE")] {
            do {
                _ = try read(bytes)
                Issue.record("expected an error")
            } catch let error as TextFileError {
                #expect(error.message.contains("\(name) without a byte-order mark"), "\(error.message)")
            }
        }
        // One stray NUL in UTF-8 text is not UTF-16.
        let (text, encoding) = try read(Array("id,name\n1,ab".utf8) + [0] + Array("c\n".utf8))
        #expect(encoding == DetectedEncoding(.utf8) && text == "id,name\n1,ab\u{0}c\n")
    }

    @Test func aZIPArchiveIsNotText() throws {
        do {
            _ = try read([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])
            Issue.record("expected an error")
        } catch let error as TextFileError {
            #expect(error.message.contains("ZIP archive"))
        }
    }

    /// A file whose encoding cannot be told closes its descriptor once. (It was closed twice, the
    /// second time by the reader's deinit after the failed init, which closed whatever file
    /// another thread had just opened under the same number: "cannot read: Bad file descriptor".)
    @Test func aFailedDetectionClosesNoOtherFile() throws {
        let bad = try SharedData.temporaryFile([0x80, 0xFF, 0xFE, 0x0A])
        let text = Array(String(repeating: "account_id,name\nA1,みらい\n", count: 40).utf8)
        let good = try SharedData.temporaryFile(text)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for _ in 0..<1000 {
                if worker % 2 == 0 {
                    if (try? TextFileReader(path: bad, encoding: nil)) != nil { failures.add("undecodable file opened") }
                } else {
                    do {
                        let all = try TextFileReader(path: good, encoding: nil, chunkSize: 64).readAll()
                        if all != text { failures.add("read \(all.count) bytes of another file") }
                    } catch {
                        failures.add("\(error)")
                    }
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
    }

    /// Problems seen by concurrent workers.
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ failure: String) { lock.withLock { list.append(failure) } }
        var all: [String] { lock.withLock { list } }
    }

    @Test func declaredUTF8RejectsAnInvalidByteWithItsOffset() throws {
        let bytes = Array("name\nabc".utf8) + [0xB6] + Array("\n".utf8)
        do {
            _ = try read(bytes, encoding: .utf8)
            Issue.record("expected an error")
        } catch let error as TextFileError {
            #expect(error.byteOffset == 8)
            #expect(error.message.contains("0xB6"))
        }
    }

    @Test func invalidShiftJISByteIsReportedAtItsOffset() throws {
        // 株 then a lone lead byte 0x81 followed by 0x20 (invalid trail byte).
        let bytes: [UInt8] = [0x61, 0x0A, 0x8A, 0x94, 0x81, 0x20, 0x0A]
        do {
            _ = try read(bytes, encoding: .shiftJIS)
            Issue.record("expected an error")
        } catch let error as TextFileError {
            #expect(error.byteOffset == 4)
        }
    }

    @Test func utf8CharactersSplitAcrossChunksSurvive() throws {
        let text = String(repeating: "株式会社みらい,", count: 50) + "\n"
        let (read64, _) = try read(Array(text.utf8), chunkSize: 64)
        #expect(read64 == text)
    }

    @Test func missingFileIsAnError() {
        #expect(throws: TextFileError(path: "/nonexistent/x.csv", message: "file not found")) {
            _ = try TextFileReader(path: "/nonexistent/x.csv", encoding: nil)
        }
    }
}
