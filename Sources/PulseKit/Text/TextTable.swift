/// A table for the terminal: columns padded to their widest cell, two spaces apart, trailing
/// spaces dropped (`pulse validate`, `pulse history`).
struct TextTable {
    /// The rows, header first; every row has the same number of cells.
    var rows: [[String]]
    /// The columns whose cells are right-aligned (numbers).
    var rightAligned: Set<Int> = []

    /// The table's lines, each ending in a newline.
    func rendered() -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        var out = ""
        for row in rows {
            var line = ""
            for (c, cell) in row.enumerated() {
                if c > 0 { line += "  " }
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                line += rightAligned.contains(c) ? pad + cell : cell + pad
            }
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
