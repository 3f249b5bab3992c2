/// The skill tasks' solvers: with the full state, each plays to the goal.
/// Every choice is a function of the game state alone (no memory between
/// calls), so the expert plays the same from the same state whatever came before.
enum SkillExpert {
    /// The eight directions, stored once (`allCases` builds a new array per call).
    static let directions = Direction.allCases

    /// Mazes and corridors: the shortest walk to the stairs down, fighting
    /// whatever stands next to the hero.
    static func walk(_ game: DungeonGame) -> String {
        if let foe = adjacentFoe(game) { return foe.name }
        return DescendBot.step(game, toward: { game.level[$0] == .stairsDown }) ?? "search"
    }

    /// The battle: take the rats one at a time. Drink the healing potion when
    /// down to half the hit points; with two or more rats next to the hero,
    /// step where fewer can reach (they spend their move following); fight the
    /// rat next to it (the weakest first); in the corridor, wait while rats
    /// are coming; else step closer to the stairs where the fewest rats can
    /// reach, waiting (while time allows) rather than stepping next to two or
    /// more at once (in the dark a rat notices the hero only from next to it).
    /// Without a waiting action (MiniHack gives the battle compass moves only) it backs away one
    /// step instead, into the corridor, and the rats follow one at a time.
    static func battle(_ game: DungeonGame, canWait: Bool = true) -> String {
        let wait = canWait ? "search" : retreat(game)
        if let potion = healingPotion(game) { return "quaff \(potion)" }
        let level = game.level, here = game.hero.pos
        func rats(around cell: Pos) -> Int { directions.filter { level.monster(at: cell.moved($0)) != nil }.count }
        let crowd = rats(around: here)
        if crowd >= 2, game.turn < patientUntil {
            var best: (Direction, Int)?
            for d in directions where game.moveRefusal(d) == nil && level.monster(at: here.moved(d)) == nil {
                let around = rats(around: here.moved(d))
                if around < crowd, best.map({ around < $0.1 }) ?? true { best = (d, around) }
            }
            if let (d, _) = best { return d.name }
        }
        if let foe = adjacentFoe(game) { return foe.name }
        if narrow(here, level), game.turn < patientUntil, level.monsters.contains(where: { $0.lastSeenHero != nil }) { return wait }
        guard let stairs = level.first(.stairsDown) else { return wait }
        let toStairs = Walk(level, from: stairs, frozen: [])
        let now = toStairs.distance(here) ?? Int.max
        var best: (Direction, Int, Int)?
        for d in directions where game.moveRefusal(d) == nil {
            let to = here.moved(d)
            guard level.monster(at: to) == nil, let left = toStairs.distance(to), left < now else { continue }
            let near = rats(around: to)
            if best.map({ (near, left) < ($0.1, $0.2) }) ?? true { best = (d, near, left) }
        }
        guard let (d, near, _) = best else { return walk(game) }
        return near >= 2 && game.turn < patientUntil ? wait : d.name
    }

    /// A step away from the stairs onto a free cell, narrow ones first: waiting by moving.
    private static func retreat(_ game: DungeonGame) -> String {
        let level = game.level, here = game.hero.pos
        guard let stairs = level.first(.stairsDown) else { return "west" }
        let toStairs = Walk(level, from: stairs, frozen: [])
        var best: (Direction, Bool, Int)?
        for d in directions where game.moveRefusal(d) == nil && level.monster(at: here.moved(d)) == nil {
            let to = here.moved(d), far = toStairs.distance(to) ?? 0, tight = narrow(to, level)
            if best.map({ (tight ? 1 : 0, far) > ($0.1 ? 1 : 0, $0.2) }) ?? true { best = (d, tight, far) }
        }
        return best?.0.name ?? "west"
    }

    /// True for a cell with at most two walkable neighbours: in a corridor, one rat at a time.
    private static func narrow(_ cell: Pos, _ level: DungeonLevel) -> Bool {
        directions.filter { level[cell.moved($0)].isWalkable }.count <= 2
    }

