import DelveCore

/// The levels of the `balrog` profile: BabyAI's MixedTrainLocal level as
/// BALROG makes it (`num_dists: 0`, one mission kind per task), drawn the way
/// MiniGrid draws it. The agent goes in first and objects keep one cell away
/// from it; in `open` the locked door's color is yellow, green, blue or
/// purple and the key, the agent and any distractors are in the other room.
/// Missions naming a yellow box, a red key, a green ball, a red door or a
/// grey door are drawn again (MixedTrainLocal keeps them for its test set:
/// `GridTask.generateBalrog`). One draft function per kind of task
/// (`GridTask.balrogDraft`).
enum BalrogLevels {
    /// What MixedTrainLocal's training split never names.
    static let heldOutPhrases = ["yellow box", "red key", "red door", "green ball", "grey door"]

    /// MixedTrainLocal's locked-door colors: red and grey are held out.
    static let balrogDoorColors: [GridColor] = [.yellow, .green, .blue, .purple]

    /// One room, the agent first, then the distractors and one more object away from it; the mission
    /// (`mission`: go to, pick up) is about one of them.
    static func oneObject(_ gen: inout LevelGenerator, _ distractors: Int, _ mission: (ObjectDescription) -> Leaf) -> Level? {
        guard gen.placeAgentFacingFloor(room: 0) else { return nil }
        let objects = gen.scatter(distractors + 1, room: 0, awayFrom: gen.agent)
        guard objects.count == distractors + 1, gen.isBalrogSound else { return nil }
        let chosen = gen.rng.pick(objects)
        return gen.level(Mission(mission(gen.describe(chosen))))
    }

    /// One room, two objects besides the distractors: put the first next to the second, or (`sequence`)
    /// pick up the first, then go to the second.
    static func twoObjects(_ gen: inout LevelGenerator, _ distractors: Int, sequence: Bool) -> Level? {
        guard gen.placeAgentFacingFloor(room: 0) else { return nil }
        let objects = gen.scatter(distractors + 2, room: 0, awayFrom: gen.agent)
        guard objects.count == distractors + 2, gen.isBalrogSound else { return nil }
        let firstCell = gen.rng.pick(objects)
        let first = gen.describe(firstCell)
        var second = gen.rng.pick(objects)
        // The second object differs from the first unless the first's
        // description names two objects or more.
        if first.targets.count < 2 {
            let others = objects.filter { gen.grid[$0].kind != first.kind || gen.grid[$0].color != first.color }
            guard !others.isEmpty else { return nil }
            if gen.grid[second].kind == first.kind && gen.grid[second].color == first.color { second = gen.rng.pick(others) }
        }
        let other = gen.describe(second)
        guard sequence else {
            guard gen.validPutNext(first, other) else { return nil }
            return gen.level(Mission(.putNext(first, next: other)))
        }
        let root: Mission.Node = gen.rng.chance(0.5) ? .before(.leaf(0), .leaf(1)) : .after(.leaf(1), .leaf(0))
        return gen.level(Mission(root: root, leaves: [.pickUp(first), .goTo(other)]))
    }

    /// Two rooms side by side, the door between them locked; the key, the
    /// agent and the distractors in the unlocked room.
    static func lockedDoor(_ gen: inout LevelGenerator, _ distractors: Int) -> Level? {
        let color = gen.rng.pick(balrogDoorColors)
        let locked = gen.rng.below(2), home = 1 - locked
        let door = gen.door(color, .locked)
        _ = gen.layout.addDoor(between: 0, 1, tile: door, rng: &gen.rng)
        // Until the agent is placed, MiniGrid's agent stands in the middle
        // of the grid, and the objects keep one cell away from there.
        let size = gen.layout.roomSize
        let middle = Point(x: gen.layout.cols / 2 * (size - 1) + size / 2, y: gen.layout.rows / 2 * (size - 1) + size / 2)
        guard gen.scatter(1, kinds: [.key], colors: [color], room: home, awayFrom: middle).count == 1,
              gen.scatter(distractors, room: home, awayFrom: middle).count == distractors,
              gen.placeAgentFacingFloor(room: home), gen.isBalrogSound
        else { return nil }
        let named: GridColor? = gen.rng.chance(0.5) ? color : nil
        return gen.level(Mission(.open(ObjectDescription(kind: .door, color: named, location: nil, targets: [door.id]))))
    }
}

extension LevelGenerator {
    /// MiniGrid's `place_agent` in a room: any empty cell, any direction,
    /// drawn again while an object or a door is right in front.
    mutating func placeAgentFacingFloor(room: Int) -> Bool {
        let tiles = layout.grid.tiles
        for _ in 0..<1000 {
            guard let cell = randomCell(in: room, where: { tiles[$0].kind == .empty }) else { return false }
            let direction = rng.pick(Direction.allCases)
            let ahead = layout.grid[cell + direction.vector].kind
            if ahead == .empty || ahead == .wall {
                agent = cell
                facing = direction
                return true
            }
        }
        return false
    }

    /// MiniGrid's `add_distractors` into one room: `count` objects of random
    /// kinds and colors, each on an empty cell at least two steps from
    /// `center` (MiniGrid's `reject_next_to`) and not on the agent. Returns
    /// where they went; fewer when the room filled up.
    mutating func scatter(_ count: Int, kinds: [TileKind] = TileKind.portable, colors: [GridColor] = GridColor.all,
                          room: Int, awayFrom center: Point) -> [Point] {
        var placed: [Point] = []
        let width = layout.grid.width
        for _ in 0..<count {
            let color = rng.pick(colors), kind = rng.pick(kinds)
            let agentIndex = agent.y * width + agent.x
            let tiles = layout.grid.tiles
            guard let cell = randomCell(in: room, where: { index in
                tiles[index].kind == .empty && index != agentIndex
                    && Point(x: index % width, y: index / width).distance(to: center) >= 2
            }) else { return placed }
            grid[cell] = Tile(kind: kind, color: color, id: newID())
            placed.append(cell)
        }
        return placed
    }

    /// "the red ball" for the object at `p`, naming every object of its kind and color.
    func describe(_ p: Point) -> ObjectDescription {
        let tile = grid[p]
        let targets = objects.filter { $0.1.kind == tile.kind && $0.1.color == tile.color }.map(\.1.id)
        return ObjectDescription(kind: tile.kind, color: tile.color, location: nil, targets: targets)
    }

    /// MiniGrid's `check_objs_reachable` (every object and door reachable
    /// from the agent, doors passable, objects blocking), and Delve's
    /// soundness invariants besides (see docs/balrog/babyai.md: with one or
    /// two objects they reject only a corner cut off by two objects).
    var isBalrogSound: Bool {
        let grid = grid, width = grid.width
        var reached = [Bool](repeating: false, count: grid.tiles.count)
        var stack = [agent.y * width + agent.x]
        while let index = stack.popLast() {
            guard !reached[index] else { continue }
            reached[index] = true
            let tile = grid.tiles[index]
            guard tile.kind == .empty || tile.kind == .door else { continue }
            let x = index % width
            for next in [index + 1, index - 1, index + width, index - width]
            where next >= 0 && next < grid.tiles.count && abs(next % width - x) <= 1 && grid.tiles[next].kind != .wall {
                stack.append(next)
            }
        }
        let allReached = grid.tiles.indices.allSatisfy { grid.tiles[$0].id == 0 || reached[$0] }
        return allReached && isSound
    }
}
