import DelveCore

extension CraftWorld {
    /// Crafter's semantic arrays: `local_view`, the 9×7 cells around the
    /// player (shape 9, 7, indexed [x][y] as Crafter's semantic map, the
    /// player at [4][3]) numbered as Crafter numbers them (0 outside the map,
    /// materials 1 water ... 12 furnace, then 13 player, 14 cow, 15 zombie,
    /// 16 skeleton, 17 arrow, 18 plant); and `inventory`, the 16 amounts in
    /// Crafter's order (health, food, drink, energy, sapling, wood, ...).
    public var symbolic: [String: SymbolicArray]? {
        let width = 9, height = 7
        var view = [Int](repeating: 0, count: width * height)
        for x in 0..<width {
            for y in 0..<height {
                let cell = Cell(player.at.x + x - width / 2, player.at.y + y - height / 2)
                guard Terrain.contains(cell) else { continue }
                let slot = Int(occupant[index(cell)])
                view[x * height + y] = cell == player.at ? 13
                    : slot > 0 ? 14 + Int(creatures[slot - 1].kind.rawValue) : 1 + Int(terrain[cell])
            }
        }
        return ["local_view": SymbolicArray(shape: [width, height], data: view),
                "inventory": SymbolicArray(shape: [player.inventory.count], data: player.inventory)]
    }
}
