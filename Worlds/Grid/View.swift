/// The agent's egocentric 7×7 view and its description in words.
///
/// View coordinates: column 0...6 left to right, row 0...6 far to near; the
/// agent stands at column 3 of row 6, looking "up" the view. A cell is seen
/// when light can reach it from the agent through cells that do not block
/// sight, spreading row by row away from the agent and sideways within a row
/// (MiniGrid's rule); walls and closed doors are seen but hide what is behind.
struct View {
    static let size = 7
    static let agentColumn = 3

    /// The world cell under view cell (column, row).
    static func worldPoint(column: Int, row: Int, agent: Point, facing: Direction) -> Point {
        let forward = size - 1 - row, lateral = column - agentColumn
        let f = facing.vector, r = facing.right.vector
        return Point(x: agent.x + f.x * forward + r.x * lateral, y: agent.y + f.y * forward + r.y * lateral)
    }

    /// Which view cells are seen: bit `row * 7 + column` of the mask.
    static func visibility(grid: Grid, agent: Point, facing: Direction) -> UInt64 {
        var blocks: UInt64 = 0
        let f = facing.vector, r = facing.right.vector
        for row in 0..<size {
            let forward = size - 1 - row
            for column in 0..<size {
                let lateral = column - agentColumn
                let p = Point(x: agent.x + f.x * forward + r.x * lateral, y: agent.y + f.y * forward + r.y * lateral)
                if grid[p].blocksSight { blocks |= 1 << UInt64(row * size + column) }
            }
        }
        var seen: UInt64 = 1 << UInt64((size - 1) * size + agentColumn)
        func mark(_ row: Int, _ column: Int) { seen |= 1 << UInt64(row * size + column) }
        func clear(_ row: Int, _ column: Int) -> Bool {
            let bit: UInt64 = 1 << UInt64(row * size + column)
            return seen & bit != 0 && blocks & bit == 0
        }
        for row in stride(from: size - 1, through: 0, by: -1) {
            for column in 0..<(size - 1) where clear(row, column) {
                mark(row, column + 1)
                if row > 0 {
                    mark(row - 1, column + 1)
                    mark(row - 1, column)
                }
            }
            for column in stride(from: size - 1, to: 0, by: -1) where clear(row, column) {
                mark(row, column - 1)
                if row > 0 {
                    mark(row - 1, column - 1)
                    mark(row - 1, column)
                }
            }
        }
        return seen
    }

    /// Whether view cell `index` is set in a visibility mask.
    static func isSeen(_ mask: UInt64, _ index: Int) -> Bool { mask & (1 << UInt64(index)) != 0 }

    /// "1 step left and 2 steps forward" for every view cell, indexed `row * 7 + column`.
    static let offsets: [String] = (0..<size * size).map { index in
        let forward = size - 1 - index / size, lateral = index % size - agentColumn
        func steps(_ n: Int, _ word: String) -> String { "\(n) step\(n == 1 ? "" : "s") \(word)" }
        var parts: [String] = []
        if lateral < 0 { parts.append(steps(-lateral, "left")) }
        if lateral > 0 { parts.append(steps(lateral, "right")) }
        if forward > 0 { parts.append(steps(forward, "forward")) }
        return parts.joined(separator: " and ")
    }

    /// View cells other than the agent's, nearest first (then farther ahead,
    /// then left before right): the order objects are listed in.
    static let listingOrder: [Int] = (0..<size * size)
        .filter { $0 != (size - 1) * size + agentColumn }
        .sorted { a, b in
            func key(_ i: Int) -> (Int, Int, Int) {
                let forward = size - 1 - i / size, lateral = i % size - agentColumn
                return (abs(lateral) + forward, forward, lateral)
            }
            return key(a) < key(b)
        }

    /// "a red ball", "a locked yellow door", indexed by kind, color and door state.
    static let nounPhrases: [String] = (0..<6 * 6 * 3).map { index in
        let kind = TileKind(rawValue: UInt8(index / 18)) ?? .empty
        let color = GridColor(rawValue: UInt8(index / 3 % 6)) ?? .grey
        let state = DoorState(rawValue: UInt8(index % 3)) ?? .open
        return Tile(kind: kind, color: color, door: state).withArticle
    }

    /// The index of a tile's phrase in `nounPhrases`.
    static func phraseIndex(_ tile: Tile) -> Int {
        Int(tile.kind.rawValue) * 18 + Int(tile.color.rawValue) * 3 + Int(tile.door.rawValue)
    }

    static func nounPhrase(_ tile: Tile) -> String { nounPhrases[phraseIndex(tile)] }

    /// Every object line, "a red ball 1 step left and 2 steps forward", made
    /// once: indexed `phraseIndex * 49 + view cell`.
    static let objectLines: [String] = nounPhrases.flatMap { phrase in offsets.map { phrase + " " + $0 } }

    /// "a wall 3 steps forward", by view cell.
    static let wallLines: [String] = offsets.map { "a wall " + $0 }

    /// "You carry a red key.", indexed as `nounPhrases`.
    static let carryLines: [String] = nounPhrases.map { "You carry \($0)." }

    /// The status line: what the agent carries.
    static func status(carrying: Tile?) -> String {
        guard let carrying else { return "You carry nothing." }
        return carryLines[phraseIndex(carrying)]
    }

    /// The text observation: the nearest wall straight ahead, left and right
    /// when nothing stands between, then every seen object with its offset.
    static func describe(grid: Grid, agent: Point, facing: Direction, carrying: Tile?) -> String {
        let seen = visibility(grid: grid, agent: agent, facing: facing)
        var text = ""
        text.reserveCapacity(320)
        func add(_ line: String) {
            if !text.isEmpty { text.append("\n") }
            text.append(line)
        }
        // Rays from the agent: straight ahead, then left, then right.
        for (dc, dr, reach) in [(0, -1, size - 1), (-1, 0, agentColumn), (1, 0, agentColumn)] {
            for n in 1...reach {
                let column = agentColumn + dc * n, row = size - 1 + dr * n
                guard isSeen(seen, row * size + column) else { break }
                let tile = grid[worldPoint(column: column, row: row, agent: agent, facing: facing)]
                if tile.kind == .empty { continue }
                if tile.kind == .wall { add(wallLines[row * size + column]) }
                break
            }
        }
        for index in listingOrder where isSeen(seen, index) {
            let tile = grid[worldPoint(column: index % size, row: index / size, agent: agent, facing: facing)]
            if tile.kind == .empty || tile.kind == .wall { continue }
            add(objectLines[phraseIndex(tile) * size * size + index])
        }
        if text.isEmpty { text = "You see nothing but floor." }
        if carrying != nil { add(status(carrying: carrying)) }
        return text
    }
}
