import DelveCore

/// TextWorld's treasure hunter: find the named object and take it. The way
/// runs through closed and locked doors, the object may sit in a closed or
/// locked container, keys lie elsewhere (on the near side of their locks),
/// and distractor objects lie everywhere: taking one loses. Default: 20
/// rooms, 20 distractors, quests of about 20 commands. In the balrog profile
/// the defaults are the games BALROG plays (TextWorld's level 30, kept only
/// when the walkthrough is 20 commands long): one object that loses, keys
/// named after their locks, and only instances whose expert walkthrough is 20
/// commands long.
enum TreasureHunter: TextGame {
    static let name = "treasure_hunter"
    static let summary = "Find and take the named object behind closed and locked doors and containers; taking a wrong object loses (TextWorld's treasure hunter)."
    static let rules = "Find the object named in your mission and take it. Doors and containers may be closed or locked; keys lie elsewhere. Keys are safe to take, but taking any other object that is not the one you seek loses the game."
    static let balrogInstructions = """
    You are playing a text adventure. You stand somewhere in a house of many rooms laid out like a maze, and \
    you have to find one particular object; explore the rooms to find it.
    Commands: look (describe the room); goal (say what you must do); inventory (list what you carry); \
    go <dir> (walk north, south, east or west, only where an exit or a door leads); open ... (a door or a \
    container; a closed door must be opened before you can go through it); drop ... (onto the floor); \
    take ... (something you can see); put ... on ... (onto a supporter); take ... from ... (out of a \
    container or off a supporter); insert ... into ... (into a container); unlock ... with ... (a door or a \
    container, with the matching key in your inventory; a locked door must be unlocked before it opens).
    Hints: the object may be inside a closed or locked container. A key's adjective tells which lock it \
    fits (the key of the oak door is the oak key): use the matching one. A key may lie in another room or \
    inside a locked container. Take every key you find. Unlocking does not open: open the door or \
    container afterwards.
    You have 40 steps. Restarting is not allowed. Answer with one command.
    """
    static let scoresSteps = false

    static let options = [
        OptionSpec(name: "rooms", summary: "Rooms in the map.", defaultValue: .int(20), minimum: 1, maximum: 40),
        OptionSpec(name: "distractors", summary: "Objects that lose the game when taken (balrog profile: 1, as TextWorld's).", defaultValue: .int(20), minimum: 0, maximum: 40),
        OptionSpec(name: "locked", summary: "Locked doors or containers in the way, each with its key elsewhere.", defaultValue: .int(2), minimum: 0, maximum: 4),
        OptionSpec(name: "walkthrough", summary: "Keep only instances the expert wins in this many commands, as BALROG kept TextWorld's games of 20 (0: any; balrog profile: 20).",
                   defaultValue: .int(0), minimum: 0, maximum: 60),
    ]

    /// How many draws `generate` tries for an instance of the asked walkthrough length.
    static let draws = 100

    /// An instance from the seed; with a walkthrough length asked for, the
    /// first of a fixed sequence of draws from the seed whose expert
    /// walkthrough has that length (or, failing all, the closest).
    static func generate(seed: UInt64, options: WorldOptions, task: String) throws(WorldError) -> GameSetup {
        let length = try options.int("walkthrough", specs: Self.options, task: task, balrog: 20)
        guard length > 0 else { return try draw(seed: seed, options: options, task: task) }
        var best: (setup: GameSetup, gap: Int)?
        var seeds = SeededRandom(seed: seed)
        for n in 0..<draws {
            let setup = try draw(seed: n == 0 ? seed : seeds.next(), options: options, task: task)
            let gap = abs(walkthroughLength(setup) - length)
            if gap == 0 { return setup }
            if gap < best?.gap ?? Int.max { best = (setup, gap) }
        }
        if let best { return best.setup }
        return try draw(seed: seed, options: options, task: task)
    }

    /// How many commands the expert takes to win `setup`; a large number when it cannot.
    static func walkthroughLength(_ setup: GameSetup) -> Int {
        var s = setup.state
        guard case let .holds(treasure)? = setup.quest.goals.last?.fact else { return Int.max / 2 }
        for n in 0..<200 {
            if s.holds(treasure) { return n }
            guard let command = expert(s, setup.quest), Rules.refusal(command, s) == nil else { return Int.max / 2 }
            _ = Rules.perform(command, &s)
        }
        return Int.max / 2
    }

