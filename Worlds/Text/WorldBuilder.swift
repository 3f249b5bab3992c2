import DelveCore

/// The tools games generate their worlds with: rooms from a layout, doors on
/// its edges, furniture and objects with distinct names, all drawn from one
/// `SeededRandom`.
struct WorldBuilder {
    /// The world being built.
    var state = TextState()
    /// The episode's generator.
    var rng: SeededRandom
    /// Names already given to things.
    var names = NameBook()
    /// The layout the rooms follow.
    var layout = MapLayout()

    /// A builder drawing from `seed`.
    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    /// Creates one room per layout cell, named by `roomNames`, joined along the tree without doors.
    mutating func rooms(_ layout: MapLayout, named roomNames: [String]) {
        self.layout = layout
        state.rooms.reserveCapacity(layout.cells.count)
        for i in layout.cells.indices {
            let intro = rng.below(Vocabulary.intros.count)
            let flavor = rng.chance(0.6) ? rng.below(Vocabulary.flavors.count) : -1
            state.rooms.append(Room(name: roomNames[i], intro: intro, flavor: flavor))
        }
        for child in layout.cells.indices where layout.parent[child] >= 0 {
            state.connect(layout.parent[child], layout.direction[child], child)
        }
    }

    /// `count` distinct room names: an adjective and a noun, title-cased.
    mutating func roomNames(_ count: Int) -> [String] {
        var out: [String] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            let (adjective, noun) = names.draw(.room, &rng)
            out.append(adjective + " " + noun)
        }
        return out
    }

    /// Puts a door on the edge between a room and its parent in the tree.
    @discardableResult
    mutating func door(to child: Int, closed: Bool, locked: Bool = false, named name: String? = nil) -> Int {
        var door: Thing
        if let name {
            door = Thing(nil, name, kind: .door, place: .nowhere)
        } else {
            let (material, noun) = names.draw(.door, &rng)
            door = Thing(material, noun, kind: .door, place: .nowhere)
        }
        door.openable = true
        door.isOpen = !closed && !locked
        door.locked = locked
        let index = state.add(door)
        let parent = layout.parent[child], d = layout.direction[child]
        state.rooms[parent].doors[d.rawValue] = index
        state.rooms[child].doors[d.opposite.rawValue] = index
        return index
    }

    /// A piece of furniture with a fresh name in `room`.
    mutating func furniture(_ kind: ThingKind, in room: Int, closed: Bool = false) -> Int {
        let (adjective, noun) = names.draw(kind == .container ? .container : .supporter, &rng)
        var thing = Thing(adjective, noun, kind: kind, place: .room(room))
        if kind == .container {
            thing.openable = true
            thing.isOpen = !closed
        }
        return state.add(thing)
    }

    /// A portable object with a fresh name from the object tables.
    mutating func object(at place: Place) -> Int {
        let (adjective, noun) = names.draw(.object, &rng)
        var thing = Thing(adjective, noun, place: place)
        thing.portable = true
        return state.add(thing)
    }

    /// A key for the lock of `lock`: named `name` when given and no other
    /// thing has that name yet, else with a fresh name.
    mutating func key(for lock: Int, at place: Place, named name: String? = nil) -> Int {
        var key: Thing
        if let name, let space = name.lastIndex(of: " "), !state.things.contains(where: { $0.name == name }) {
            key = Thing(String(name[..<space]), String(name[name.index(after: space)...]), place: place)
        } else {
            let (adjective, noun) = names.draw(.key, &rng)
            key = Thing(adjective, noun, place: place)
        }
        key.portable = true
        let index = state.add(key)
        state.things[lock].key = index
        return index
    }

    /// The holders (containers and supporters) standing in a room, in index order.
    func holders(in room: Int) -> [Int] {
        state.things.indices.filter { state.things[$0].isHolder && state.things[$0].place == .room(room) }
    }

    /// A random spot in `room`: its floor, or on or in one of its holders
    /// that is not locked (and is not `except`).
    mutating func spot(in room: Int, except: Int = -1) -> Place {
        let holders = holders(in: room).filter { !state.things[$0].locked && $0 != except }
        guard !holders.isEmpty, rng.chance(0.7) else { return .room(room) }
        let h = rng.pick(holders)
        return state.things[h].kind == .container ? .inside(h) : .on(h)
    }
}
