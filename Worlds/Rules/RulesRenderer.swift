import DelveCore

/// Draws the board for people: three characters a cell and a space, word blocks in
/// capitals (`KEY`, ` IS`, `WIN`; dark on a light tile) and objects
/// in two lower-case letters in their own color (`ke`, `bl`), what is `you`
/// bold and underlined, the level's edge as `###`; then the active rules and a legend.
enum RulesRenderer {
    static let legend = ["objects: ba baba, wa wall, bl ball, ke key, do door; * marks what is you",
                         "words:   BAB WAL BAL KEY DOR (nouns), IS, YOU WIN STP PSH DEF (properties)"]

    static func map(_ board: Board) -> CellMap {
        var rows: [[MapCell]] = []
        for y in 0..<board.height {
            var row: [MapCell] = []
            for x in 0..<board.width {
                if x > 0 { row.append(MapCell(" ")) }
                row.append(cell(board, x: x, y: y))
            }
            rows.append(row)
        }
        let rules = board.rules.isEmpty ? ["  (none)"] : board.rules.map { "  \($0)" }
        return CellMap(rows: rows, footer: ["Active rules:"] + rules + legend)
    }

    /// The cell's three characters and colors: the edge; else a word block
    /// if there is one; else a `you` object; else any object.
    private static func cell(_ board: Board, x: Int, y: Int) -> MapCell {
        if board.isEdge(x, y) { return MapCell("###", ink: 240) }
        let cell = UInt8(y * board.width + x)
        let here = board.things.filter { $0.cell == cell }
        if let word = here.first(where: { $0.kind.isWord }) {
            return MapCell(glyphs[Int(word.kind.code)], ink: 16, paper: 223, emphasis: .bold)
        }
        let you = here.first(where: board.isYou)
        guard let thing = you ?? here.first else { return MapCell(" . ", ink: 238) }
        let name = glyphs[Int(thing.kind.code)]
        if you != nil { return MapCell(name + "*", ink: palette(thing.color), emphasis: [.bold, .underline]) }
        return MapCell(name + " ", ink: palette(thing.color))
    }

    /// Letters by kind code: objects in two lower-case letters (a third
    /// column marks `you`), words in three capitals.
    private static let glyphs = ["ba", "wa", "bl", "ke", "do", "BAB", "WAL", "BAL", "KEY", "DOR", " IS",
                                 "YOU", "WIN", "STP", "PSH", "DEF"]

    private static func palette(_ color: ThingColor) -> UInt8 {
        switch color {
        case .red: 196
        case .blue: 33
        case .green: 46
        case .white: 231
        case .grey: 245
        }
    }
}
