extension String {
    /// Appends `value` in decimal, padded with leading zeros to at least `width` digits.
    mutating func appendZeroPadded(_ value: Int, width: Int) {
        if value < 0 { append("-") }
        let digits = String(value.magnitude)
        if digits.utf8.count < width { append(String(repeating: "0", count: width - digits.utf8.count)) }
        append(digits)
    }
}
