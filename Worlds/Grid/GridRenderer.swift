import DelveCore

/// Draws the whole level for people: two characters a cell, the object's
/// letter then its color's letter, the agent as an arrow; the cells the agent
/// sees now are shaded.
enum GridRenderer {
    static let legend = ["K key  O ball  B box  D door  L locked  / open  ## wall  >v<^ you",
                         "r red  g green  b blue  p purple  y yellow  e grey"]

    /// The shade of the cells in view.
    static let viewShade: UInt8 = 237

    static func map(_ world: GridWorld) -> CellMap {
        let level = world.level, grid = level.layout.grid
        var shaded = [Bool](repeating: false, count: grid.tiles.count)
        let seen = View.visibility(grid: grid, agent: level.agent, facing: level.facing)
        for index in 0..<View.size * View.size where View.isSeen(seen, index) {
            let p = View.worldPoint(column: index % View.size, row: index / View.size, agent: level.agent, facing: level.facing)
            if grid.contains(p) { shaded[p.y * grid.width + p.x] = true }
        }
        var rows: [[MapCell]] = []
        for y in 0..<grid.height {
            rows.append((0..<grid.width).map { x in
                let p = Point(x: x, y: y)
                var cell = glyph(grid[p], agent: p == level.agent ? level.facing : nil)
                if cell.paper == nil && shaded[y * grid.width + x] { cell.paper = viewShade }
                return cell
            })
        }
        let carried = world.carrying.map { "carrying \(View.nounPhrase($0))" } ?? "carrying nothing"
        return CellMap(rows: rows, footer: ["facing \(facingName(level.facing)), \(carried)"] + legend)
    }

    private static func glyph(_ tile: Tile, agent: Direction?) -> MapCell {
        if let agent {
            return MapCell(String(repeating: agent.arrow, count: 2), ink: 231, emphasis: .bold)
        }
        let ink = tile.color.palette
        switch tile.kind {
        case .empty: return MapCell(" .", ink: 240)
        case .wall: return MapCell("##", ink: 245, paper: 240)
        case .key: return MapCell("K\(tile.color.letter)", ink: ink, emphasis: .bold)
        case .ball: return MapCell("O\(tile.color.letter)", ink: ink, emphasis: .bold)
        case .box: return MapCell("B\(tile.color.letter)", ink: ink, emphasis: .bold)
        case .door:
            let letter = tile.door == .open ? "/" : tile.door == .locked ? "L" : "D"
            return MapCell("\(letter)\(tile.color.letter)", ink: ink, emphasis: .bold)
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
