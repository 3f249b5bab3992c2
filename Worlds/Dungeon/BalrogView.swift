/// The `balrog` profile's observation: BALROG's hybrid NetHack text. The
/// long-term context holds four sections, each a heading line and its text:
/// the message, the language observation, the cursor (what lies under it and
/// its terminal coordinates) and the map, which is NLE's terminal without its
/// message row: 21 map rows and the two status lines, 80 columns each. The
/// short-term context is the inventory.
enum BalrogView {
    /// Terminal columns.
    static let columns = 80
    /// Terminal rows of the map (the message row above, the status rows below).
    static let mapRows = 21

    /// Where the level's cell (0, 0) lies on the map: smaller levels (the skill tasks') are centered, as
    /// MiniHack places its maps.
    static func origin(_ level: DungeonLevel) -> (x: Int, y: Int) {
        (max(0, (columns - level.width) / 2), max(0, (mapRows - level.height) / 2))
    }

    /// The 21 map rows and the two status lines, each padded to 80 columns.
    static func screen(_ game: DungeonGame) -> [String] {
        let level = game.level, o = origin(level)
        var rows: [String] = []
        rows.reserveCapacity(mapRows + 2)
        for row in 0..<mapRows {
            var line = ""
            line.reserveCapacity(columns)
            let y = row - o.y
            for column in 0..<columns {
                let x = column - o.x
                if y >= 0, y < level.height, x >= 0, x < level.width {
                    line.append(CellInk.cell(game, Pos(x, y)).0)
                } else {
                    line.append(" ")
                }
            }
            rows.append(line)
        }
        let (top, bottom) = statusLines(game)
        rows.append(padded(top))
        rows.append(padded(bottom))
        return rows
    }

    /// NetHack's two bottom lines: the hero's name and rank with strength; then depth, gold, hit points, power,
    /// armor class, experience, turns, and hunger and conditions when there are any.
    static func statusLines(_ game: DungeonGame) -> (String, String) {
        let h = game.hero
        let name = "Agent the \(rank(h.level))"
        let top = name + String(repeating: " ", count: max(1, 30 - name.count)) + "St:\(h.strength)"
        var bottom = "Dlvl:\(game.depth) $:\(h.gold) HP:\(h.hp)(\(h.maxHP)) Pw:\(h.pw)(\(h.maxPW)) AC:\(h.ac) Xp:\(h.level)/\(h.xp) T:\(game.turn)"
        if h.hungerWord != "Not Hungry" { bottom += " " + h.hungerWord }
        if h.sleepTurns > 0 { bottom += " Asleep" }
        if h.confusedTurns > 0 { bottom += " Conf" }
        if h.trappedTurns > 0 { bottom += " Trapped" }
        return (top, bottom)
    }

    /// A fighter's rank title by experience level (NetHack's Valkyrie ranks).
    static func rank(_ level: Int) -> String {
        switch level {
        case ..<3: "Stripling"
        case 3...5: "Skirmisher"
        case 6...9: "Fighter"
        case 10...13: "Man-at-arms"
        case 14...17: "Warrior"
        case 18...21: "Swashbuckler"
        case 22...25: "Hero"
        case 26...29: "Champion"
        default: "Lord"
        }
    }

    /// The cursor section: what the cursor is on (the hero), then its terminal column and row.
    static func cursor(_ game: DungeonGame) -> String {
        let o = origin(game.level)
        return "Yourself a fighter\n(x=\(game.hero.pos.x + o.x), y=\(game.hero.pos.y + o.y + 1))"
    }

    /// The long-term context: message, language observation, cursor, map.
    static func text(_ game: DungeonGame, message: String, language: String) -> String {
        var text = "message:\n"
        text += message
        text += "\n\nlanguage observation:\n"
        text += language
        text += "\n\ncursor:\n"
        text += cursor(game)
        text += "\n\nmap:\n"
        text += screen(game).joined(separator: "\n")
        text += "\n\n"
        return text
    }

    /// The short-term context: the inventory.
    static func status(inventory: String) -> String { "inventory:\n" + inventory + "\n" }

    private static func padded(_ s: String) -> String {
        s.count >= columns ? String(s.prefix(columns)) : s + String(repeating: " ", count: columns - s.count)
    }
}
