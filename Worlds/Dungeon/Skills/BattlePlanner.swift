import DelveCore

/// The corridor battle's solver when the hero may only move, as in the `balrog` profile (MiniHack gives
/// the battle the compass moves alone, and its knight carries no potion).
///
/// The heuristic (`SkillExpert.battle`) takes the rats one at a time in the corridor, yet the dice kill
/// it in about a quarter of the fights. The planner looks ahead instead: the game is a value with its
/// dice inside, so a copy played forward shows exactly where a line of moves leads. It plays lines
/// ("tries") from the current state and returns the first move of the first line that wins.
///
/// Try 0 is the heuristic itself. Try `k > 0` leaves it on some turns for another free move, chosen by
/// hashing `(k, turn)`, never by the step count of the look-ahead: the same try played from a later
/// state on its own line makes the same moves, so a line that won stays won, and each call needs at
/// most as many tries as the call before it.
enum BattlePlanner {
    /// Lines tried per decision before falling back on the heuristic.
    static let tries = 64
    /// One turn in this many, a try other than 0 leaves the heuristic.
    static let departureRate: UInt64 = 6

    /// The move to play now: the first of `plan`'s line, or the heuristic's when no try wins.
    static func move(_ game: DungeonGame, stepsLeft: Int) -> String {
        plan(from: game, stepsLeft: stepsLeft)?.first ?? SkillExpert.battle(game, canWait: false)
    }

    /// The moves of the first try that wins from `game` within `stepsLeft` moves, or nil if none of the
    /// `tries` does. The line ends where the walk to the stairs becomes certain (no rat left), or on them.
    static func plan(from game: DungeonGame, stepsLeft: Int) -> [String]? {
        for k in 0..<tries {
            if let line = line(ofWinningTry: k, from: game, stepsLeft: stepsLeft) { return line }
        }
        return nil
    }

    /// Try `k`'s moves from `game`, if the try reaches the stairs within `stepsLeft` moves.
    static func line(ofWinningTry k: Int, from game: DungeonGame, stepsLeft: Int) -> [String]? {
        var game = game
        var moves: [String] = []
        while moves.count < stepsLeft {
            if game.dead { return nil }
            if game.level.monsters.isEmpty {
                // Nothing left to fight: the rest is the walk to the stairs, if it fits.
                guard let stairs = game.level.first(.stairsDown),
                      let walk = Walk(game.level, from: stairs, frozen: []).distance(game.hero.pos),
                      walk <= stepsLeft - moves.count else { return nil }
                return moves.isEmpty ? [SkillExpert.walk(game)] : moves
            }
            let move = choice(game, try: k)
            guard let direction = SkillExpert.directions.first(where: { $0.name == move }),
                  case .acted = game.perform(.move(direction)) else { return nil }
            moves.append(move)
            if game.level[game.hero.pos] == .stairsDown { return moves }
        }
        return nil
    }

    /// Try `k`'s move in `game`: the heuristic's, or on a departure turn another move that is not refused.
    static func choice(_ game: DungeonGame, try k: Int) -> String {
        let heuristic = SkillExpert.battle(game, canWait: false)
        guard k > 0 else { return heuristic }
        var hash = SeededRandom.derived(seed: UInt64(k), stream: UInt64(game.turn))
        guard hash.next() % departureRate == 0 else { return heuristic }
        let free = SkillExpert.directions.filter { game.moveRefusal($0) == nil }
        guard !free.isEmpty else { return heuristic }
        return free[hash.below(free.count)].name
    }
}
