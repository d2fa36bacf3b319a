/// Masks e-mail addresses and phone numbers in text that is about to leave the program (a report,
/// a log line), so that personal data a customer typed into a free-text field is not republished.
///
/// An e-mail address keeps the first character of its local part and its domain:
/// `taro.yamada@example.co.jp` → `t***@example.co.jp`. A phone number keeps its last four digits and
/// its punctuation: `090-1234-5678` → `***-****-5678`, `+81 90 1234 5678` → `+** ** **** 5678`.
///
/// A phone number is 10 to 15 digits that start with `+`, `(` or `0` and are grouped by `-`, spaces
/// or parentheses (`03-1234-5678`, `(03) 1234 5678`, `+1 555 123 4567`), or North American
/// `555-123-4567`. A bare run of digits (`09012345678`) is not masked: it cannot be told from a count
/// or an amount. Neither are dates, times or decimals.
public struct PersonalDataMask: Sendable, Equatable {
    /// Whether e-mail addresses are masked.
    public var emails: Bool
    /// Whether phone numbers are masked.
    public var phones: Bool

    /// A mask of e-mail addresses, phone numbers, or both.
    public init(emails: Bool, phones: Bool) {
        self.emails = emails
        self.phones = phones
    }

    /// A mask that changes nothing.
    public static let none = PersonalDataMask(emails: false, phones: false)

    /// Whether the mask changes nothing.
    public var isEmpty: Bool { !emails && !phones }

    /// `text` with every e-mail address and phone number the mask covers masked.
    public func apply(_ text: String) -> String {
        guard mayMatch(text.utf8) else { return text }
        let bytes = Array(text.utf8)
        let edits = edits(in: bytes)
        return edits.isEmpty ? text : String(decoding: applying(edits, to: bytes), as: UTF8.self)
    }

    /// UTF-8 `bytes` with every e-mail address and phone number the mask covers masked (the same
    /// bytes when there is none).
    public func apply(_ bytes: [UInt8]) -> [UInt8] {
        guard mayMatch(bytes) else { return bytes }
        let edits = edits(in: bytes)
        return edits.isEmpty ? bytes : applying(edits, to: bytes)
    }

    /// Whether `bytes` hold what a match needs: an `@` for an address, a digit for a number. Most
    /// cell texts (names, categories) have neither, and are let through without a copy.
    private func mayMatch(_ bytes: some Sequence<UInt8>) -> Bool {
        if isEmpty { return false }
        return bytes.contains { (emails && $0 == UInt8(ascii: "@")) || (phones && Self.isDigit($0)) }
    }

