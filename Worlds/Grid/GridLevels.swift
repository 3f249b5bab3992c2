import DelveCore

/// The `delve` profile's level drafts, one function per kind of task (`GridTask.draft`). Each draws into
/// a generator holding the task's rooms and returns the level, or nil to draw again.
enum GridLevels {
    /// One room, the distractors and one more object, and a mission about it (`mission`: go to, pick up).
    static func oneObject(_ gen: inout LevelGenerator, _ distractors: Int, _ mission: (ObjectDescription) -> Leaf) -> Level? {
        gen.addDistractors(distractors + 1, rooms: [0])
        guard gen.placeAgent(rooms: [0]), gen.isSound,
              let target = gen.describeRandomObject(kinds: TileKind.portable, alwaysColor: true, locations: false)
        else { return nil }
        return gen.level(Mission(mission(target)))
    }

    /// One room, two objects besides the distractors: put one next to the other.
    static func putNext(_ gen: inout LevelGenerator, _ distractors: Int) -> Level? {
        gen.addDistractors(distractors + 2, rooms: [0])
        guard gen.placeAgent(rooms: [0]), gen.isSound,
              let leaf = gen.randomLeaf([.putNext], alwaysColor: true, locations: false)
        else { return nil }
        return gen.level(Mission(leaf))
    }

    /// One room: pick up one object, then go to another ("then" or "after you", half each).
    static func pickUpThenGoTo(_ gen: inout LevelGenerator, _ distractors: Int) -> Level? {
        gen.addDistractors(distractors + 2, rooms: [0])
        guard gen.placeAgent(rooms: [0]), gen.isSound,
              let take = gen.describeRandomObject(kinds: TileKind.portable, alwaysColor: true, locations: false),
              let reach = gen.describeRandomObject(kinds: TileKind.portable, alwaysColor: true, locations: false),
              !take.targets.contains(where: reach.targets.contains)
        else { return nil }
        let root: Mission.Node = gen.rng.chance(0.5) ? .before(.leaf(0), .leaf(1)) : .after(.leaf(1), .leaf(0))
        return gen.level(Mission(root: root, leaves: [.pickUp(take), .goTo(reach)]))
    }

    /// Two rooms, a locked door between them, its key in the agent's room: open the door.
    static func lockedDoor(_ gen: inout LevelGenerator, _ distractors: Int) -> Level? {
        let color = gen.rng.pick(GridColor.all)
        let door = gen.door(color, .locked)
        _ = gen.layout.addDoor(between: 0, 1, tile: door, rng: &gen.rng)
        let home = gen.rng.below(2)
        guard gen.addObject(.key, color, room: home) != nil else { return nil }
        gen.addDistractors(distractors, rooms: [0, 1])
        guard gen.placeAgent(rooms: [home]), gen.isSound else { return nil }
        let description = ObjectDescription(kind: .door, color: color, location: nil, targets: [door.id])
        return gen.level(Mission(.open(description)))
    }

    /// BabyAI's BossLevel: the rooms joined, half the time one of them locked with its key elsewhere
    /// (sometimes in a box), and a random instruction of any kind.
    static func boss(_ gen: inout LevelGenerator, _ distractors: Int) -> Level? {
        let roomCount = gen.layout.rooms.count
        var lockedRoom: Int?
        var keyColor = GridColor.red
        if gen.rng.chance(0.5) {
            let pair = gen.rng.pick(gen.layout.adjacentPairs)
            let locked = gen.rng.chance(0.5) ? pair.0 : pair.1
            keyColor = gen.rng.pick(GridColor.all)
            _ = gen.layout.addDoor(between: pair.0, pair.1, tile: gen.door(keyColor, .locked), rng: &gen.rng)
            lockedRoom = locked
        }
        gen.connectRooms(excluding: lockedRoom.map { [$0] } ?? [])
        let open = (0..<roomCount).filter { $0 != lockedRoom }
        var keyPosition: Point?
        if lockedRoom != nil {
            keyPosition = gen.addObject(.key, keyColor, room: gen.rng.pick(open))
            guard keyPosition != nil else { return nil }
        }
        gen.addDistractors(distractors, rooms: Array(0..<roomCount))
        guard gen.placeAgent(rooms: open), gen.isSound else { return nil }

        var leaves: [Leaf] = []
        guard let root = bossNode(&gen, shapes: [.action, .and, .sequence], leaves: &leaves),
              Set(leaves.map(\.surface)).count == leaves.count
        else { return nil }
        let mission = Mission(root: root, leaves: leaves)
        if let keyPosition, gen.rng.chance(0.3) {
            hideKey(at: keyPosition, &gen, named: leaves)
            // The key moved into a box: check the level again.
            guard gen.isSound else { return nil }
        }
        return gen.level(mission)
    }

    /// The shapes of BabyAI's random instruction.
    enum Shape: Sendable {
        /// One action.
        case action
        /// Two actions joined by "and".
        case and
        /// Two actions or "and"s in sequence ("then" / "after you").
        case sequence
    }

    /// BabyAI's random instruction of one of `shapes`, its actions appended to `leaves`.
    private static func bossNode(_ gen: inout LevelGenerator, shapes: [Shape], leaves: inout [Leaf]) -> Mission.Node? {
        switch gen.rng.pick(shapes) {
        case .action:
            guard let leaf = gen.randomLeaf(InstructionKind.allCases, alwaysColor: false, locations: true) else { return nil }
            leaves.append(leaf)
            return .leaf(leaves.count - 1)
        case .and:
            guard let a = bossNode(&gen, shapes: [.action], leaves: &leaves),
                  let b = bossNode(&gen, shapes: [.action], leaves: &leaves) else { return nil }
            return .and(a, b)
        case .sequence:
            guard let a = bossNode(&gen, shapes: [.action, .and], leaves: &leaves),
                  let b = bossNode(&gen, shapes: [.action, .and], leaves: &leaves) else { return nil }
            return gen.rng.chance(0.5) ? .before(a, b) : .after(a, b)
        }
    }

    /// Moves the locked door's key into a box in the same room, when a box
    /// there is named by no instruction and neither is the key.
    private static func hideKey(at keyPosition: Point, _ gen: inout LevelGenerator, named leaves: [Leaf]) {
        let named = Set(leaves.flatMap(\.targets))
        let key = gen.grid[keyPosition]
        guard !named.contains(key.id), let room = gen.layout.roomIndex(at: keyPosition) else { return }
        let boxes = gen.objects.filter { p, t in
            t.kind == .box && t.inside == nil && !named.contains(t.id) && gen.layout.roomIndex(at: p) == room
        }
        guard !boxes.isEmpty else { return }
        let (boxPosition, _) = gen.rng.pick(boxes)
        gen.grid[boxPosition].inside = Item(kind: .key, color: key.color, id: key.id)
        gen.grid[keyPosition] = .empty
    }
}
