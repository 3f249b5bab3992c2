/// The oracle: BabyAI's bot idea, replanned from the full state on every call.
///
/// It works on the mission's first unfinished instruction and breaks it into
/// subgoals: put down what is in the way of the hands, fetch the key of a
/// locked door on the way (opening the box that hides it), move an object that
/// blocks the only path, walk a shortest path (BFS), face the target, act.
/// Objects are put down only where they block no cell and no object, so the
/// level stays solvable.
struct GridExpert {
    let grid: Grid
    let agent: Point
    let facing: Direction
    let carrying: Tile?
    let mission: Mission

    init(world: GridWorld) {
        grid = world.level.layout.grid
        agent = world.level.agent
        facing = world.level.facing
        carrying = world.carrying
        mission = world.level.mission
    }

    var front: Point { agent + facing.vector }

    func nextAction() -> GridAction? {
        guard let leaf = mission.activeLeaves.first else { return nil }
        switch mission.leaves[leaf] {
        case let .goTo(d):
            if let carrying, d.names(carrying) { return putDown() }
            if d.names(grid[front]) { return .done }
            return reach(d.targets)
        case let .pickUp(d):
            if !isOpen(toward: d.targets) { return reach(d.targets) }
            if carrying != nil { return putDown() }
            if d.names(grid[front]) { return .pickUp }
            return reach(d.targets)
        case let .open(d):
            let door = grid[front]
            if d.names(door), door.door != .locked || holdsKey(door.color) { return .toggle }
            let doors = d.targets.compactMap(grid.position(of:))
            let usable = doors.filter { grid[$0].door != .locked || holdsKey(grid[$0].color) }
            if usable.isEmpty, let locked = doors.first { return fetchKey(grid[locked].color) }
            return reach(usable.map { grid[$0].id })
        case let .putNext(a, b):
            // Open the way to the fixed object first: its room may be locked.
            let open = isOpen(toward: b.targets)
            if let carrying, a.names(carrying) {
                // Carrying the key of the way in opens it; anything else is put down.
                guard open else { return reach(b.targets) }
                let fixed = b.targets.compactMap(grid.position(of:))
                let beside: (Point) -> Bool = { p in
                    grid[p].kind == .empty && fixed.contains { $0.distance(to: p) == 1 }
                }
                // Safe spots first, then any; the agent's own cell last: it
                // steps aside and drops back.
                return dropOn { $0 != agent && beside($0) && isSafeDrop($0) }
                    ?? dropOn { $0 != agent && beside($0) } ?? dropOn(beside)
            }
            if !open { return reach(b.targets) }
            if !isOpen(toward: a.targets) { return reach(a.targets) }
            if carrying != nil { return putDown() }
            if a.names(grid[front]) { return .pickUp }
            return reach(a.targets)
        }
    }

    /// Whether some object among `ids` can be reached without unlocking a
    /// door (true when none lies on the grid: there is nothing to open).
    private func isOpen(toward ids: [UInt8]) -> Bool {
        let targets = ids.compactMap(grid.position(of:))
        if targets.isEmpty { return true }
        return search({ $0.kind == .empty || ($0.kind == .door && $0.door != .locked) }) { p in
            targets.contains { $0.distance(to: p) == 1 }
        } != nil
    }

    private func holdsKey(_ color: GridColor) -> Bool {
        carrying?.kind == .key && carrying?.color == color
    }

    /// Where the agent may walk: floor, doors it can open on its way.
    private func walkable(_ tile: Tile) -> Bool {
        switch tile.kind {
        case .empty: true
        case .door: tile.door != .locked || holdsKey(tile.color)
        default: false
        }
    }

