/// The file name of an account's QBR (`qbr/ACCOUNT_ID.html`): the account id with every character
/// that a file name cannot safely hold (`/`, `\`, control characters, a leading dot) replaced by `_`,
/// so a hostile id can never write outside `qbr/`.
enum QBRFileName {
    /// The safe file name stem for `accountID`.
    static func of(_ accountID: String) -> String {
        var out = ""
        for scalar in accountID.unicodeScalars.prefix(200) {
            switch scalar {
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|": out.append("_")
            default: out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? "_" : scalar)
            }
        }
        if out.isEmpty || out.hasPrefix(".") { out = "_" + out }
        return out
    }
}
