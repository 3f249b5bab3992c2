import DelveCore

/// Draws the player's surroundings for people: the 9×7 cells the agent sees
/// (two characters a cell, terrain and creatures in color, darker at night
/// and asleep), then the vitals, the inventory, the time of day and the
/// achievements so far.
enum CraftRenderer {
    static let legend = [". grass  T tree  ~ water  : sand  # stone  _ path  % lava  c coal  i iron  d diamond  t table  f furnace",
                         "C cow  Z zombie  S skeleton  * plant (@ ripe)  - | arrows  << >> ^^ vv you (zz asleep)"]

    /// The paper of cells beyond the world's edge.
    static let outside: UInt8 = 16

    static func map(_ world: CraftWorld) -> CellMap {
        let book = RuleBook.standard
        let p = world.player.at
        var rows: [[MapCell]] = []
        let night = Daylight.at(step: world.steps) < 0.35
        for dy in -CraftText.halfHeight...CraftText.halfHeight {
            var row: [MapCell] = []
            for dx in -CraftText.halfWidth...CraftText.halfWidth {
                let c = Cell(p.x + dx, p.y + dy)
                guard Terrain.contains(c) else {
                    row.append(MapCell("  ", paper: outside))
                    continue
                }
                let material = Int(world.terrain[c])
                let rule = CraftRules.materials[material]
                var text = " " + String(rule.glyph)
                var ink: UInt8 = 255
                if c == p {
                    text = world.player.sleeping ? "zz" : playerGlyph(world.player.facing)
                    ink = 231
                } else if let k = world.creature(at: c) {
                    (text, ink) = glyph(world.creatures[k])
                } else if material == Int(Mat.grass) {
                    ink = 34
                }
                let paper = night || world.player.sleeping ? dim(rule.color) : rule.color
                row.append(MapCell(text, ink: ink, paper: paper, emphasis: .bold))
            }
            rows.append(row)
        }
        let vitals = Vital.all.map { "\(book.itemNames[$0]) \(world.player.inventory[$0])/\(book.itemMax[$0])" }.joined(separator: "  ")
        let time = Daylight.at(step: world.steps) < 0.35 ? "night" : "day"
        var footer = ["\(vitals)  | step \(world.steps), \(time)\(world.player.sleeping ? ", asleep" : "")"]
        let items = book.itemNames.indices.filter { !Vital.all.contains($0) && world.player.inventory[$0] > 0 }
            .map { "\(RuleBook.words(book.itemNames[$0])) \(world.player.inventory[$0])" }
        footer.append("inventory: " + (items.isEmpty ? "nothing" : items.joined(separator: ", ")))
        let done = CraftRules.achievements.indices.filter { world.unlocked[$0] }.map { RuleBook.words(CraftRules.achievements[$0]) }
        footer.append("achievements \(done.count)/\(CraftRules.achievements.count)" + (done.isEmpty ? "" : ": " + done.joined(separator: ", ")))
        return CellMap(rows: rows, footer: footer + legend)
    }

    private static func playerGlyph(_ d: Direction) -> String {
        switch d {
        case .west: "<<"
        case .east: ">>"
        case .north: "^^"
        case .south: "vv"
        }
    }

    private static func glyph(_ c: Creature) -> (String, UInt8) {
        switch c.kind {
        case .cow: (" C", 223)
        case .zombie: (" Z", 118)
        case .skeleton: (" S", 255)
        case .arrow: (c.heading.x != 0 ? " -" : " |", 230)
        case .plant: (c.ripe ? " @" : " *", c.ripe ? 196 : 156)
        }
    }

    /// A darker shade for night: the 256-color greys and the cube both step down.
    private static func dim(_ color: UInt8) -> UInt8 {
        let index = Int(color)
        if index >= 232 { return UInt8(max(232, index - 8)) }
        guard index >= 16 else { return color }
        let v = index - 16
        let r = v / 36, g = (v / 6) % 6, b = v % 6
        return UInt8(16 + 36 * max(0, r - 1) + 6 * max(0, g - 1) + max(0, b - 1))
    }
}
