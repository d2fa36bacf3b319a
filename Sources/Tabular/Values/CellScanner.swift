/// Reads the UTF-8 bytes of one cell as Unicode scalars, trimmed of surrounding spaces, tabs and
/// ideographic spaces (U+3000), with full-width ASCII forms (U+FF01–U+FF5E) folded to ASCII.
///
/// Every value grammar scans cells with it, so `１２` reads as `12`, `２０２５／５／１４` as
/// `2025/5/14` and `ＴＲＵＥ` as `TRUE`. It is a view of the caller's bytes and never allocates;
/// a grammar tries an alternative by scanning a copy.
struct CellScanner {
    /// The scalar that ``peek()`` reports at the end of the text; it matches nothing.
    static let endOfText: UInt32 = .max

    /// The whole cell, untrimmed.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the trimmed text starts.
    let start: Int
    /// Where the trimmed text ends (exclusive).
    let end: Int
    /// Where the next scalar starts.
    private(set) var position: Int

    /// A scanner at the start of `bytes` trimmed of ASCII spaces, tabs and U+3000 on both sides.
    init(trimming bytes: UnsafeBufferPointer<UInt8>) {
        var lower = 0
        var upper = bytes.count
        while lower < upper {
            let byte = bytes[lower]
            if byte == 0x20 || byte == 0x09 {
                lower += 1
            } else if byte == 0xE3, upper - lower >= 3, bytes[lower + 1] == 0x80, bytes[lower + 2] == 0x80 {
                lower += 3
            } else {
                break
            }
        }
        while upper > lower {
            let byte = bytes[upper - 1]
            if byte == 0x20 || byte == 0x09 {
                upper -= 1
            } else if byte == 0x80, upper - lower >= 3, bytes[upper - 2] == 0x80, bytes[upper - 3] == 0xE3 {
                upper -= 3
            } else {
                break
            }
        }
        self.bytes = bytes
        self.start = lower
        self.end = upper
        self.position = lower
    }

    /// Whether the trimmed text is empty.
    var isEmpty: Bool { start == end }

    /// Whether every scalar has been read.
    var isAtEnd: Bool { position >= end }

    /// The next scalar (full-width ASCII folded) and its length in bytes; ``endOfText`` and 0 at the end.
    /// A byte that does not start valid UTF-8 reads as U+FFFD of length 1.
    @inline(__always)
    func peek() -> (scalar: UInt32, length: Int) {
        guard position < end else { return (Self.endOfText, 0) }
        let lead = bytes[position]
        return lead < 0x80 ? (UInt32(lead), 1) : peekMultibyte(lead)
    }

    /// ``peek()`` for a scalar of 2 to 4 bytes, kept out of line so that the ASCII path stays small.
    @inline(never)
    private func peekMultibyte(_ lead: UInt8) -> (scalar: UInt32, length: Int) {
        let remaining = end - position
        switch lead {
        case 0xC2...0xDF where remaining >= 2:
            guard let low = continuation(1) else { break }
            return (UInt32(lead & 0x1F) << 6 | low, 2)
        case 0xE0...0xEF where remaining >= 3:
            guard let middle = continuation(1), let low = continuation(2) else { break }
            let scalar = UInt32(lead & 0x0F) << 12 | middle << 6 | low
            guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar) else { break }
            if (0xFF01...0xFF5E).contains(scalar) { return (scalar - 0xFEE0, 3) }
            return (scalar, 3)
        case 0xF0...0xF4 where remaining >= 4:
            guard let high = continuation(1), let middle = continuation(2), let low = continuation(3) else { break }
            let scalar = UInt32(lead & 0x07) << 18 | high << 12 | middle << 6 | low
            guard (0x10000...0x10FFFF).contains(scalar) else { break }
            return (scalar, 4)
        default:
            break
        }
        return (0xFFFD, 1)
    }

    /// The payload of the continuation byte `offset` bytes after the current position, if it is one.
    private func continuation(_ offset: Int) -> UInt32? {
        let byte = bytes[position + offset]
        return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
    }

    /// Moves past the next scalar, whose length ``peek()`` reported.
    mutating func advance(by length: Int) {
        position += length
    }

    /// Reads `scalar` if it comes next.
    @inline(__always)
    mutating func consume(_ scalar: UInt32) -> Bool {
        let next = peek()
        guard next.scalar == scalar else { return false }
        position += next.length
        return true
    }

    /// Reads one digit (ASCII or full-width) if it comes next, and returns its value.
    @inline(__always)
    mutating func consumeDigit() -> Int? {
        let next = peek()
        guard next.scalar >= 0x30, next.scalar <= 0x39 else { return nil }
        position += next.length
        return Int(next.scalar - 0x30)
    }

    /// Reads as many digits as come next, up to `count.upperBound`, and returns their value; when
    /// fewer than `count.lowerBound` come, returns nil and reads nothing. `count.upperBound` must
    /// be at most 18.
    @inline(__always)
    mutating func consumeNumber(digits count: ClosedRange<Int>) -> Int? {
        let start = position
        var value = 0
        var read = 0
        while read < count.upperBound, let digit = consumeDigit() {
            value = value * 10 + digit
            read += 1
        }
        guard read >= count.lowerBound else {
            position = start
            return nil
        }
        return value
    }

    /// The trimmed text in double quotes, for an error's reason.
    func quotedText() -> String {
        ValueError.quote(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }
}

/// The scalars that several grammars read.
enum Scalar {
    static let plus: UInt32 = 0x2B
    static let comma: UInt32 = 0x2C
    static let hyphenMinus: UInt32 = 0x2D
    static let fullStop: UInt32 = 0x2E
    static let solidus: UInt32 = 0x2F
    static let colon: UInt32 = 0x3A
    static let space: UInt32 = 0x20
    /// U+2212 MINUS SIGN, as typed by Japanese input methods.
    static let minusSign: UInt32 = 0x2212
    /// U+3000 IDEOGRAPHIC SPACE.
    static let ideographicSpace: UInt32 = 0x3000
}
