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

/// One text game, a task of the family: one type in Games/ that generates an instance from a seed and
/// options, says what the player is told in each profile, how it scores, and how its expert plays. The
/// shared engine (`TextState`, the parser, `Rules`, `Quest`) plays every game.
///
/// A new game is one file in Games/ conforming to this, and one entry in `TextGames.all`.
protocol TextGame: Sendable {
    /// The task's name: `text/<name>`.
    static var name: String { get }
    /// One line for `delve worlds`.
    static var summary: String { get }
    /// The options `reset` takes; the defaults are BALROG's settings.
    static var options: [OptionSpec] { get }
    /// The game verbs its admissible commands include (none by default).
    static var verbs: GameVerbs { get }
    /// Whether the original scores the steps towards the goal (TextWorld's cooking: a point per
    /// ingredient taken, cut and cooked, the meal and eating it; the TextWorldExpress games) rather than
    /// only the win (treasure hunter, coin collector). Under the balrog profile a game that scores only
    /// the win gives 0 or 100.
    static var scoresSteps: Bool { get }
    /// The game's rules and goal, for the `delve` profile's system prompt.
    static var rules: String { get }
    /// The `balrog` profile's system prompt: what BALROG's prompt for the game tells the model (the kind
    /// of game, the commands, the hints and the step count it states), in Delve's words. Not the
    /// objective: that is what `goal` is for.
    static var balrogInstructions: String { get }
    /// Generates an instance.
    static func generate(seed: UInt64, options: WorldOptions, task: String) throws(WorldError) -> GameSetup
    /// The expert's next command from the full state.
    static func expert(_ s: TextState, _ quest: Quest) -> Command?
}

extension TextGame {
    static var verbs: GameVerbs { GameVerbs() }
}

/// The text family's games, in listing order.
enum TextGames {
    /// Every game.
    static let all: [any TextGame.Type] = [TreasureHunter.self, Cooking.self, CoinCollector.self, Arithmetic.self, Tidying.self]

    /// BALROG's step budget for TextWorld.
    static let budget = 80

    /// The `balrog` profile's prompt for the TextWorldExpress games, which BALROG does not play: how to
    /// play a parser game, and nothing of the game.
    static let plainBalrogInstructions = """
    You are playing a text adventure: read what the game says and type one command at a time. The command \
    goal says what you must do; help lists the verbs the game knows.
    Answer with one command.
    """
}
