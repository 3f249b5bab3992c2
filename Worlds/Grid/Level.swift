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
        let width = grid.width, count = grid.tiles.count
        var seen = [Bool](repeating: false, count: count)
        var queue = [Int]()
        queue.reserveCapacity(count)
        let first = start.y * width + start.x
        seen[first] = true
        queue.append(first)
        var head = 0
        while head < queue.count {
            let index = queue[head]
            head += 1
            let x = index % width
            for next in [index + 1, index + width, index - 1, index - width] {
                guard next >= 0, next < count, seen[next] == false,
                      abs(next % width - x) <= 1 else { continue }
                let t = grid.tiles[next]
                if t.kind == .empty || (t.kind == .door && (t.door != .locked || throughLocked)) {
                    seen[next] = true
                    queue.append(next)
                }
            }
        }
        return seen
    }

    /// Whether `grid` with the agent at `agent` keeps the invariants.
    static func holds(_ grid: Grid, agent: Point) -> Bool {
        let all = reachable(grid, from: agent, throughLocked: true)
        var lockedColors: [GridColor] = []
        for (index, tile) in grid.tiles.enumerated() {
            switch tile.kind {
            case .empty:
                if !all[index] { return false }
            case .key, .ball, .box:
                if !hasFreeSide(index, grid, all) { return false }
            case .door:
                if tile.door == .locked { lockedColors.append(tile.color) }
            case .wall:
                continue
            }
        }
        guard !lockedColors.isEmpty else { return true }
        let unlocked = reachable(grid, from: agent, throughLocked: false)
        for color in lockedColors {
            let reachableKey = grid.tiles.indices.contains { index in
                let t = grid.tiles[index]
                let holds = (t.kind == .key && t.color == color) || t.inside?.isKey(color) == true
                return holds && hasFreeSide(index, grid, unlocked)
            }
            if !reachableKey { return false }
        }
        return true
    }

    /// Whether the cell at `index` has an empty side among the `reach` cells.
    static func hasFreeSide(_ index: Int, _ grid: Grid, _ reach: [Bool]) -> Bool {
        let width = grid.width, x = index % width
        for next in [index + 1, index + width, index - 1, index - width]
        where next >= 0 && next < grid.tiles.count && abs(next % width - x) <= 1 {
            if reach[next] && grid.tiles[next].kind == .empty { return true }
        }
        return false
    }
}
