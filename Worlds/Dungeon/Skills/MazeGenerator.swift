import DelveCore

/// Mazes for `maze_walk`, as NetHack's MAZEWALK carves them inside MiniHack's
/// MazeWalk boxes.
///
/// The box is `size × size` cells of solid stone inside a wall border
/// (MiniHack draws a `-` rectangle and fills it with stone). NetHack carves
/// passages on the cells with odd coordinates of the whole level; MiniHack
/// centres the box so that those fall on the box's even coordinates, 2 to
/// `size - 1`: a 9×9 box holds a 7×7 maze of 4 × 4 passage cells, a 15×15 box
/// a 13×13 maze of 7 × 7, and the row and column next to the border stay stone.
/// The walk starts where MAZEWALK's `(middle), east` lands: one step east of
/// the box's middle, moved onto passage parity, every cell it crosses opened.
/// That extra opening joins two neighbouring passage cells, so the maze has one
/// loop whenever the walk did not join them itself. A randomized depth-first
/// walk opens the wall between a cell and an unvisited neighbour two cells
/// away until every cell is visited. The hero and the stairs down stand on two
/// distinct open cells drawn at random; a pair farther apart than
/// `maxDistance` steps is drawn again, so the task's budget always suffices.
struct MazeGenerator: Sendable {
    /// Inside width and height of the box (MiniHack: 9 or 15); odd, at least 5.
    let size: Int
    /// The longest walk from the hero to the stairs a level may need.
    let maxDistance: Int

    /// The level for `seed`.
    func generate(seed: UInt64) -> SkillLayout {
        var random = SeededRandom(seed: seed)
        var layout = carve(&random)
        let passages = layout.points { $0 == .floor }
        let paths = SkillPaths(layout, moves: .king)
        while true {
            let hero = random.pick(passages)
            let distances = paths.distances(from: hero)
            let stairs = random.pick(passages)
            let steps = distances[stairs.y * layout.width + stairs.x]
            if stairs != hero, steps <= maxDistance {
                layout.hero = hero
                layout.stairsDown = stairs
                return layout
            }
        }
    }

    /// Passage cells along each side of the maze.
    var cellsPerSide: Int { (size - 1) / 2 }

    /// The carved box: a wall border, stone, and the passages.
    func carve(_ random: inout SeededRandom) -> SkillLayout {
        let side = size + 2
        var layout = SkillLayout(width: side, height: side, fill: .wall)
        for y in 1...size { for x in 1...size { layout[SkillPoint(x, y)] = .stone } }
        let cells = cellsPerSide
        func point(_ cx: Int, _ cy: Int) -> SkillPoint { SkillPoint(2 * cx + 2, 2 * cy + 2) }
        // MAZEWALK's start: east of the middle, then onto passage parity (even here), opening as it goes.
        let middle = (size + 1) / 2
        var start = SkillPoint(middle + 1, middle)
        layout[start] = .floor
        if start.x % 2 == 1 { start.x += 1; layout[start] = .floor }
        if start.y % 2 == 1 { start.y -= 1; layout[start] = .floor }
        var visited = Array(repeating: false, count: cells * cells)
        let first = ((start.x - 2) / 2, (start.y - 2) / 2)
        var stack = [first]
        visited[first.1 * cells + first.0] = true
        let steps = [(0, -1), (1, 0), (0, 1), (-1, 0)]
        while let (cx, cy) = stack.last {
            let open = steps.filter { dx, dy in
                let nx = cx + dx, ny = cy + dy
                return nx >= 0 && ny >= 0 && nx < cells && ny < cells && !visited[ny * cells + nx]
            }
            guard !open.isEmpty else {
                stack.removeLast()
                continue
            }
            let (dx, dy) = random.pick(open)
            let nx = cx + dx, ny = cy + dy
            visited[ny * cells + nx] = true
            layout[point(cx, cy).offset(dx, dy)] = .floor
            layout[point(nx, ny)] = .floor
            stack.append((nx, ny))
        }
        return layout
    }
}
