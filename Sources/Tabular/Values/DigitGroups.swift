/// Checks the placement of thousands separators in the integer part of a number, one digit or
/// comma at a time: `1200` and `1,200` pass, `1,2`, `12,34`, `1234,567` and `,123` do not.
///
/// Commas are optional, but once one appears the first group has 1–3 digits and every later
/// group exactly 3.
struct DigitGroups {
    /// Digits read since the last comma (or the start).
    private var digitsInGroup = 0
    /// Whether a comma has been read.
    private var isGrouped = false

    /// Accepts a digit; false when it would make a group after a comma longer than 3.
    mutating func acceptDigit() -> Bool {
        guard !isGrouped || digitsInGroup < 3 else { return false }
        digitsInGroup += 1
        return true
    }

    /// Accepts a comma; false when the group before it is empty or of the wrong length.
    mutating func acceptComma() -> Bool {
        guard isGrouped ? digitsInGroup == 3 : (1...3).contains(digitsInGroup) else { return false }
        isGrouped = true
        digitsInGroup = 0
        return true
    }

    /// Whether the digits read so far make a complete integer part.
    var isComplete: Bool {
        isGrouped ? digitsInGroup == 3 : digitsInGroup > 0
    }
}

extension CellScanner {
    /// Reads a leading `+` or `-` (also U+2212 and the full-width forms): true for minus, false
    /// for plus, nil when there is no sign.
    mutating func consumeSign() -> Bool? {
        let next = peek()
        switch next.scalar {
        case Scalar.hyphenMinus, Scalar.minusSign:
            advance(by: next.length)
            return true
        case Scalar.plus:
            advance(by: next.length)
            return false
        default:
            return nil
        }
    }
}
