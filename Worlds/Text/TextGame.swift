import DelveCore

/// A generated instance: the world, its quest, and the words around it.
struct GameSetup: Sendable {
    /// The world at the start.
    var state: TextState
    /// What to make true, and what loses.
    var quest: Quest
    /// The goal in one line.
    var mission: String
    /// The opening line.
    var intro: String
    /// What `goal` answers in the balrog profile, where the last step of the
    /// quest is named as TextWorld's objective names it; empty: the mission.
    var objective = ""
}

/// The text family's games (tasks). Each generates from a seed and options,
/// plays by the shared engine's rules, and has an expert.
enum TextGame: String, CaseIterable, Sendable {
    case treasureHunter = "treasure_hunter"
    case cooking
    case coinCollector = "coin_collector"
    case arithmetic
    case tidying

    /// One line for `delve worlds`.
    var summary: String {
        switch self {
        case .treasureHunter: "Find and take the named object behind closed and locked doors and containers; taking a wrong object loses (TextWorld's treasure hunter)."
        case .cooking: "Read the cookbook, gather ingredients, cut and cook them as it says, prepare the meal and eat it (TextWorld's cooking game)."
        case .coinCollector: "Find the coin at the end of a chain of rooms among dead-end branches (TextWorld's coin collector)."
        case .arithmetic: "Solve the math note and put the group of items whose count is the answer into the answer box (TextWorldExpress's arithmetic)."
        case .tidying: "Put objects that lie out of place where they belong, by common sense (TextWorldExpress's TWC)."
        }
    }

    /// The options `reset` takes; the defaults are BALROG's settings.
    var options: [OptionSpec] {
        switch self {
        case .treasureHunter: TreasureHunter.options
        case .cooking: Cooking.options
        case .coinCollector: CoinCollector.options
        case .arithmetic: Arithmetic.options
        case .tidying: Tidying.options
        }
    }

    /// The game verbs its admissible commands include.
    var verbs: GameVerbs {
        self == .cooking ? GameVerbs(cutting: true, cooking: true) : GameVerbs()
    }

    /// BALROG's step budget for TextWorld.
    static let budget = 80

    /// Generates an instance.
    func generate(seed: UInt64, options: WorldOptions, task: String) throws(WorldError) -> GameSetup {
        switch self {
        case .treasureHunter: try TreasureHunter.generate(seed: seed, options: options, task: task)
        case .cooking: try Cooking.generate(seed: seed, options: options, task: task)
        case .coinCollector: try CoinCollector.generate(seed: seed, options: options, task: task)
        case .arithmetic: try Arithmetic.generate(seed: seed, options: options, task: task)
        case .tidying: try Tidying.generate(seed: seed, options: options, task: task)
        }
    }

    /// The game's rules and goal, for the system prompt.
    var rules: String {
        switch self {
        case .treasureHunter:
            "Find the object named in your mission and take it. Doors and containers may be closed or locked; keys lie elsewhere. Keys are safe to take, but taking any other object that is not the one you seek loses the game."
        case .cooking:
            "Examine the cookbook in the kitchen to learn the recipe. Take its ingredients, cut them as it says (slice, dice or chop, with a knife in hand) and cook them as it says (fry with the stove, roast with the oven, grill with the BBQ). Cooking something twice burns it. Then prepare meal in the kitchen and eat the meal. Cutting or cooking an ingredient other than the recipe says, or eating an ingredient, loses."
        case .coinCollector:
            "Find the coin, somewhere down a chain of rooms with dead ends, and take it."
        case .arithmetic:
            "Examine the math note to read the problem. Each group of items is named by its count, e.g. \"12 apples\". Put the group whose count is the answer into the answer box; putting a wrong group there loses."
        case .tidying:
            "Some objects lie out of place. Put each where it belongs in a tidy house, by common sense: containers may need opening first. Objects already in place can stay."
        }
    }

    /// The expert's next command from the full state.
    func expert(_ s: TextState, _ quest: Quest) -> Command? {
        switch self {
        case .treasureHunter: TreasureHunter.expert(s, quest)
        case .cooking: Cooking.expert(s)
        case .coinCollector: CoinCollector.expert(s, quest)
        case .arithmetic: Arithmetic.expert(s, quest)
        case .tidying: Tidying.expert(s, quest)
        }
    }
}
