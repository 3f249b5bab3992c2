import DelveCore

/// The grid family's tasks. The five local ones are BALROG's BabyAI mix; `boss`
/// is BabyAI's BossLevel.
enum GridTask: String, CaseIterable, Sendable {
    case goto
    case pickup
    case open
    case putnext
    case pickUpSeqGoTo = "pick_up_seq_go_to"
    case boss

    var summary: String {
        switch self {
        case .goto: "Go to an object in one room among distractors (BabyAI GoToLocal)."
        case .pickup: "Pick up an object in one room among distractors (BabyAI PickupLocal)."
        case .open: "Open a locked door between two rooms; its key lies in yours."
        case .putnext: "Put one object next to another in one room (BabyAI PutNextLocal)."
        case .pickUpSeqGoTo: "Pick up an object, then go to another: two sub-goals in order."
        case .boss: "3x3 rooms, often a locked room, 18 distractors, every instruction kind (BabyAI BossLevel)."
        }
    }

    var rows: Int { self == .boss ? 3 : 1 }
    var cols: Int { self == .boss ? 3 : self == .open ? 2 : 1 }

    var defaultDistractors: Int {
        switch self {
        case .goto, .pickup, .pickUpSeqGoTo: 8
        case .open: 4
        case .putnext: 6
        case .boss: 18
        }
    }

    /// The options `reset` takes.
    var options: [OptionSpec] {
        [
            OptionSpec(name: "room_size", summary: "Side of each room, walls included (BabyAI's room_size).", defaultValue: .int(8), minimum: 5, maximum: 16),
            OptionSpec(name: "distractors", summary: "Objects besides the ones the mission names.", defaultValue: .int(defaultDistractors), minimum: 0, maximum: 40),
        ]
    }

    /// The nominal step budget at the default room size (BabyAI's formula; BALROG's figures).
    var nominalBudget: Int {
        switch self {
        case .goto, .pickup: 64
        case .open, .putnext, .pickUpSeqGoTo: 128
        case .boss: 576
        }
    }

    /// Generates a level; nil when `attempts` drafts all failed.
    func generate(seed: UInt64, roomSize: Int, distractors: Int, attempts: Int = 500) -> Level? {
        var rng = SeededRandom(seed: seed)
        for _ in 0..<attempts {
            var gen = LevelGenerator(rng: rng, rows: rows, cols: cols, roomSize: roomSize)
            let level = draft(&gen, distractors: distractors)
            rng = gen.rng
            if let level { return level }
        }
        return nil
    }

    private func draft(_ gen: inout LevelGenerator, distractors: Int) -> Level? {
        switch self {
        case .goto, .pickup:
            gen.addDistractors(distractors + 1, rooms: [0])
            guard gen.placeAgent(rooms: [0]), gen.isSound,
                  let target = gen.describeRandomObject(kinds: TileKind.portable, alwaysColor: true, locations: false)
            else { return nil }
            return gen.level(Mission(self == .goto ? .goTo(target) : .pickUp(target)))
        case .putnext:
            gen.addDistractors(distractors + 2, rooms: [0])
            guard gen.placeAgent(rooms: [0]), gen.isSound,
                  let leaf = gen.randomLeaf(["putnext"], alwaysColor: true, locations: false)
            else { return nil }
            return gen.level(Mission(leaf))
        case .pickUpSeqGoTo:
            gen.addDistractors(distractors + 2, rooms: [0])
            guard gen.placeAgent(rooms: [0]), gen.isSound,
                  let take = gen.describeRandomObject(kinds: TileKind.portable, alwaysColor: true, locations: false),
                  let reach = gen.describeRandomObject(kinds: TileKind.portable, alwaysColor: true, locations: false),
                  !take.targets.contains(where: reach.targets.contains)
            else { return nil }
            let root: Mission.Node = gen.rng.chance(0.5) ? .before(.leaf(0), .leaf(1)) : .after(.leaf(1), .leaf(0))
            return gen.level(Mission(root: root, leaves: [.pickUp(take), .goTo(reach)]))
        case .open:
            let color = gen.rng.pick(GridColor.all)
            let door = gen.door(color, .locked)
            _ = gen.layout.addDoor(between: 0, 1, tile: door, rng: &gen.rng)
            let home = gen.rng.below(2)
            guard gen.addObject(.key, color, room: home) != nil else { return nil }
            gen.addDistractors(distractors, rooms: [0, 1])
            guard gen.placeAgent(rooms: [home]), gen.isSound else { return nil }
            let description = ObjectDescription(kind: .door, color: color, location: nil, targets: [door.id])
            return gen.level(Mission(.open(description)))
        case .boss:
            return bossDraft(&gen, distractors: distractors)
        }
    }

    private func bossDraft(_ gen: inout LevelGenerator, distractors: Int) -> Level? {
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
        guard let root = bossNode(&gen, kinds: ["action", "and", "seq"], leaves: &leaves),
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

    /// BabyAI's random instruction: an action, two actions joined by "and",
    /// or two of those in sequence ("then" / "after you").
    private func bossNode(_ gen: inout LevelGenerator, kinds: [String], leaves: inout [Leaf]) -> Mission.Node? {
        switch gen.rng.pick(kinds) {
        case "action":
            guard let leaf = gen.randomLeaf(["goto", "pickup", "open", "putnext"], alwaysColor: false, locations: true) else { return nil }
            leaves.append(leaf)
            return .leaf(leaves.count - 1)
        case "and":
            guard let a = bossNode(&gen, kinds: ["action"], leaves: &leaves),
                  let b = bossNode(&gen, kinds: ["action"], leaves: &leaves) else { return nil }
            return .and(a, b)
        default:
            guard let a = bossNode(&gen, kinds: ["action", "and"], leaves: &leaves),
                  let b = bossNode(&gen, kinds: ["action", "and"], leaves: &leaves) else { return nil }
            return gen.rng.chance(0.5) ? .before(a, b) : .after(a, b)
        }
    }

    /// Moves the locked door's key into a box in the same room, when a box
    /// there is named by no instruction and neither is the key.
    private func hideKey(at keyPosition: Point, _ gen: inout LevelGenerator, named leaves: [Leaf]) {
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

extension Leaf {
    /// Every object id the instruction names.
    var targets: [UInt8] {
        switch self {
        case let .goTo(d), let .pickUp(d), let .open(d): d.targets
        case let .putNext(a, b): a.targets + b.targets
        }
    }
}
