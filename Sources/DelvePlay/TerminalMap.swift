import DelveCore

/// How a map is written as text: `delve play`, `delve replay` and serve's
/// `env/render` (its `style` param).
public enum RenderStyle: String, Sendable, Hashable, Codable, CaseIterable {
    /// The glyphs alone: no escape codes (`CellMap.plainText`).
    case ascii
    /// The glyphs in ANSI colors, for terminals.
    case ansi
}

/// The one place that turns a world's `CellMap` into terminal escape codes;
/// worlds draw cells and never write escapes themselves.
///
/// The rule, in color: on each row, consecutive cells of the same colors and
/// emphasis form one run, written as `ESC[<sgr>m` + their glyphs + `ESC[0m`;
/// a run of unstyled cells is written bare. The SGR parameters are, in this
/// order, `1` (bold), `4` (underline), the ink, the paper. A color of the
/// sixteen terminal colors keeps its 16-color code (0–7: `30`–`37` ink,
/// `40`–`47` paper; 8–15: `90`–`97`, `100`–`107`), so NetHack's colors look
/// as the user's terminal draws them; any other is `38;5;N` / `48;5;N`.
/// Footer lines are written as they are.
///
/// ```swift
/// let map = CellMap(rows: [[MapCell("@", ink: 15, emphasis: .bold), MapCell("."), MapCell("##", ink: 245)]])
/// TerminalMap.text(map, style: .ansi)  // "\u{1B}[1;97m@\u{1B}[0m.\u{1B}[38;5;245m##\u{1B}[0m"
/// ```
public enum TerminalMap {
    /// `map` as text in `style`: rows then footer lines, joined by newlines.
    public static func text(_ map: CellMap, style: RenderStyle) -> String {
        guard style == .ansi else { return map.plainText }
        let rows = map.runs.map { row in row.map(colored).joined() }
        return (rows + map.footer).joined(separator: "\n")
    }

    /// One run in its escape codes; bare when it has no style.
    static func colored(_ run: MapCell) -> String {
        if run.isPlain { return run.glyph }
        return "\u{1B}[" + parameters(run).joined(separator: ";") + "m" + run.glyph + "\u{1B}[0m"
    }

    /// The SGR parameters of a run's style.
    static func parameters(_ run: MapCell) -> [String] {
        var codes: [String] = []
        if run.emphasis.contains(.bold) { codes.append("1") }
        if run.emphasis.contains(.underline) { codes.append("4") }
        if let ink = run.ink { codes.append(code(ink, base: 30, bright: 90, extended: 38)) }
        if let paper = run.paper { codes.append(code(paper, base: 40, bright: 100, extended: 48)) }
        return codes
    }

    private static func code(_ index: UInt8, base: Int, bright: Int, extended: Int) -> String {
        switch index {
        case 0..<8: String(base + Int(index))
        case 8..<16: String(bright + Int(index) - 8)
        default: "\(extended);5;\(index)"
        }
    }
}
