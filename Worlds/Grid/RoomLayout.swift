import DelveCore

/// One room of a room grid: its walls' top-left corner and its side length
/// (walls included, as BabyAI counts `room_size`).
struct Room: Sendable, Hashable {
    var origin: Point
    var size: Int

    /// Whether `p` is inside the walls.
    func contains(_ p: Point) -> Bool {
        p.x > origin.x && p.y > origin.y && p.x < origin.x + size - 1 && p.y < origin.y + size - 1
    }
}

/// Rooms laid out `rows` × `cols`, sharing walls, as BabyAI's room grid.
struct RoomLayout: Sendable, Hashable {
    let rows: Int
    let cols: Int
    let roomSize: Int
    var grid: Grid
    let rooms: [Room]

    init(rows: Int, cols: Int, roomSize: Int) {
        self.rows = rows
        self.cols = cols
        self.roomSize = roomSize
        var grid = Grid(width: (roomSize - 1) * cols + 1, height: (roomSize - 1) * rows + 1)
        for y in 0..<grid.height {
            for x in 0..<grid.width where x % (roomSize - 1) == 0 || y % (roomSize - 1) == 0 {
                grid[Point(x: x, y: y)] = .wall
            }
        }
        self.grid = grid
        rooms = (0..<rows).flatMap { r in
            (0..<cols).map { c in Room(origin: Point(x: c * (roomSize - 1), y: r * (roomSize - 1)), size: roomSize) }
        }
    }

    /// The index of the room whose interior holds `p`; doors belong to no room.
    func roomIndex(at p: Point) -> Int? {
        let c = p.x / (roomSize - 1), r = p.y / (roomSize - 1)
        guard r < rows, c < cols else { return nil }
        let index = r * cols + c
        return rooms[index].contains(p) ? index : nil
    }

    /// Pairs of neighbouring rooms, as (lower index, higher index), in a fixed order.
    var adjacentPairs: [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for r in 0..<rows {
            for c in 0..<cols {
                let i = r * cols + c
                if c + 1 < cols { pairs.append((i, i + 1)) }
                if r + 1 < rows { pairs.append((i, i + cols)) }
            }
        }
        return pairs
    }

    /// Puts a door in the wall between rooms `a` and `b` (neighbours, a < b), at a
    /// random place along it.
    mutating func addDoor(between a: Int, _ b: Int, tile: Tile, rng: inout SeededRandom) -> Point {
        let ra = rooms[a]
        let offset = 1 + rng.below(roomSize - 2)
        let p = b == a + 1
            ? Point(x: ra.origin.x + roomSize - 1, y: ra.origin.y + offset)
            : Point(x: ra.origin.x + offset, y: ra.origin.y + roomSize - 1)
        grid[p] = tile
        return p
    }
}
