import DelveCore

/// TextWorldExpress's common-sense game (TWC): objects lie out of place
/// around a house; put each where it belongs (the wet towel on the towel
/// rack, the milk in the fridge). Nothing says where: that is common sense.
/// A point for each object put away; the game is won when all are.
enum Tidying: TextGame {
    static let name = "tidying"
    static let summary = "Put objects that lie out of place where they belong, by common sense (TextWorldExpress's TWC)."
    static let rules = "Some objects lie out of place. Put each where it belongs in a tidy house, by common sense: containers may need opening first. Objects already in place can stay."
    static let balrogInstructions = TextGames.plainBalrogInstructions
    static let scoresSteps = true

    static let options = [
        OptionSpec(name: "objects", summary: "Objects out of place.", defaultValue: .int(3), minimum: 1, maximum: 8),
        OptionSpec(name: "rooms", summary: "Rooms in the house.", defaultValue: .int(4), minimum: 1, maximum: 4),
    ]

    /// A place things belong: its room, name, and whether it is a container (closed at the start).
    struct Fixture {
        var room: Int
        var adjective: String?
        var noun: String
        var container: Bool
    }

    static let rooms = ["Kitchen", "Bathroom", "Bedroom", "Living Room"]
    static let fixtures = [
        Fixture(room: 0, adjective: nil, noun: "fridge", container: true),
        Fixture(room: 0, adjective: nil, noun: "dishwasher", container: true),
        Fixture(room: 0, adjective: "kitchen", noun: "cupboard", container: true),
        Fixture(room: 1, adjective: "towel", noun: "rack", container: false),
        Fixture(room: 1, adjective: "bathroom", noun: "cabinet", container: true),
        Fixture(room: 1, adjective: "laundry", noun: "basket", container: true),
        Fixture(room: 2, adjective: nil, noun: "wardrobe", container: true),
        Fixture(room: 2, adjective: nil, noun: "nightstand", container: false),
        Fixture(room: 3, adjective: nil, noun: "bookshelf", container: false),
        Fixture(room: 3, adjective: "toy", noun: "chest", container: true),
    ]
    /// Objects and the fixture (index) each belongs in.
    static let objects: [(String?, String, Int)] = [
        (nil, "milk", 0), ("cheddar", "cheese", 0), ("dirty", "plate", 1), ("dirty", "mug", 1), ("clean", "bowl", 2),
        ("wet", "towel", 3), (nil, "toothbrush", 4), (nil, "toothpaste", 4), ("dirty", "sock", 5), ("clean", "shirt", 6),
        ("winter", "coat", 6), ("alarm", "clock", 7), ("reading", "glasses", 7), (nil, "novel", 8), ("teddy", "bear", 9),
        ("toy", "car", 9),
    ]

    static func generate(seed: UInt64, options: WorldOptions, task: String) throws(WorldError) -> GameSetup {
        let count = try options.int("objects", specs: Self.options, task: task)
        let roomCount = try options.int("rooms", specs: Self.options, task: task)
        var b = WorldBuilder(seed: seed)
        var order = Array(rooms.indices)
        b.rng.shuffle(&order)
        let used = Array(order.prefix(roomCount))
        b.rooms(MapLayout.grow(count: roomCount, path: 1, &b.rng), named: used.map { rooms[$0] })
        var fixtureIndex = Array(repeating: -1, count: fixtures.count)
        for (f, fixture) in fixtures.enumerated() {
            guard let room = used.firstIndex(of: fixture.room) else { continue }
            var thing = Thing(fixture.adjective, fixture.noun, kind: fixture.container ? .container : .supporter, place: .room(room))
            if fixture.container {
                thing.openable = true
                thing.isOpen = false
            }
            fixtureIndex[f] = b.state.add(thing)
        }
        let candidates = objects.indices.filter { fixtureIndex[objects[$0].2] >= 0 }
        var picked = candidates
        b.rng.shuffle(&picked)
        var goals: [Goal] = []
        for (n, o) in picked.enumerated() {
            let (adjective, noun, home) = objects[o]
            let fixture = fixtureIndex[home]
            let inPlace: Place = fixtures[home].container ? .inside(fixture) : .on(fixture)
            var place = inPlace
            if n < count {
                // Out of place: on the floor, away from its room when there is another.
                let room = b.rng.below(roomCount)
                place = .room(room)
                if room == b.state.room(of: fixture) && roomCount > 1 { place = .room((room + 1) % roomCount) }
            }
            var thing = Thing(adjective, noun, place: place)
            thing.portable = true
            let index = b.state.add(thing)
            if n < count {
                let verb = fixtures[home].container ? "into" : "on"
                goals.append(Goal("put the \(thing.name) \(verb) the \(b.state.things[fixture].name)", .placed(index, inPlace)))
            }
        }
        b.state.player = b.rng.below(roomCount)
        return GameSetup(state: b.state, quest: Quest(goals: goals),
                         mission: "Tidy up the house: put every object that is out of place where it belongs.",
                         intro: "The house is a mess! Put every object that lies out of place where it belongs.")
    }

    static func expert(_ s: TextState, _ quest: Quest) -> Command? {
        for (i, goal) in quest.goals.enumerated() where !quest.reached[i] {
            guard case let .placed(item, place) = goal.fact else { continue }
            if !s.holds(item) { return TextExpert.acquire(item, s) }
            switch place {
            case let .inside(c):
                guard let room = s.room(of: c) else { return nil }
                if let step = TextExpert.reach(room, s) { return step }
                return s.things[c].isOpen ? .insert(item, into: c) : .open(c)
            case let .on(h):
                guard let room = s.room(of: h) else { return nil }
                return TextExpert.reach(room, s) ?? .put(item, on: h)
            default:
                return nil
            }
        }
        return nil
    }
}
