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

    /// Calls `body` with the tiles under the 49 view cells, indexed
    /// `row * 7 + column` (cells off the grid read as wall): gathered once
    /// per observation, so that sight and description read them without
    /// looking up the grid again.
    static func withCells<Result>(grid: Grid, agent: Point, facing: Direction,
                                  _ body: (UnsafeBufferPointer<Tile>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Tile.self, capacity: size * size) { cells in
            let f = facing.vector, r = facing.right.vector, width = grid.width, height = grid.height
            grid.tiles.withUnsafeBufferPointer { tiles in
                for row in 0..<size {
                    let forward = size - 1 - row
                    for column in 0..<size {
                        let lateral = column - agentColumn
                        let x = agent.x + f.x * forward + r.x * lateral, y = agent.y + f.y * forward + r.y * lateral
                        let inside = x >= 0 && y >= 0 && x < width && y < height
                        cells.initializeElement(at: row * size + column, to: inside ? tiles[y * width + x] : .wall)
                    }
                }
            }
            return body(UnsafeBufferPointer(cells))
        }
    }

    /// Which view cells are seen: bit `row * 7 + column` of the mask.
    static func visibility(grid: Grid, agent: Point, facing: Direction) -> UInt64 {
        withCells(grid: grid, agent: agent, facing: facing) { visibility($0) }
    }

    /// Which of the view cells `cells` are seen.
    ///
    /// Row by row from the agent's, light spreads from each clear seen cell
    /// to the next cell sideways and, a row farther, to the cell ahead and
    /// the one diagonally ahead: first rightwards along the row, then
    /// leftwards (MiniGrid's order). A row is seven bits, and each sweep is
    /// a fill through its clear cells, done with shifts rather than a loop.
    static func visibility(_ cells: UnsafeBufferPointer<Tile>) -> UInt64 {
        var blocks: UInt64 = 0
        for index in 0..<size * size where cells[index].blocksSight { blocks |= 1 << UInt64(index) }
        let row: UInt64 = 0x7F, exceptLast: UInt64 = 0x3F, exceptFirst: UInt64 = 0x7E
        var seen: UInt64 = 0
        var lit: UInt64 = 1 << UInt64(agentColumn)  // the seen cells of the current row
        for current in stride(from: size - 1, through: 0, by: -1) {
            let clear = ~(blocks >> UInt64(current * size)) & row
            // Rightwards: the cells (not the last) that pass light on to their right.
            var right = lit & clear & exceptLast
            var through = clear & exceptLast
            right |= through & (right << 1); through &= through << 1
            right |= through & (right << 2); through &= through << 2
            right |= through & (right << 4)
            lit |= (right << 1) & row
            // Leftwards, from every cell seen so far (not the first).
            var left = lit & clear & exceptFirst
            through = clear & exceptFirst
            left |= through & (left >> 1); through &= through >> 1
            left |= through & (left >> 2); through &= through >> 2
            left |= through & (left >> 4)
            lit |= left >> 1
            seen |= lit << UInt64(current * size)
            // The next row out is lit above and diagonally above each passing cell.
            lit = (right | right << 1 | left | left >> 1) & row
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
        withCells(grid: grid, agent: agent, facing: facing) { describe($0, carrying: carrying) }
    }

    private static func describe(_ cells: UnsafeBufferPointer<Tile>, carrying: Tile?) -> String {
        let seen = visibility(cells)
        // The description is assembled as bytes, each line copied whole from
        // `lines` (after its newline), and made a String once. It holds at
        // most a line for each of the 48 cells around the agent (a wall or
        // an object) and one for what it carries.
        return lines.bytes.withUnsafeBufferPointer { table in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: lines.longest * (size * size + 1)) { text in
                var count = 0
                func add(_ line: Int) {
                    let start = lines.starts[line], length = lines.starts[line + 1] - start
                    guard let from = table.baseAddress, let to = text.baseAddress, count + length <= text.count else { return }
                    (to + count).update(from: from + start, count: length)
                    count += length
                }
                for (step, reach) in rays {
                    var index = (size - 1) * size + agentColumn
                    for _ in 1...reach {
                        index += step
                        guard isSeen(seen, index) else { break }
                        let kind = cells[index].kind
                        if kind == .empty { continue }
                        if kind == .wall { add(Lines.wall + index) }
                        break
                    }
                }
                for index in listingOrder where isSeen(seen, index) {
                    let tile = cells[index]
                    if tile.kind == .empty || tile.kind == .wall { continue }
                    add(Lines.object + phraseIndex(tile) * size * size + index)
                }
                if count == 0 { add(Lines.nothing) }
                if let carrying { add(Lines.carry + phraseIndex(carrying)) }
                // Every line starts with a newline; the first one's is dropped.
                return String(decoding: UnsafeBufferPointer(rebasing: text[1..<count]), as: UTF8.self)
            }
        }
    }

    /// The rays the nearest walls are looked for along, as (index step, length):
    /// straight ahead, then left, then right.
    static let rays = [(-size, size - 1), (-1, agentColumn), (1, agentColumn)]

    /// Where each kind of line starts in `lines`.
    private enum Lines {
        static let object = 0
        static let wall = objectLines.count
        static let carry = wall + wallLines.count
        static let nothing = carry + carryLines.count
    }

    /// Every line a description can hold, in the order of `Lines`.
    private static let lines = LineTable(objectLines + wallLines + carryLines + ["You see nothing but floor."])
}

/// Lines of text kept as one run of UTF-8 bytes, each after a newline, so
/// that text made of them is assembled by copying bytes.
struct LineTable: Sendable {
    /// Every line, each after a newline.
    let bytes: [UInt8]
    /// Where line `i` starts in `bytes` (its newline); one more entry ends the last.
    let starts: [Int]
    /// The most bytes a line takes, its newline included.
    let longest: Int

    init(_ lines: [String]) {
        var bytes: [UInt8] = [], starts: [Int] = []
        for line in lines {
            starts.append(bytes.count)
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: line.utf8)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
        longest = zip(starts, starts.dropFirst()).map { $1 - $0 }.max() ?? 0
    }
}
