import Testing
@testable import Tabular

@Suite struct CellScannerTests {
    /// The scalars `CellScanner` reads from `text`.
    static func scalars(_ text: String) -> [UInt32] {
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            var scanner = CellScanner(trimming: buffer)
            var read: [UInt32] = []
            while !scanner.isAtEnd {
                let next = scanner.peek()
                read.append(next.scalar)
                scanner.advance(by: next.length)
            }
            return read
        }
    }

    @Test func trimsSpacesTabsAndIdeographicSpaces() {
        #expect(Self.scalars(" \t\u{3000}a b\u{3000}\t ") == [0x61, 0x20, 0x62])
        #expect(Self.scalars("\u{3000}\u{3000}").isEmpty)
        #expect(Self.scalars("\n1\r") == [0x0A, 0x31, 0x0D])
    }

    @Test func foldsFullWidthAsciiForms() {
        #expect(Self.scalars("０９，．－＋／：ＡＺａｚ") == Array("09,.-+/:AZaz".unicodeScalars.map(\.value)))
        #expect(Self.scalars("￥年") == [0xFFE5, 0x5E74])
    }

    @Test func readsInvalidUtf8AsReplacementCharacters() {
        let bytes: [UInt8] = [0x31, 0xFF, 0xC0, 0xB1, 0xE3, 0x80, 0x32]
        let read = bytes.withUnsafeBufferPointer { buffer in
            var scanner = CellScanner(trimming: buffer)
            var read: [UInt32] = []
            while !scanner.isAtEnd {
                let next = scanner.peek()
                read.append(next.scalar)
                scanner.advance(by: next.length)
            }
            return read
        }
        #expect(read == [0x31, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0x32])
    }

    @Test func quotesInvalidUtf8ReadablyInReasons() {
        let bytes: [UInt8] = [0x31, 0x32, 0xFF]
        #expect(throws: ValueError("expected an integer, got \"12\u{FFFD}\"")) {
            try bytes.withUnsafeBufferPointer { buffer throws(ValueError) in try IntegerGrammar.parse(buffer) }
        }
    }
}
