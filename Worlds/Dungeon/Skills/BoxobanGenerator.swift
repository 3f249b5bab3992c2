import DelveCore

/// Boxoban levels made by reverse play, as DeepMind made Boxoban's: a room,
/// four boxes on their targets, then a player pulling boxes backwards; where
/// the pulling leaves the boxes is the puzzle, solvable by construction.
///
/// 1. The room: a random walk with brushes of one to four cells carves
///    floor out of the 8×8 inside of a 10×10 wall block.
/// 2. Four targets and the player on random floor cells; the boxes start on
///    the targets.
/// 3. Reverse play, up to `Tier.reverseMoves` moves: the player walks to a box and
///    pulls it, again and again (see `reversePlay`). Each position with no
///    box left on a target is scored, after Boxoban's generator, as box
///    switches (how often the pulled box changes, plus one) × the pushes the
///    boxes need at least (`PushDistances.estimate`). The best-scored
///    position of four plays is the level.
/// 4. The solver finds a fewest-push solution within the budget's moves. A
///    level is kept if there is one and its difficulty, measured on it, is
///    the tier's; otherwise another is drawn from the same stream. The
///    expert, solving the same position the same way, finds the same one.
struct BoxobanGenerator: Sendable {
    /// BALROG's two Boxoban sets.
    enum Tier: Sendable, Hashable {
        case medium, hard

        /// The tier of a level by its solution: hard when it needs many
        /// pushes and often turns from one box to another (see
        /// `difficulty`); nil when it is too easy for either.
        static func of(_ solution: SokobanSolver.Solution) -> Tier? {
            let difficulty = difficulty(solution)
            return difficulty >= hardThreshold ? .hard : difficulty >= mediumFloor ? .medium : nil
        }

        /// Pushes plus three per change of box pushed: long solutions that
        /// interleave boxes are the ones that need planning.
        static func difficulty(_ solution: SokobanSolver.Solution) -> Int {
            solution.pushes + 3 * solution.boxChanges
        }

        /// The least difficulty of a hard level.
        static let hardThreshold = 27
        /// The least difficulty of a medium level (fewer is too easy to count).
        static let mediumFloor = 15

        /// Moves of reverse play: longer for hard levels, which then come
        /// more often (the solution must still fit the budget).
        var reverseMoves: Int { self == .hard ? 300 : 100 }

        /// The least difficulty of the tier's levels in the `balrog` profile, near the means of DeepMind's
        /// medium and hard sets as our solver measures them (33 and 37; docs/balrog/minihack.md).
        var balrogFloor: Int { self == .hard ? 35 : 30 }

        /// True when a solution makes a level of this tier: in the `delve` profile by `of`, in the `balrog`
        /// profile by `balrogFloor`.
        func admits(_ solution: SokobanSolver.Solution, balrog: Bool) -> Bool {
            balrog ? Tier.difficulty(solution) >= balrogFloor : Tier.of(solution) == self
        }
    }

    /// A generated level and the solution that proves and classifies it.
    struct Level: Sendable, Hashable {
        var board: SokobanBoard
        var solution: SokobanSolver.Solution
    }

    let tier: Tier
    /// The most moves a solution may take (the task's budget).
    let maxMoves: Int
    /// Levels as hard as DeepMind's sets (the `balrog` profile), drawn with the hard tier's longer reverse play.
    var balrog = false

    /// The level for `seed`.
    func generate(seed: UInt64) -> Level {
        // The balrog profile's tiers draw the same way, so each takes a stream of its own: a seed's medium and
        // hard levels are not the same level.
        var random = balrog ? SeededRandom.derived(seed: seed, stream: tier == .hard ? 2 : 1) : SeededRandom(seed: seed)
        let solver = SokobanSolver(maxMoves: maxMoves, nodeLimit: 5_000)
        while true {
            guard let board = draw(&random), let solution = solver.solve(board) else { continue }
            if tier.admits(solution, balrog: balrog) { return Level(board: board, solution: solution) }
        }
    }

    /// One draw of room, targets and the best of four reverse plays; nil if
    /// the room is too small or no position was reached.
    func draw(_ random: inout SeededRandom) -> SokobanBoard? {
        let walls = carveRoom(&random)
        let floor = SokobanBoard.cells(~walls)
        guard floor.count >= 16 else { return nil }
        var spots = floor
        random.shuffle(&spots)
        let targets = spots.prefix(4).reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
        let board = SokobanBoard(walls: walls, targets: targets, boxes: targets, player: spots[4])
        var best: (board: SokobanBoard, score: Int)?
        for _ in 0..<4 {
            guard let play = reversePlay(board, steps: balrog ? Tier.hard.reverseMoves : tier.reverseMoves, &random), play.score > best?.score ?? 0 else { continue }
            best = play
        }
        return best?.board
    }

