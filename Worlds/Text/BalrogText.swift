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
    /// What `help` answers in the balrog profile: the verbs the parser knows.
    static var help: String {
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
        if verbs.cooking {
            lines += [
                "  slice/dice/chop ... with ...   cut food with something sharp",
                "  cook ... with ...     cook food with something hot",
                "  prepare meal          make the meal from the ingredients you carry",
            ]
        }
        return lines.joined(separator: "\n")
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
