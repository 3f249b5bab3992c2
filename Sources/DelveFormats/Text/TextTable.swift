/// A table of text cells, drawn for a terminal or as Markdown; either way
/// each cell is escaped for where it lands (`Escaping`), since names in it
/// come from suite files and run directories.
public struct TextTable: Sendable {
    /// The header cells.
    public var header: [String]
    /// The body rows; each has as many cells as the header.
    public var rows: [[String]]
    /// Rows after which the terminal drawing puts a rule.
    public var rulesAfter: Set<Int> = []

    /// A table of `header` and `rows`, with a rule after each row in `rulesAfter`.
    public init(header: [String], rows: [[String]], rulesAfter: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.rulesAfter = rulesAfter
    }

    /// Columns padded to their widest cell: the first left-aligned, the others
    /// right-aligned, a rule under the header and after the marked rows.
    public var plain: String {
        let header = header.map(Escaping.terminalLine), rows = rows.map { $0.map(Escaping.terminalLine) }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        var lines = [line(header), rule]
        for (index, row) in rows.enumerated() {
            lines.append(line(row))
            if rulesAfter.contains(index) && index != rows.count - 1 { lines.append(rule) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table, numbers right-aligned.
    public var markdown: String {
        let align = header.indices.map { $0 == 0 ? ":---" : "---:" }
        return ([header, align] + rows)
            .map { "| " + $0.map(Escaping.markdown).joined(separator: " | ") + " |" }
            .joined(separator: "\n") + "\n"
    }
}
