import DelveCore
@testable import DungeonWorld

/// The descend task's catalog entry.
func descendTask() -> TaskSpec { DungeonFamily.spec.tasks[0] }

/// A world playing a hand-built level: `rows` drawn with NetHack's glyphs
/// (`-` and `|` walls, `.` floor, `#` corridor, `+` closed door, `L` locked
/// door, `>` `<` stairs, `}` lava, `W` water, `0` boulder, `@` the hero).
struct StageTask: DungeonTask {
    var rows: [String]
    var lit = true
    var patience: Int? = nil
    var name: String { "stage" }
    var summary: String { "a hand-built level for tests" }
    var stepBudget: Int { 1_000 }
    var options: [OptionSpec] { [] }
    var mission: String { "test" }
    var goal: String { "Reach the stairs." }
    var milestones: [Milestone] { [] }

    func makeGame(seed: UInt64, options: WorldOptions) throws(WorldError) -> DungeonGame {
        DungeonGame(seed: seed, level: stage(rows, lit: lit))
    }
    func progress(of game: DungeonGame) -> Double { game.descendedOffLevel ? 100 : 0 }
    func reached(in game: DungeonGame) -> [String] { [] }
    func ending(of game: DungeonGame) -> EndReason? { game.descendedOffLevel ? .success : nil }
    func expertAction(for game: DungeonGame) -> String? { nil }
    var balrogVocabulary: [String] { BalrogKeys.nethackVocabulary }
    var balrogDefaultAction: String { "esc" }
    var balrogInstructions: String { BalrogInstructions.nethack }
}

/// A level from glyph rows.
func stage(_ rows: [String], lit: Bool = true) -> DungeonLevel {
    let width = rows.map(\.count).max() ?? 1
    var level = DungeonLevel(width: width, height: rows.count, fill: .rock, lit: lit)
    for (y, row) in rows.enumerated() {
        for (x, ch) in row.enumerated() {
            let p = Pos(x, y)
            switch ch {
            case "-", "|": level[p] = .wall
            case ".": level[p] = .floor
            case "#": level[p] = .corridor
            case "+": level[p] = .closedDoor
            case "L": level[p] = .lockedDoor
            case "o": level[p] = .openDoor
            case ">": level[p] = .stairsDown
            case "<": level[p] = .stairsUp
            case "}": level[p] = .lava
            case "W": level[p] = .water
            case "{": level[p] = .fountain
            case "0": level[p] = .floor; level.add(Item("boulder"), at: p)
            case "@": level[p] = .floor; level.heroStart = p
            default: break
            }
        }
    }
    return level
}

/// A game on a hand-built level, with the hero given `items`.
func stagedGame(_ rows: [String], lit: Bool = true, items: [Item] = [], seed: UInt64 = 1) -> DungeonGame {
    var game = DungeonGame(seed: seed, level: stage(rows, lit: lit))
    for item in items { game.hero.add(item) }
    return game
}

extension DungeonGame {
    /// Plays a typed command as the world would parse it; returns the outcome.
    @discardableResult
    mutating func play(_ text: String) -> Outcome {
        switch Command.parse(text, pack: hero.inventory, names: { fullName($0) }) {
        case let .success(c): return perform(c)
        case let .failure(e): return .refused(e.message)
        }
    }
}
