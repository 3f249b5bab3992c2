/// The expert's building blocks, from full state: how to get somewhere and
/// how to get hold of something, opening and unlocking on the way (keys are
/// fetched first, recursively).
enum TextExpert {
    /// The next command towards the player holding `target`; nil when they already do.
    static func acquire(_ target: Int, _ s: TextState, depth: Int = 0) -> Command? {
        guard !s.holds(target), depth < 8 else { return nil }
        guard let room = s.room(of: target) else { return nil }
        // The containers around the target, outermost first; keys to locked ones come first.
        var chain: [Int] = []
        var place = s.things[target].place
        while case let .inside(c) = place { chain.insert(c, at: 0); place = s.things[c].place }
        for c in chain where s.things[c].locked {
            if let key = s.things[c].key, !s.holds(key) { return acquire(key, s, depth: depth + 1) }
        }
        if room != s.player { return reach(room, s, depth: depth) }
        for c in chain where !s.things[c].isOpen { return open(c, s, depth: depth) }
        var holder: Int?
        switch s.things[target].place {
        case let .inside(c), let .on(c): holder = c
        default: holder = nil
        }
        return .take(target, from: holder)
    }

    /// The next command towards standing in `room`; nil when the player is
    /// there. A locked door anywhere on the way sends the expert for its key first.
    static func reach(_ room: Int, _ s: TextState, depth: Int = 0) -> Command? {
        let way = route(to: room, s)
        guard let (_, first) = way.first else { return nil }
        for (from, d) in way {
            let door = s.rooms[from].doors[d.rawValue]
            guard door >= 0, s.things[door].locked, let key = s.things[door].key, !s.holds(key) else { continue }
            return acquire(key, s, depth: depth + 1)
        }
        let door = s.rooms[s.player].doors[first.rawValue]
        if door >= 0, !s.things[door].isOpen { return open(door, s, depth: depth) }
        return .go(first)
    }

    /// The next command towards opening a door or container.
    static func open(_ thing: Int, _ s: TextState, depth: Int) -> Command? {
        guard s.things[thing].locked else { return .open(thing) }
        guard let key = s.things[thing].key else { return nil }
        if s.holds(key) {
            if s.things[thing].kind == .door || s.room(of: thing) == s.player { return .unlock(thing, with: key) }
            return s.room(of: thing).flatMap { reach($0, s, depth: depth) }
        }
        return acquire(key, s, depth: depth + 1)
    }

    /// The shortest way to `room`, doors ignored: each room left and the direction taken.
    static func route(to room: Int, _ s: TextState) -> [(Int, Direction)] {
        var came = Array(repeating: -1, count: s.rooms.count)
        var queue = [s.player]
        came[s.player] = 6
        var head = 0
        while head < queue.count {
            let r = queue[head]
            head += 1
            if r == room { break }
            for d in Direction.allCases {
                let next = s.rooms[r].exits[d.rawValue]
                guard next >= 0, came[next] < 0 else { continue }
                came[next] = d.rawValue
                queue.append(next)
            }
        }
        guard came[room] >= 0 else { return [] }
        var way: [(Int, Direction)] = []
        var r = room
        while r != s.player, let d = Direction(rawValue: came[r]) {
            let from = s.rooms[r].exits[d.opposite.rawValue]
            way.append((from, d))
            r = from
        }
        return way.reversed()
    }

    /// Distance in moves to `room`, doors ignored.
    static func distance(to room: Int, _ s: TextState) -> Int {
        if room == s.player { return 0 }
        let way = route(to: room, s)
        return way.isEmpty ? Int.max : way.count
    }
}
