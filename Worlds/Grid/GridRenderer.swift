import DelveCore

/// Draws the whole level for people: two characters a cell, the object's
/// letter then its color's letter, the agent as an arrow. In color, the cells
/// the agent sees now are shaded.
enum GridRenderer {
    static let legend = "K key  O ball  B box  D door  L locked  / open  ## wall  >v<^ you\n"
        + "r red  g green  b blue  p purple  y yellow  e grey"

    static func render(_ world: GridWorld, style: RenderStyle) -> String {
        let level = world.level, grid = level.layout.grid
        let color = style == .ansi
        var shaded = [Bool](repeating: false, count: grid.tiles.count)
        if color {
            let seen = View.visibility(grid: grid, agent: level.agent, facing: level.facing)
            for index in 0..<View.size * View.size where View.isSeen(seen, index) {
                let p = View.worldPoint(column: index % View.size, row: index / View.size, agent: level.agent, facing: level.facing)
                if grid.contains(p) { shaded[p.y * grid.width + p.x] = true }
            }
        }
        var lines: [String] = []
        for y in 0..<grid.height {
            var line = ""
            for x in 0..<grid.width {
                let p = Point(x: x, y: y)
                let cell = glyph(grid[p], agent: p == level.agent ? level.facing : nil)
                guard color else {
                    line += cell.text
                    continue
                }
                let background = shaded[y * grid.width + x] ? "\u{1B}[48;5;237m" : ""
                line += background + cell.ansi + cell.text + "\u{1B}[0m"
            }
            lines.append(line)
        }
        let carried = world.carrying.map { "carrying \(View.nounPhrase($0))" } ?? "carrying nothing"
        lines.append("facing \(facingName(level.facing)), \(carried)")
        lines.append(legend)
        return lines.joined(separator: "\n")
    }

    private static func glyph(_ tile: Tile, agent: Direction?) -> (text: String, ansi: String) {
        if let agent {
            return (String(repeating: agent.arrow, count: 2), "\u{1B}[1;38;5;231m")
        }
        let ink = "\u{1B}[1;38;5;\(tile.color.ansi)m"
        switch tile.kind {
        case .empty: return (" .", "\u{1B}[38;5;240m")
        case .wall: return ("##", "\u{1B}[38;5;245;48;5;240m")
        case .key: return ("K\(tile.color.letter)", ink)
        case .ball: return ("O\(tile.color.letter)", ink)
        case .box: return ("B\(tile.color.letter)", ink)
        case .door:
            let letter = tile.door == .open ? "/" : tile.door == .locked ? "L" : "D"
            return ("\(letter)\(tile.color.letter)", ink)
        }
    }

    private static func facingName(_ d: Direction) -> String {
        switch d {
        case .east: "east"
        case .south: "south"
        case .west: "west"
        case .north: "north"
        }
    }
}
