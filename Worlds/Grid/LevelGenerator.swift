import DelveCore

/// Builds levels from a seed: rooms, doors, objects, the agent, the mission.
/// Every draw comes from `rng`; a draft that breaks the soundness invariants
/// or makes a mission BabyAI would reject is drawn again from the same stream.
struct LevelGenerator {
    var rng: SeededRandom
    var layout: RoomLayout
    var agent = Point(x: 0, y: 0)
    var facing = Direction.east
    private var nextID: UInt8 = 1

    init(rng: SeededRandom, rows: Int, cols: Int, roomSize: Int) {
        self.rng = rng
        layout = RoomLayout(rows: rows, cols: cols, roomSize: roomSize)
    }

    var grid: Grid {
        get { layout.grid }
        set { layout.grid = newValue }
    }

    mutating func newID() -> UInt8 {
        defer { nextID &+= 1 }
        return nextID
    }

    /// A door tile with a fresh id.
    mutating func door(_ color: GridColor, _ state: DoorState) -> Tile {
        Tile(kind: .door, color: color, door: state, id: newID())
    }

    /// A uniformly random cell of the room's interior where `fits` holds, given
    /// its tile index: the fitting cells are gathered row by row into a stack
    /// buffer and one is drawn. Interior cells never touch the grid's edge, so
    /// `fits` may look at the four neighbouring indices unchecked.
    mutating func randomCell(in room: Int, where fits: (Int) -> Bool) -> Point? {
        let r = layout.rooms[room], width = layout.grid.width
        let chosen: Int? = withUnsafeTemporaryAllocation(of: Int.self, capacity: (r.size - 2) * (r.size - 2)) { buffer in
            var count = 0
            for y in r.origin.y + 1..<r.origin.y + r.size - 1 {
                for index in y * width + r.origin.x + 1..<y * width + r.origin.x + r.size - 1 where fits(index) {
                    buffer[count] = index
                    count += 1
                }
            }
            return count == 0 ? nil : buffer[rng.below(count)]
        }
        return chosen.map { Point(x: $0 % width, y: $0 / width) }
    }

    /// A random empty cell of the room that is not beside a door and not the agent's.
    mutating func freeCell(in room: Int) -> Point? {
        let width = layout.grid.width
        let agentIndex = agent.y * width + agent.x
        return layout.grid.tiles.withUnsafeBufferPointer { tiles in
            randomCell(in: room) { index in
                tiles[index].kind == .empty && index != agentIndex
                    && tiles[index + 1].kind != .door && tiles[index - 1].kind != .door
                    && tiles[index + width].kind != .door && tiles[index - width].kind != .door
            }
        }
    }

    /// Places an object in a room; returns its position, or nil when the room is full.
    @discardableResult
    mutating func addObject(_ kind: TileKind, _ color: GridColor, room: Int) -> Point? {
        guard let p = freeCell(in: room) else { return nil }
        grid[p] = Tile(kind: kind, color: color, id: newID())
        return p
    }

    /// Places `count` random keys, balls and boxes in random rooms among `rooms`.
    mutating func addDistractors(_ count: Int, rooms: [Int]) {
        for _ in 0..<count {
            let kind = rng.pick(TileKind.portable)
            addObject(kind, rng.pick(GridColor.all), room: rng.pick(rooms))
        }
    }

    /// Puts the agent on a random free cell of one of `rooms`, facing a random way.
    mutating func placeAgent(rooms: [Int]) -> Bool {
        let room = rng.pick(rooms)
        let tiles = layout.grid.tiles
        guard let cell = randomCell(in: room, where: { tiles[$0].kind == .empty }) else { return false }
        agent = cell
        facing = rng.pick(Direction.allCases)
        return true
    }

