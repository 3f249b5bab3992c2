import DelveCore

/// The two commands that talk about the game rather than play it, which
/// TextWorld's games understand and the balrog profile answers: `goal`
/// (the objective) and `help` (the verbs).
enum GameTalk: Sendable, Hashable {
    case goal
    case help

    /// The command a typed line is, or nil when it is not one of these.
    init?(_ typed: String) {
        switch ActionMatcher.normalize(typed) {
        case "goal": self = .goal
        case "help": self = .help
        default: return nil
        }
    }
}

extension TextGame {
    /// Whether the TextWorld original scores the steps towards the goal
    /// (cooking: a point per ingredient taken, cut and cooked, the meal and
    /// eating it) rather than only the win (treasure hunter, coin
    /// collector). Under the balrog profile a game that scores only the win
    /// gives 0 or 100. The TextWorldExpress games score their steps.
    var scoresSteps: Bool {
        switch self {
        case .treasureHunter, .coinCollector: false
        case .cooking, .arithmetic, .tidying: true
        }
    }

    /// What `help` answers in the balrog profile: the verbs the parser knows.
    var help: String {
        var lines = [
            "Commands you can type:",
            "  look                  describe the room you are in",
            "  goal                  say what you are here to do",
            "  inventory             list what you carry",
            "  go <dir>              walk north, south, east or west",
            "  examine ...           look closely at something",
            "  eat ...               eat something edible",
            "  open ...              open a door or a container",
            "  close ...             close a door or a container",
            "  drop ...              put something you carry on the floor",
            "  take ...              pick something up",
            "  take ... from ...     take something out of a container or off a supporter",
            "  put ... on ...        set something on a supporter",
            "  insert ... into ...   put something into a container",
            "  unlock ... with ...   unlock a door or a container with a key",
        ]
        if self == .cooking {
            lines += [
                "  slice/dice/chop ... with ...   cut food with something sharp",
                "  cook ... with ...     cook food with something hot",
                "  prepare meal          make the meal from the ingredients you carry",
            ]
        }
        return lines.joined(separator: "\n")
    }

    /// The system prompt of the balrog profile: what BALROG's prompt for the
    /// game tells the model (the kind of game, the commands, the hints and
    /// the step count it states), in Delve's words. Not the objective: that
    /// is what `goal` is for.
    var balrogInstructions: String {
        switch self {
        case .treasureHunter:
            return """
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
        case .cooking:
            return """
            You are playing a text adventure: walk between rooms, handle things and solve small puzzles. First find \
            the recipe, then gather and prepare the food as it says, and last prepare the meal and eat it.
            Commands: look (describe the room); goal (say what you must do); inventory (list what you carry); \
            go <dir> (walk north, south, east or west, only where an exit or a door leads); examine ... (look \
            closely); eat ... (something edible); open ... (a door or a container; a closed door must be opened \
            before you can go through it); drop ... (onto the floor); take ... (something you can see); \
            put ... on ... (onto a supporter); take ... from ... (out of a container or off a supporter); \
            insert ... into ... (into a container); unlock ... with ... (with a key); cook ... with ... (with \
            something hot); slice ... with ..., chop ... with ..., dice ... with ... (with something sharp); \
            prepare meal (make the meal from the ingredients you carry; only in the kitchen).
            Hints: examine the cookbook, when you can see it, to read the recipe. The BBQ grills, the stove fries, \
            the oven roasts; cooking an ingredient the wrong way loses the game. To cook something, carry it and \
            stand where the right appliance is, then cook ... with .... To cut something, carry it and the knife, \
            then slice/chop/dice ... with knife. Cut the food before you cook it. With every ingredient prepared as \
            the recipe says, prepare meal in the kitchen and then eat meal to win. Take the ingredients by exactly \
            the names the recipe uses (colour included when it gives one) and the names you see. There is no need \
            to examine a container or supporter that is described as empty.
            You have 80 steps. Restarting is not allowed. Answer with one command.
            """
        case .coinCollector:
            return """
            You are playing a text adventure. You stand somewhere in a house of many rooms laid out like a maze, and \
            you have to find the coin; explore the rooms to find it.
            Commands: goal (say what you must do); go <dir> (walk north, south, east or west, only where an exit \
            or a door leads); take coin (when you see the coin in the room, this wins).
            Going from room to room and taking the coin is all you need to do.
            You have 25 steps. Restarting is not allowed. Answer with one command.
            """
        case .arithmetic, .tidying:
            return """
            You are playing a text adventure: read what the game says and type one command at a time. The command \
            goal says what you must do; help lists the verbs the game knows.
            Answer with one command.
            """
        }
    }
}

extension WorldOptions {
    /// An integer option whose default differs under the balrog profile
    /// (BALROG's setting there): a value given by name always wins.
    func int(_ name: String, specs: [OptionSpec], task: String, balrog: Int) throws(WorldError) -> Int {
        if profile == .balrog, values[name] == nil { return balrog }
        return try int(name, specs: specs, task: task)
    }
}