    /// The masking edits in `bytes`, in order and not overlapping.
    private func edits(in bytes: [UInt8]) -> [(range: Range<Int>, replacement: [UInt8])] {
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []
        if emails { edits += Self.emailEdits(bytes) }
        if phones {
            let taken = edits.map(\.range)
            edits += Self.phoneEdits(bytes).filter { edit in !taken.contains { $0.overlaps(edit.range) } }
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        return edits
    }

    /// `bytes` with `edits` made.
    private func applying(_ edits: [(range: Range<Int>, replacement: [UInt8])], to bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var position = 0
        for edit in edits where edit.range.lowerBound >= position {
            output += bytes[position..<edit.range.lowerBound]
            output += edit.replacement
            position = edit.range.upperBound
        }
        output += bytes[position...]
        return output
    }

    // MARK: - E-mail addresses

    private static func isLocal(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }

    private static func isDomain(_ b: UInt8) -> Bool { isAlphanumeric(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func emailEdits(_ bytes: [UInt8]) -> [(range: Range<Int>, replacement: [UInt8])] {
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []
        var searchFrom = 0
        for at in bytes.indices where bytes[at] == UInt8(ascii: "@") && at >= searchFrom {
            var start = at
            while start > 0 && isLocal(bytes[start - 1]) { start -= 1 }
            while start < at && !isAlphanumeric(bytes[start]) { start += 1 }
            guard start < at else { continue }
            var end = at + 1
            while end < bytes.count && isDomain(bytes[end]) { end += 1 }
            while end > at + 1 && !isAlphanumeric(bytes[end - 1]) { end -= 1 }
            let domain = bytes[(at + 1)..<end]
            guard let lastDot = domain.lastIndex(of: UInt8(ascii: ".")), let first = domain.first, isAlphanumeric(first),
                  end - lastDot - 1 >= 2, bytes[(lastDot + 1)..<end].allSatisfy(isLetter) else { continue }
            edits.append((start..<at, [bytes[start]] + Array("***".utf8)))
            searchFrom = end
        }
        return edits
    }

    // MARK: - Phone numbers

    private static func isSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "-") || b == UInt8(ascii: " ") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
    }

    static func phoneEdits(_ bytes: [UInt8]) -> [(range: Range<Int>, replacement: [UInt8])] {
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == UInt8(ascii: "+") || b == UInt8(ascii: "(") || isDigit(b) else { i += 1; continue }
            if i > 0 {
                let p = bytes[i - 1]
                if isAlphanumeric(p) || p == UInt8(ascii: ".") || p == UInt8(ascii: "_") || p == UInt8(ascii: "@")
                    || p == UInt8(ascii: "-") || p == UInt8(ascii: "+") || p == UInt8(ascii: "/") || p == UInt8(ascii: ":") {
                    i += 1
                    continue
                }
            }
            guard let end = phoneEnd(bytes, from: i) else { i += 1; continue }
            var replacement = Array(bytes[i..<end])
            var keep = 4
            for k in replacement.indices.reversed() where isDigit(replacement[k]) {
                if keep > 0 { keep -= 1 } else { replacement[k] = UInt8(ascii: "*") }
            }
            edits.append((i..<end, replacement))
            i = end
        }
        return edits
    }

    /// The end of a phone number starting at `start`, or nil when none starts there.
    private static func phoneEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        let plus = bytes[i] == UInt8(ascii: "+")
        if plus { i += 1 }
        var digits = 0
        var separators = 0
        var groups: [Int] = []
        var group = 0
        var lastDigitEnd = -1
        var previousWasSeparator = false
        var openParenthesis = false
        while i < bytes.count {
            let b = bytes[i]
            if isDigit(b) {
                digits += 1
                group += 1
                lastDigitEnd = i + 1
                previousWasSeparator = false
            } else if isSeparator(b) {
                if b == UInt8(ascii: "(") { if openParenthesis { break }; openParenthesis = true }
                if b == UInt8(ascii: ")") { if !openParenthesis { break }; openParenthesis = false }
                // One separator between groups, or a parenthesis next to a space.
                if previousWasSeparator && !(bytes[i - 1] == UInt8(ascii: ")") && b == UInt8(ascii: " "))
                    && !(bytes[i - 1] == UInt8(ascii: " ") && b == UInt8(ascii: "(")) { break }
                if group > 0 { groups.append(group); group = 0 }
                separators += 1
                previousWasSeparator = true
            } else {
                break
            }
            i += 1
        }
        if group > 0 { groups.append(group) }
        guard lastDigitEnd > 0, digits >= 10, digits <= 15 else { return nil }
        let end = lastDigitEnd
        // Not the start of something longer: a word, a decimal, a time, an address, a path. (A comma
        // may follow: it ends a CSV field.)
        if end < bytes.count {
            let n = bytes[end]
            if isAlphanumeric(n) || n == UInt8(ascii: "@") || n == UInt8(ascii: "_") || n == UInt8(ascii: ":") || n == UInt8(ascii: "/") { return nil }
            if n == UInt8(ascii: ".") && end + 1 < bytes.count && isDigit(bytes[end + 1]) { return nil }
        }
        let first = bytes[plus ? start + 1 : start]
        if plus || bytes[start] == UInt8(ascii: "(") || first == UInt8(ascii: "0") {
            return plus || separators > 0 ? end : nil
        }
        // North American 555-123-4567.
        let text = bytes[start..<end]
        return groups == [3, 3, 4] && text.filter({ $0 == UInt8(ascii: "-") }).count == 2 ? end : nil
    }
}