    /// Connects every room with closed doors: a random spanning tree over
    /// neighbouring rooms, skipping rooms in `exclude`.
    mutating func connectRooms(excluding exclude: [Int]) {
        var pairs = layout.adjacentPairs.filter { !exclude.contains($0.0) && !exclude.contains($0.1) }
        rng.shuffle(&pairs)
        var component = Array(0..<layout.rooms.count)
        func find(_ i: Int) -> Int {
            var i = i
            while component[i] != i { i = component[i] }
            return i
        }
        for (a, b) in pairs where find(a) != find(b) {
            component[find(a)] = find(b)
            let tile = door(rng.pick(GridColor.all), .closed)
            _ = layout.addDoor(between: a, b, tile: tile, rng: &rng)
        }
    }

    /// Every object (not wall, not floor) on the grid, row by row.
    var objects: [(Point, Tile)] {
        let grid = grid
        var found: [(Point, Tile)] = []
        for (index, tile) in grid.tiles.enumerated() where tile.id != 0 {
            found.append((Point(x: index % grid.width, y: index / grid.width), tile))
        }
        return found
    }

    /// Describes an object picked at random among `kinds`: its kind, its color
    /// (always when `alwaysColor`, else most of the time) and, when
    /// `locations` is set, sometimes where it lies relative to the agent.
    /// The description names every object it fits.
    mutating func describeRandomObject(kinds: [TileKind], alwaysColor: Bool, locations: Bool) -> ObjectDescription? {
        let candidates = objects.filter { kinds.contains($0.1.kind) }
        guard !candidates.isEmpty else { return nil }
        let (position, tile) = rng.pick(candidates)
        let color: GridColor? = alwaysColor || rng.chance(0.8) ? tile.color : nil
        var location: RelativeLocation?
        let startRoom = layout.roomIndex(at: agent)
        if locations, rng.chance(0.5), startRoom != nil, layout.roomIndex(at: position) == startRoom {
            let fitting = RelativeLocation.allCases.filter { $0.holds(for: position - agent, facing: facing) }
            if !fitting.isEmpty { location = rng.pick(fitting) }
        }
        let targets = objects.filter { p, t in
            t.kind == tile.kind && (color == nil || t.color == color)
                && (location == nil || (layout.roomIndex(at: p) == startRoom && location?.holds(for: p - agent, facing: facing) == true))
        }.map(\.1.id)
        return ObjectDescription(kind: tile.kind, color: color, location: location, targets: targets)
    }

    /// A random single instruction of one of `kinds`.
    mutating func randomLeaf(_ kinds: [InstructionKind], alwaysColor: Bool, locations: Bool) -> Leaf? {
        let portable = TileKind.portable
        switch rng.pick(kinds) {
        case .goTo:
            return describeRandomObject(kinds: portable + [.door], alwaysColor: alwaysColor, locations: locations).map(Leaf.goTo)
        case .pickUp:
            return describeRandomObject(kinds: portable, alwaysColor: alwaysColor, locations: locations).map(Leaf.pickUp)
        case .open:
            return describeRandomObject(kinds: [.door], alwaysColor: alwaysColor, locations: false).map(Leaf.open)
        case .putNext:
            guard let a = describeRandomObject(kinds: portable, alwaysColor: alwaysColor, locations: locations),
                  let b = describeRandomObject(kinds: portable, alwaysColor: alwaysColor, locations: locations)
            else { return nil }
            return validPutNext(a, b) ? .putNext(a, next: b) : nil
        }
    }

    /// BabyAI rejects "put X next to Y" when X and Y may be the same object or
    /// are already side by side.
    func validPutNext(_ a: ObjectDescription, _ b: ObjectDescription) -> Bool {
        if a.targets.contains(where: b.targets.contains) { return false }
        let moved = a.targets.compactMap(grid.position(of:)), fixed = b.targets.compactMap(grid.position(of:))
        return !moved.contains { m in fixed.contains { $0.distance(to: m) == 1 } }
    }

    /// Whether the level as drawn keeps the soundness invariants.
    var isSound: Bool { Soundness.holds(grid, agent: agent) }

    func level(_ mission: Mission) -> Level {
        Level(layout: layout, agent: agent, facing: facing, mission: mission)
    }
}
