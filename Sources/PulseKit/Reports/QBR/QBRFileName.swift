/// The file name of an account's QBR (`qbr/ACCOUNT_ID.html`): the account id with every character
/// that is not a letter, a digit, `-`, `_`, `.`, `(` or `)` replaced by `_` (so path separators,
/// control and format characters, spaces, `=`, quotes and the like never reach a file name), cut
/// to at most 200 bytes, and never starting with a dot: a hostile id can never write outside `qbr/`,
/// hide a file, or exceed the file system's name limit.
enum QBRFileName {
    /// The longest stem in UTF-8 bytes (file systems allow 255 per name; the extension needs a few).
    static let maximumBytes = 200

    /// The safe file name stem for `accountID`.
    static func of(_ accountID: String) -> String {
        var out = String.UnicodeScalarView()
        var bytes = 0
        for scalar in accountID.unicodeScalars {
            let safe = scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
                || "-_.()".unicodeScalars.contains(scalar)
            let kept: Unicode.Scalar = safe ? scalar : "_"
            let width = UTF8.width(kept)
            guard bytes + width <= maximumBytes else { break }
            out.append(kept)
            bytes += width
        }
        let stem = String(out)
        return stem.isEmpty || stem.hasPrefix(".") ? "_" + stem : stem
    }
}