    /// The turn until which the battle expert waits for rats to come singly.
    static let patientUntil = 60

    /// The quests: pick up the wand and horn, fire cold at any monster in
    /// line (a ray kills a rat or a jackal; a charge is kept for the river
    /// until the way is open), fight what stands next to the hero when no
    /// charge is to spare, walk to the stairs if the way is open; else go to
    /// the nearest cell from which a ray freezes a way across the lava, and
    /// fire it.
    /// `usable` picks the cold items the expert may pick up and use.
    static func quest(_ game: DungeonGame, usable: (Item) -> Bool = { _ in true }) -> String {
        let hero = game.hero, level = game.level
        if let potion = healingPotion(game) { return "quaff \(potion)" }
        if level.objects.contains(where: { $0.pos == hero.pos && $0.item.info.effect == .cold }) { return "pick up" }
        let charged = hero.inventory.filter { $0.info.effect == .cold && $0.charges > 0 && usable($0) }
        let totalCharges = charged.reduce(0) { $0 + $1.charges }
        let open = DescendBot.step(game, toward: { level[$0] == .stairsDown })
        if let item = charged.first, open != nil || totalCharges > 1,
           let d = directions.first(where: { Ray(game, from: hero.pos, d: $0).monsters >= 1 }) {
            return fire(item, d)
        }
        if let foe = adjacentFoe(game) { return foe.name }
        if let open { return open }
        guard let item = charged.first, let (cell, d) = crossing(game) else { return "search" }
        if cell == hero.pos { return fire(item, d) }
        return DescendBot.step(game, toward: { $0 == cell }) ?? "search"
    }

    /// Boxoban: the first move of a fewest-push solution from here that fits
    /// the steps left (turns played count them), or any solution if none does.
    static func boxoban(_ game: DungeonGame) -> String {
        guard let board = SokobanBoard(game), !board.isSolved else { return "search" }
        let left = SkillTask.stepsLeft(game)
        let solution = SokobanSolver(maxMoves: left, nodeLimit: 5_000).solve(board)
            ?? SokobanSolver(maxMoves: 3 * SkillTask.budget, nodeLimit: 20_000).solve(board)
        guard let move = solution?.moves.first else { return "search" }
        return move.direction.name
    }

    /// The command that fires a cold item in a direction.
    private static func fire(_ item: Item, _ d: Direction) -> String {
        "\(item.info.itemClass == .wand ? "zap" : "apply") \(item.letter) \(d.name)"
    }

    /// The letter of a known healing potion (extra healing first), when the
    /// hero is down to half its hit points.
    private static func healingPotion(_ game: DungeonGame) -> Character? {
        guard game.hero.hp * 2 <= game.hero.maxHP else { return nil }
        let known = game.hero.inventory.filter { game.identified[$0.kind] }
        return (known.first { $0.info.effect == .extraHealing } ?? known.first { $0.info.effect == .healing })?.letter
    }

    /// The direction of the weakest monster next to the hero that a move can hit.
    private static func adjacentFoe(_ game: DungeonGame) -> Direction? {
        var best: (Direction, Int)?
        for d in directions {
            guard let m = game.level.monster(at: game.hero.pos.moved(d)), game.moveRefusal(d) == nil else { continue }
            let hp = game.level.monsters[m].hp
            if best.map({ hp < $0.1 }) ?? true { best = (d, hp) }
        }
        return best?.0
    }

