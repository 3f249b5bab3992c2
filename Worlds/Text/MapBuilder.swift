import DelveCore

/// Lays rooms out as a random tree on a square grid, so that exits agree
/// with each other (north of A is B exactly when south of B is A).
struct MapLayout: Sendable {
    /// Each room's cell.
    var cells: [(x: Int, y: Int)] = []
    /// Each room's parent in the tree (-1 for the first) and the direction from parent to it.
    var parent: [Int] = []
    var direction: [Direction] = []

    /// The side of the square the map must fit in, centred on room 0.
    private var side = 1
    /// The room on each cell of the square, row by row; -1 for none.
    private var occupied: [Int32] = [-1]

    /// An empty layout in a square big enough for `count` rooms (about one
    /// cell in five used) and for a walk of `path` rooms from its centre.
    init(capacity count: Int = 1, path: Int = 1) {
        var root = 1
        while root * root < count { root += 1 }
        side = max(2 * root + 3, 2 * path + 1)
        occupied = Array(repeating: -1, count: side * side)
    }

    /// The room at a cell (relative to room 0), if any; cells outside the square count as taken.
    func room(at x: Int, _ y: Int) -> Int? {
        let (cx, cy) = (x + side / 2, y + side / 2)
        guard cx >= 0, cy >= 0, cx < side, cy < side else { return Int.max }
        let r = occupied[cy * side + cx]
        return r < 0 ? nil : Int(r)
    }

    private mutating func add(_ x: Int, _ y: Int, parent p: Int, _ d: Direction) {
        occupied[(y + side / 2) * side + x + side / 2] = Int32(cells.count)
        cells.append((x, y))
        parent.append(p)
        direction.append(d)
    }

    /// A chain of `path` rooms (a self-avoiding walk from room 0), then more
    /// rooms hung off random rooms until there are `count`.
    static func grow(count: Int, path: Int = 1, _ rng: inout SeededRandom) -> MapLayout {
        var layout = MapLayout(capacity: count, path: path)
        walk: for _ in 0..<64 {
            layout = MapLayout(capacity: count, path: path)
            layout.add(0, 0, parent: -1, .north)
            while layout.cells.count < path {
                let last = layout.cells.count - 1
                let (x, y) = layout.cells[last]
                var free: [Direction] = []
                for d in Direction.planar where layout.room(at: x + d.offset.dx, y + d.offset.dy) == nil { free.append(d) }
                guard !free.isEmpty else { continue walk }
                let d = rng.pick(free)
                layout.add(x + d.offset.dx, y + d.offset.dy, parent: last, d)
            }
            break
        }
        var attempts = 0
        while layout.cells.count < count {
            attempts += 1
            let from = rng.below(layout.cells.count)
            let d = rng.pick(Direction.planar)
            let (x, y) = layout.cells[from]
            if layout.room(at: x + d.offset.dx, y + d.offset.dy) == nil {
                layout.add(x + d.offset.dx, y + d.offset.dy, parent: from, d)
            } else if attempts > 64 * count {
                layout.addAnywhere()
            }
        }
        return layout
    }

    /// TextWorld's coin collector map ("simple" distractors): a chain of
    /// `path` rooms from room 0, each joined to the next by a random free
    /// side, then dead-end rooms hung on the chain's rooms in turn (the first,
    /// the second, ..., the first again), each on a random free side, until
    /// there are `count`; when the chain has no free side left, on the dead
    /// ends. As in TextWorld, exits agree both ways but the rooms need not
    /// fit on a plane: the layout keeps no cells (`cells` are all at the origin).
    static func chainWithDeadEnds(count: Int, path: Int, _ rng: inout SeededRandom) -> MapLayout {
        var layout = MapLayout()
        var used: [[Bool]] = []
        func add(parent p: Int, _ d: Direction) {
            layout.cells.append((0, 0))
            layout.parent.append(p)
            layout.direction.append(d)
            var sides = [false, false, false, false]
            if p >= 0 {
                used[p][d.rawValue] = true
                sides[d.opposite.rawValue] = true
            }
            used.append(sides)
        }
        func free(_ room: Int) -> [Direction] { Direction.planar.filter { !used[room][$0.rawValue] } }
        add(parent: -1, .north)
        while layout.cells.count < path {
            let last = layout.cells.count - 1
            add(parent: last, rng.pick(free(last)))
        }
        var turn = 0
        while layout.cells.count < count {
            let candidates = Array(0..<path) + Array(path..<layout.cells.count)
            guard let from = (0..<candidates.count).lazy.map({ candidates[(turn + $0) % candidates.count] }).first(where: { !free($0).isEmpty })
            else { break }
            add(parent: from, rng.pick(free(from)))
            turn = from < path ? (from + 1) % path : 0
        }
        return layout
    }

    /// Hangs a room on the first free side of the first room that has one.
    private mutating func addAnywhere() {
        for from in cells.indices {
            for d in Direction.planar where room(at: cells[from].x + d.offset.dx, cells[from].y + d.offset.dy) == nil {
                add(cells[from].x + d.offset.dx, cells[from].y + d.offset.dy, parent: from, d)
                return
            }
        }
    }

    /// The rooms from `a` to `b` along the tree, both included.
    func path(from a: Int, to b: Int) -> [Int] {
        var up: [Int] = [a]
        while let last = up.last, parent[last] >= 0 { up.append(parent[last]) }
        var down: [Int] = [b]
        while let last = down.last, !up.contains(last), parent[last] >= 0 { down.append(parent[last]) }
        guard let meet = down.last, let cut = up.firstIndex(of: meet) else { return [a] }
        return Array(up[...cut]) + down.dropLast().reversed()
    }

    /// Depth of each room in the tree (room 0 is at 0).
    var depths: [Int] {
        var out = Array(repeating: 0, count: cells.count)
        for i in cells.indices where parent[i] >= 0 { out[i] = out[parent[i]] + 1 }
        return out
    }
}
