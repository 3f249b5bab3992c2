import DelveCore

extension DungeonWorld {
    /// The glyph map as NetHack's `chars`: `chars`, shape (rows, columns),
    /// the ASCII code of each map cell as the map shows it (what is seen
    /// now, what is remembered, a blank for what never was, `@` the hero).
    public var symbolic: [String: SymbolicArray]? {
        let level = game.level
        var chars = [Int](repeating: 32, count: level.height * level.width)
        for y in 0..<level.height {
            for x in 0..<level.width {
                chars[y * level.width + x] = Int(CellInk.cell(game, Pos(x, y)).0.asciiValue ?? 32)
            }
        }
        return ["chars": SymbolicArray(shape: [level.height, level.width], data: chars)]
    }
}