    /// The nearest cell the hero can walk to, and a direction, from which a
    /// cold ray freezes lava so that the stairs come within reach: a ray whose
    /// frozen cells run unbroken from next to the hero's side to next to the
    /// stairs' side (checked by a walk over the thawed level at the end).
    private static func crossing(_ game: DungeonGame) -> (Pos, Direction)? {
        let level = game.level
        guard let stairs = level.first(.stairsDown) else { return nil }
        let near = Walk(level, from: game.hero.pos, frozen: [])
        let far = Walk(level, from: stairs, frozen: [])
        let lava = level.terrain.indices.filter { level.terrain[$0] == .lava }.map { Pos($0 % level.width, $0 / level.width) }
        func touches(_ cell: Pos, _ side: Walk) -> Bool { directions.contains { side.reaches(cell.moved($0)) } }
        func aims(_ cell: Pos, _ d: Direction) -> Bool {
            lava.contains { spot in
                let dx = spot.x - cell.x, dy = spot.y - cell.y, k = max(abs(dx), abs(dy))
                return k >= 1 && k <= Ray.range && dx == d.dx * k && dy == d.dy * k
            }
        }
        for cell in near.order {
            for d in directions where aims(cell, d) {
                let frozen = Ray(game, from: cell, d: d).lava
                guard let first = frozen.first, let last = frozen.last, touches(first, near), touches(last, far),
                      Walk(level, from: cell, frozen: frozen).reaches(stairs) else { continue }
                return (cell, d)
            }
        }
        return nil
    }
}

/// A cold ray's path as the engine fires it: up to 13 cells, through
/// monsters, over lava and water, stopped by anything that blocks sight.
struct Ray {
    /// How far a ray flies.
    static let range = 13
    /// Lava cells it would freeze.
    private(set) var lava: [Pos] = []
    /// Monsters it would hit.
    private(set) var monsters = 0

    init(_ game: DungeonGame, from start: Pos, d: Direction) {
        var at = start
        for _ in 0..<Self.range {
            let next = at.moved(d)
            let t = game.level[next]
            guard t.isTransparent || t == .lava || t == .water else { break }
            at = next
            if t == .lava { lava.append(at) }
            if game.level.monster(at: at) != nil { monsters += 1 }
        }
    }
}

/// The cells a walker reaches from a start, nearest first, by the engine's
/// moves (no lava, no boulders, never diagonally through a door); monsters
/// are no obstacle (a move into one attacks it). `frozen` lava counts as floor.
struct Walk {
    /// Reached cells in order of distance.
    private(set) var order: [Pos] = []
    /// Steps from the start per cell, row by row; -1 where unreached.
    private var steps: [Int]
    private let width: Int

    init(_ level: DungeonLevel, from start: Pos, frozen: [Pos]) {
        let width = level.width, height = level.height
        self.width = width
        steps = [Int](repeating: -1, count: width * height)
        guard level.contains(start) else { return }
        // Per cell: may a walker stand there, and is it a door (no diagonal steps).
        var open = level.terrain.map { $0.isWalkable && $0 != .lava }
        let door = level.terrain.map(\.isDoor)
        for spot in frozen where level.contains(spot) { open[spot.y * width + spot.x] = true }
        for object in level.objects where object.item.info.itemClass == .boulder && level.contains(object.pos) {
            open[object.pos.y * width + object.pos.x] = false
        }
        steps[start.y * width + start.x] = 0
        order = [start]
        var head = 0
        while head < order.count {
            let p = order[head]
            head += 1
            let from = p.y * width + p.x
            for d in SkillExpert.directions {
                let x = p.x + d.dx, y = p.y + d.dy
                guard x >= 0, y >= 0, x < width, y < height else { continue }
                let to = y * width + x
                guard steps[to] < 0, open[to], !(d.isDiagonal && (door[to] || door[from])) else { continue }
                steps[to] = steps[from] + 1
                order.append(Pos(x, y))
            }
        }
    }

    /// True when `goal` was reached.
    func reaches(_ goal: Pos) -> Bool { distance(goal) != nil }

    /// Steps from the start to `cell`, or nil if it was not reached.
    func distance(_ cell: Pos) -> Int? {
        guard cell.x >= 0, cell.y >= 0, cell.x < width, cell.y * width + cell.x < steps.count else { return nil }
        let n = steps[cell.y * width + cell.x]
        return n < 0 ? nil : n
    }
}
