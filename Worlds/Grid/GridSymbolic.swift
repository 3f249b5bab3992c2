import DelveCore

extension GridWorld {
    /// MiniGrid's observation as arrays: `image`, the 7×7 view as MiniGrid
    /// encodes it (shape 7, 7, 3, indexed [column][row], the agent at
    /// column 3 of row 6 facing up), each cell (object, color, state) with
    /// MiniGrid's numbers, cells not seen all 0, the agent's own cell showing
    /// what it carries; and `direction`, its facing (0 east, 1 south, 2 west, 3 north).
    public var symbolic: [String: SymbolicArray]? {
        let size = View.size
        var data = [Int](repeating: 0, count: size * size * 3)
        View.withCells(grid: level.layout.grid, agent: level.agent, facing: level.facing) { cells in
            let seen = View.visibility(cells)
            for row in 0..<size {
                for column in 0..<size where seen & (1 << UInt64(row * size + column)) != 0 {
                    var tile = cells[row * size + column]
                    if row == size - 1 && column == View.agentColumn { tile = carrying ?? .empty }
                    let code = Self.minigridCode(tile)
                    let at = (column * size + row) * 3
                    data[at] = code.object
                    data[at + 1] = code.color
                    data[at + 2] = code.state
                }
            }
        }
        return ["image": SymbolicArray(shape: [size, size, 3], data: data),
                "direction": SymbolicArray(shape: [1], data: [level.facing.rawValue])]
    }

    /// A tile as MiniGrid's OBJECT_TO_IDX, COLOR_TO_IDX and STATE_TO_IDX number it.
    static func minigridCode(_ tile: Tile) -> (object: Int, color: Int, state: Int) {
        switch tile.kind {
        case .empty: (1, 0, 0)
        case .wall: (2, Int(GridColor.grey.rawValue), 0)
        case .door: (4, Int(tile.color.rawValue), Int(tile.door.rawValue))
        case .key: (5, Int(tile.color.rawValue), 0)
        case .ball: (6, Int(tile.color.rawValue), 0)
        case .box: (7, Int(tile.color.rawValue), 0)
        }
    }
}