    /// Heads for a cell beside one of the objects `ids`, then faces it.
    private func reach(_ ids: [UInt8]) -> GridAction? {
        let targets = ids.compactMap(grid.position(of:))
        guard !targets.isEmpty else { return nil }
        let beside: (Point) -> Bool = { p in targets.contains { $0.distance(to: p) == 1 } }
        if let path = search(walkable, goal: beside), let last = path.last {
            if path.count > 1 { return walk(path[1]) }
            return turn(toward: targets.first { $0.distance(to: last) == 1 } ?? last)
        }
        // A locked door on the way: fetch its key first.
        let throughDoors: (Tile) -> Bool = { $0.kind == .empty || $0.kind == .door }
        if let path = search(throughDoors, goal: beside),
           let door = path.first(where: { grid[$0].kind == .door && grid[$0].door == .locked }) {
            return carrying == nil ? fetchKey(grid[door].color) : putDown()
        }
        // An object blocks every way: move it aside.
        let throughAll: (Tile) -> Bool = { $0.kind != .wall }
        if let path = search(throughAll, goal: beside),
           let blocker = path.dropFirst().first(where: { grid[$0].kind.isPortable }) {
            if carrying != nil { return putDown() }
            if blocker == front { return .pickUp }
            return reach([grid[blocker].id])
        }
        return nil
    }

    /// Gets the key of a locked door: picks it up, or opens the box that holds it.
    private func fetchKey(_ color: GridColor) -> GridAction? {
        if carrying != nil { return putDown() }
        let ahead = grid[front]
        if ahead.kind == .key && ahead.color == color { return .pickUp }
        if ahead.kind == .box && ahead.inside?.isKey(color) == true { return .toggle }
        let holders = grid.tiles.filter { ($0.kind == .key && $0.color == color) || ($0.kind == .box && $0.inside?.isKey(color) == true) }
        return reach(holders.map(\.id))
    }

    /// Puts the carried object down where it blocks nothing.
    private func putDown() -> GridAction? {
        dropOn { p in
            grid[p].kind == .empty && p != agent && !grid.isBesideDoor(p) && isSafeDrop(p)
        }
    }

    /// Walks to stand beside the nearest cell where `accepts` holds, faces it,
    /// drops. Cells are tried nearest first, so costly checks run on few.
    private func dropOn(_ accepts: (Point) -> Bool) -> GridAction? {
        if accepts(front) { return .drop }
        var spot: Point?
        let path = search(walkable) { p in
            spot = p.neighbours.first { grid.contains($0) && $0 != front && accepts($0) }
            return spot != nil
        }
        guard let path, let spot else { return nil }
        if path.count > 1 { return walk(path[1]) }
        return turn(toward: spot)
    }

    /// Whether dropping the carried object on `p` keeps every cell and object reachable.
    private func isSafeDrop(_ p: Point) -> Bool {
        guard let carrying else { return false }
        var after = grid
        after[p] = carrying
        return Soundness.holds(after, agent: agent)
    }

    /// One step along a path: face the next cell, open its door, or go.
    private func walk(_ next: Point) -> GridAction {
        if let turning = turn(toward: next) { return turning }
        return grid[next].kind == .door && grid[next].door != .open ? .toggle : .goForward
    }

    /// The turn that brings `target` (a neighbour) in front, or nil when it is.
    private func turn(toward target: Point) -> GridAction? {
        let needed = target - agent
        if needed == facing.vector { return nil }
        return needed == facing.right.vector ? .turnRight : .turnLeft
    }

    /// Breadth-first search from the agent through `passable` cells to the
    /// first cell where `goal` holds; the path includes both ends.
    private func search(_ passable: (Tile) -> Bool, goal: (Point) -> Bool) -> [Point]? {
        var parent = [Int](repeating: -1, count: grid.tiles.count)
        let start = agent.y * grid.width + agent.x
        parent[start] = start
        var queue = [agent]
        var head = 0
        while head < queue.count {
            let p = queue[head]
            head += 1
            if goal(p) {
                var path = [p]
                var index = p.y * grid.width + p.x
                while index != start {
                    index = parent[index]
                    path.append(Point(x: index % grid.width, y: index / grid.width))
                }
                return path.reversed()
            }
            for n in p.neighbours where grid.contains(n) && parent[n.y * grid.width + n.x] < 0 && passable(grid[n]) {
                parent[n.y * grid.width + n.x] = p.y * grid.width + p.x
                queue.append(n)
            }
        }
        return nil
    }
}