    /// The inside's walls after a random walk of brushes has carved the floor.
    func carveRoom(_ random: inout SeededRandom) -> UInt64 {
        let brushes: [[(Int, Int)]] = [
            [(0, 0)],
            [(-1, 0), (0, 0), (1, 0)],
            [(0, -1), (0, 0), (0, 1)],
            [(0, 0), (1, 0), (0, 1), (1, 1)],
            [(0, 0), (1, 0), (0, 1)],
        ]
        var walls = UInt64.max
        var x = 1 + random.below(SokobanBoard.inner), y = 1 + random.below(SokobanBoard.inner)
        var move = random.pick(SokobanBoard.moves)
        for _ in 0..<(24 + random.below(14)) {
            if random.chance(0.35) { move = random.pick(SokobanBoard.moves) }
            x = min(max(x + move.delta.dx, 1), SokobanBoard.inner)
            y = min(max(y + move.delta.dy, 1), SokobanBoard.inner)
            for (dx, dy) in random.pick(brushes) {
                if let cell = SokobanBoard.cell(x: x + dx, y: y + dy) { walls &= ~(1 << UInt64(cell)) }
            }
        }
        return walls
    }

    /// Random reverse play of up to `steps` moves from the solved `board`:
    /// again and again the player walks to a random box it can reach (more
    /// often one still on a target) and pulls it one to three cells, never
    /// into a pocket it could not step out of. Returns the best-scored
    /// position with every box off the targets, and its score, or nil if
    /// none was reached. The moves that reached it, reversed, solve it:
    /// walks become walks back and pulls become pushes.
    func reversePlay(_ board: SokobanBoard, steps: Int, _ random: inout SeededRandom) -> (board: SokobanBoard, score: Int)? {
        var position = board
        let distances = PushDistances(walls: board.walls, targets: board.targets)
        var places = SokobanBoard.cells(board.boxes)
        var switches = 0
        var lastPulled: Int?
        var best: (score: Int, board: SokobanBoard)?
        var moves = 0
        var walk = Array(repeating: -1, count: SokobanBoard.inner * SokobanBoard.inner)
        while true {
            flood(&walk, from: position.player, blocked: position.walls | position.boxes)
            var pulls: [(box: Int, move: SokobanBoard.Move)] = []
            for (box, cell) in places.enumerated() {
                for move in SokobanBoard.moves {
                    guard let stand = SokobanBoard.neighbor(cell, move), walk[stand] >= 0,
                          let back = SokobanBoard.neighbor(stand, move), !SokobanBoard.has(position.walls | position.boxes, back),
                          canLeave(back, blocked: position.walls | position.boxes & ~(1 << UInt64(cell)) | 1 << UInt64(stand))
                    else { continue }
                    pulls.append((box, move))
                }
            }
            guard !pulls.isEmpty else { break }
            let waiting = pulls.filter { SokobanBoard.has(position.targets, places[$0.box]) }
            let (box, move) = random.pick(!waiting.isEmpty && random.chance(0.6) ? waiting : pulls)
            guard let stand = SokobanBoard.neighbor(places[box], move) else { break }
            moves += walk[stand]
            position.player = stand
            for _ in 0..<(1 + random.below(3)) {
                let after = position.walls | position.boxes & ~(1 << UInt64(places[box])) | 1 << UInt64(position.player)
                guard let back = SokobanBoard.neighbor(position.player, move), !SokobanBoard.has(position.walls | position.boxes, back),
                      canLeave(back, blocked: after) else { break }
                position.boxes = position.boxes & ~(1 << UInt64(places[box])) | (1 << UInt64(position.player))
                places[box] = position.player
                position.player = back
                moves += 1
            }
            guard moves <= steps else { break }
            if let lastPulled, lastPulled != box { switches += 1 }
            lastPulled = box
            guard position.boxes & position.targets == 0 else { continue }
            guard let pushes = distances.estimate(position.boxes) else { continue }
            let score = (switches + 1) * pushes
            if score > best?.score ?? 0 { best = (score, position) }
        }
        return best.map { ($0.board, $0.score) }
    }

    /// True when the player at `cell` has a free cell to step to: a pull never
    /// leaves it shut in a pocket behind the box it pulled.
    private func canLeave(_ cell: Int, blocked: UInt64) -> Bool {
        SokobanBoard.moves.contains { move in
            SokobanBoard.neighbor(cell, move).map { !SokobanBoard.has(blocked, $0) } ?? false
        }
    }

    /// Steps from `from` to every cell not blocked, into `walk` (-1 where unreachable).
    private func flood(_ walk: inout [Int], from: Int, blocked: UInt64) {
        for index in walk.indices { walk[index] = -1 }
        walk[from] = 0
        var queue = [from]
        var head = 0
        while head < queue.count {
            let cell = queue[head]
            head += 1
            for move in SokobanBoard.moves {
                guard let next = SokobanBoard.neighbor(cell, move), walk[next] < 0, !SokobanBoard.has(blocked, next)
                else { continue }
                walk[next] = walk[cell] + 1
                queue.append(next)
            }
        }
    }
}
