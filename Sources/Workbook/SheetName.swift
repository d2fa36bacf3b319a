/// Excel's rules for worksheet names.
enum SheetName {
    /// Excel's limit on a sheet name, in UTF-16 code units.
    static let maximumLength = 31

    /// Characters Excel forbids in sheet names.
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Why `name` is not a valid new sheet name, or nil if it is.
    static func problem(with name: String, existing: [String]) -> String? {
        if name.isEmpty {
            return "a sheet name must not be empty"
        }
        let length = name.utf16.count
        if length > maximumLength {
            return "is \(length) characters long; Excel allows at most \(maximumLength)"
        }
        if let bad = name.first(where: forbidden.contains) {
            return "contains '\(bad)'; Excel forbids any of [ ] : * ? / \\"
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "contains a control character"
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            return "starts or ends with an apostrophe, which Excel forbids"
        }
        if name.lowercased() == "history" {
            return "'History' is reserved by Excel"
        }
        let folded = name.lowercased()
        if let clash = existing.first(where: { $0.lowercased() == folded }) {
            return "is already used by sheet '\(clash)' (Excel compares names case-insensitively)"
        }
        return nil
    }

    /// True when libxlsxwriter's own quoting of `name` in chart formulas is not enough.
    ///
    /// libxlsxwriter 1.1.4 quotes a name only if it has a character other than ASCII
    /// letters, digits, "_" and "."; names like "2024", "A1" or "R1C1" then stay unquoted,
    /// which Excel misreads.
    static func needsExplicitQuoting(_ name: String) -> Bool {
        name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}
