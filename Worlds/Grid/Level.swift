/// A generated instance: the rooms, the agent's pose and the mission.
struct Level: Sendable, Hashable {
    var layout: RoomLayout
    var agent: Point
    var facing: Direction
    var mission: Mission

    /// BabyAI's step budget: room-crossings the mission needs × cells of the whole maze.
    var stepBudget: Int {
        mission.navigations * layout.roomSize * layout.roomSize * layout.rows * layout.cols
    }
}

/// The invariants every generated level keeps, so that no instance needs a
/// blocker moved before it can be solved: every free cell is reachable from
/// the agent, every object has a reachable free side, and the key of every
/// locked door is reachable without passing a locked door.
enum Soundness {
    /// Cells reachable from `start` through empty cells and doors; locked doors
    /// count only when `throughLocked` is set.
    static func reachable(_ grid: Grid, from start: Point, throughLocked: Bool) -> [Bool] {
        var seen = Array(repeating: false, count: grid.tiles.count)
        var queue = [start]
        seen[start.y * grid.width + start.x] = true
        var head = 0
        while head < queue.count {
            let p = queue[head]
            head += 1
            for n in p.neighbours where grid.contains(n) && !seen[n.y * grid.width + n.x] {
                let t = grid[n]
                let open = t.kind == .empty || (t.kind == .door && (t.door != .locked || throughLocked))
                if open {
                    seen[n.y * grid.width + n.x] = true
                    queue.append(n)
                }
            }
        }
        return seen
    }

    /// Whether `grid` with the agent at `agent` keeps the invariants.
    static func holds(_ grid: Grid, agent: Point) -> Bool {
        let all = reachable(grid, from: agent, throughLocked: true)
        for (index, tile) in grid.tiles.enumerated() {
            let p = Point(x: index % grid.width, y: index / grid.width)
            switch tile.kind {
            case .empty:
                if !all[index] { return false }
            case .key, .ball, .box:
                if !hasFreeSide(p, grid, all) { return false }
            case .wall, .door:
                continue
            }
        }
        let lockedColors = grid.tiles.filter { $0.kind == .door && $0.door == .locked }.map(\.color)
        guard !lockedColors.isEmpty else { return true }
        let unlocked = reachable(grid, from: agent, throughLocked: false)
        for color in lockedColors {
            let holders = grid.points.filter { p in
                let t = grid[p]
                return (t.kind == .key && t.color == color) || t.inside?.isKey(color) == true
            }
            if !holders.contains(where: { hasFreeSide($0, grid, unlocked) }) { return false }
        }
        return true
    }

    static func hasFreeSide(_ p: Point, _ grid: Grid, _ reach: [Bool]) -> Bool {
        p.neighbours.contains { n in grid.contains(n) && grid[n].kind == .empty && reach[n.y * grid.width + n.x] }
    }
}
