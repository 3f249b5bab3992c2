import DelveCore

/// Draws the level as NetHack does: what is seen now in NetHack's colors,
/// what is remembered elsewhere dimmed, `@` for the hero; then the two status lines.
enum DungeonRenderer {
    /// The ink of remembered cells.
    static let remembered: UInt8 = 240

    static func map(_ game: DungeonGame) -> CellMap {
        let level = game.level
        let rows = (0..<level.height).map { y in (0..<level.width).map { x in cell(game, Pos(x, y)) } }
        return CellMap(rows: rows, footer: DungeonText.statusLine(game).split(separator: "\n").map(String.init))
    }

    /// The character and colors of a cell.
    static func cell(_ game: DungeonGame, _ p: Pos) -> MapCell {
        let (character, ink) = CellInk.cell(game, p)
        switch ink {
        case let .color(color, bold): return MapCell(String(character), ink: color.palette, emphasis: bold ? .bold : [])
        case .remembered: return MapCell(String(character), ink: remembered)
        case .blank: return MapCell(String(character))
        }
    }
}

extension GlyphColor {
    /// The color's index in the terminal's sixteen colors, as NetHack draws
    /// it: black as dark gray (8), the bright colors from 9.
    var palette: UInt8 {
        switch self {
        case .black: 8
        case .red: 1
        case .green: 2
        case .brown: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .gray: 7
        case .orange: 9
        case .brightGreen: 10
        case .yellow: 11
        case .brightBlue: 12
        case .brightMagenta: 13
        case .brightCyan: 14
        case .white: 15
        }
    }
}