    /// One instance drawn from `seed`.
    static func draw(seed: UInt64, options: WorldOptions, task: String) throws(WorldError) -> GameSetup {
        let roomCount = try options.int("rooms", specs: Self.options, task: task)
        let distractors = try options.int("distractors", specs: Self.options, task: task, balrog: 1)
        let lockCount = try options.int("locked", specs: Self.options, task: task)
        let balrog = options.profile == .balrog
        var b = WorldBuilder(seed: seed)
        let layout = MapLayout.grow(count: roomCount, path: 1, &b.rng)
        b.rooms(layout, named: b.roomNames(roomCount))
        let depths = layout.depths
        let deepest = depths.max() ?? 0
        let target = b.rng.pick(depths.indices.filter { depths[$0] == deepest })
        let way = layout.path(from: 0, to: target)

        for room in 0..<roomCount {
            for _ in 0..<b.rng.below(3) {
                let container = b.rng.chance(0.5)
                _ = b.furniture(container ? .container : .supporter, in: room, closed: container && b.rng.chance(0.5))
            }
        }
        let box = roomCount == 1 || b.rng.chance(0.5) ? b.furniture(.container, in: target, closed: true) : -1

        // Doors: every edge may have one; edges on the way more often. Under
        // balrog, as in TextWorld's hard treasure hunts, doors off the way start open.
        var wayDoors: [Int] = []
        for child in 1..<max(1, roomCount) {
            let onWay = way.contains(child)
            if b.rng.chance(onWay ? 0.6 : 0.3) {
                let closed = b.rng.chance(0.7)
                let door = b.door(to: child, closed: closed && (onWay || !balrog))
                if onWay { wayDoors.append(door) }
            }
        }
        // The obstacles in the order met: doors along the way, then the box.
        var obstacles = wayDoors + (box >= 0 ? [box] : [])
        var bare = way.dropFirst().filter { b.state.rooms[layout.parent[$0]].doors[layout.direction[$0].rawValue] < 0 }
        while obstacles.count < lockCount, !bare.isEmpty {
            let room = bare.remove(at: b.rng.below(bare.count))
            obstacles.append(b.door(to: room, closed: true))
        }
        obstacles.sort { order($0, way, b.state, layout) < order($1, way, b.state, layout) }
        var locked = obstacles
        b.rng.shuffle(&locked)
        locked = Array(locked.prefix(lockCount)).sorted { order($0, way, b.state, layout) < order($1, way, b.state, layout) }
        for lock in locked {
            b.state.things[lock].locked = true
            b.state.things[lock].isOpen = false
        }
        for (i, lock) in locked.enumerated() {
            let region = reachable(b.state, blockedBy: Array(locked[i...]))
            let room = b.rng.pick(region)
            let words = b.state.things[lock].name.split(separator: " ")
            let matching = balrog && words.count > 1 ? words.dropLast().joined(separator: " ") + " key" : nil
            _ = b.key(for: lock, at: b.spot(in: room, except: box), named: matching)
        }
        let treasure = b.object(at: box >= 0 ? .inside(box) : b.spot(in: target))
        var losses: [Loss] = []
        for _ in 0..<distractors {
            let room = b.rng.below(roomCount)
            losses.append(.took(b.object(at: b.spot(in: room, except: b.state.things.indices.contains(box) && b.state.things[box].locked ? box : -1))))
        }
        var goals: [Goal] = []
        for obstacle in obstacles where !b.state.things[obstacle].isOpen {
            goals.append(Goal("open the \(b.state.things[obstacle].name)", .opened(obstacle)))
        }
        let name = b.state.things[treasure].name
        goals.append(Goal("take the \(name)", .holds(treasure)))
        let from = box >= 0 ? "the \(b.state.things[box].name)" : "the floor of the \(b.state.rooms[target].name.lowercased())"
        return GameSetup(state: b.state, quest: Quest(goals: goals, losses: losses),
                         mission: "Find the \(name) and take it. Take nothing else but keys.",
                         intro: "Welcome to the treasure hunt! Somewhere in this house is the \(name). Find it and take it; any other object you pick up (keys aside) ends the hunt.",
                         objective: "Your goal: take the \(name) from \(from).")
    }

    /// The room on the far side of a door, seen from the start.
    private static func child(of door: Int, _ s: TextState, _ layout: MapLayout) -> Int {
        layout.cells.indices.first { $0 > 0 && s.rooms[$0].doors[layout.direction[$0].opposite.rawValue] == door } ?? 0
    }

    /// Where an obstacle sits along the way: a door by the room behind it, a container last.
    private static func order(_ thing: Int, _ way: [Int], _ s: TextState, _ layout: MapLayout) -> Int {
        s.things[thing].kind == .door ? way.firstIndex(of: child(of: thing, s, layout)) ?? 0 : way.count
    }

    /// The rooms reachable from the start without passing the given doors.
    private static func reachable(_ s: TextState, blockedBy doors: [Int]) -> [Int] {
        var seen = Array(repeating: false, count: s.rooms.count)
        seen[0] = true
        var queue = [0]
        var head = 0
        while head < queue.count {
            let r = queue[head]
            head += 1
            for d in 0..<6 {
                let next = s.rooms[r].exits[d]
                guard next >= 0, !seen[next], !doors.contains(s.rooms[r].doors[d]) else { continue }
                seen[next] = true
                queue.append(next)
            }
        }
        return queue
    }

    static func expert(_ s: TextState, _ quest: Quest) -> Command? {
        guard case let .holds(treasure)? = quest.goals.last?.fact else { return nil }
        return TextExpert.acquire(treasure, s)
    }
}
