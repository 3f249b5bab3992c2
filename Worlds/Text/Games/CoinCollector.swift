import DelveCore

/// TextWorld's coin collector: the coin lies at the end of a chain of rooms;
/// dead-end branches hang off the chain. Default as BALROG's games
/// (TextWorld's level 220): a 20-room path in a 60-room map. In the balrog
/// profile the map is TextWorld's: every room of the chain has its own dead
/// ends, one step off it (`MapLayout.chainWithDeadEnds`).
enum CoinCollector: TextGame {
    static let name = "coin_collector"
    static let summary = "Find the coin at the end of a chain of rooms among dead-end branches (TextWorld's coin collector)."
    static let rules = "Find the coin, somewhere down a chain of rooms with dead ends, and take it."
    static let balrogInstructions = """
    You are playing a text adventure. You stand somewhere in a house of many rooms laid out like a maze, and \
    you have to find the coin; explore the rooms to find it.
    Commands: goal (say what you must do); go <dir> (walk north, south, east or west, only where an exit \
    or a door leads); take coin (when you see the coin in the room, this wins).
    Going from room to room and taking the coin is all you need to do.
    You have 25 steps. Restarting is not allowed. Answer with one command.
    """
    static let scoresSteps = false

    static let options = [
        OptionSpec(name: "path", summary: "Rooms on the way from the start to the coin, both included.", defaultValue: .int(20), minimum: 1, maximum: 40),
        OptionSpec(name: "rooms", summary: "Rooms in the map; those off the path are dead ends.", defaultValue: .int(60), minimum: 1, maximum: 120),
    ]

    static func generate(seed: UInt64, options: WorldOptions, task: String) throws(WorldError) -> GameSetup {
        let path = try options.int("path", specs: Self.options, task: task)
        let rooms = try options.int("rooms", specs: Self.options, task: task)
        guard rooms >= path else { throw .badOption(task: task, name: "rooms", reason: "\(rooms) rooms cannot hold a path of \(path)") }
        var b = WorldBuilder(seed: seed)
        let layout = options.profile == .balrog ? MapLayout.chainWithDeadEnds(count: rooms, path: path, &b.rng)
            : MapLayout.grow(count: rooms, path: path, &b.rng)
        let names = b.roomNames(rooms)
        b.rooms(layout, named: names)
        var coin = Thing(nil, "coin", place: .room(path - 1), text: "A shiny gold coin.")
        coin.portable = true
        let index = b.state.add(coin)
        let quest = Quest(goals: [Goal("take the coin", .holds(index))])
        return GameSetup(state: b.state, quest: quest, mission: "Find the coin and take it.",
                         intro: "Somewhere in this house lies a coin. Find it and take it.",
                         objective: "Your goal: take the coin from the floor of the \(names[path - 1].lowercased()).")
    }

    static func expert(_ s: TextState, _ quest: Quest) -> Command? {
        guard case let .holds(coin)? = quest.goals.first?.fact else { return nil }
        return TextExpert.acquire(coin, s)
    }
}
