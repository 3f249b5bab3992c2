import DelveCore

/// BALROG's names for Delve's tasks: the environment each counts in and the
/// task name BALROG's config.yaml uses, for `delve export --format balrog`
/// and the `balrog` suite's groups. Tasks BALROG does not have keep Delve's
/// task name.
public enum BalrogNames {
    /// The BALROG environment `task` stands for: babyai, crafter, textworld,
    /// babaisai, nle or minihack.
    public static func environment(of task: TaskSpec) -> String {
        switch task.family {
        case "grid": return "babyai"
        case "craft": return "crafter"
        case "text": return "textworld"
        case "rules": return "babaisai"
        default: return task.name == "descend" ? "nle" : "minihack"
        }
    }

    /// BALROG's name of `task` (its config.yaml's task lists).
    public static func task(_ task: TaskSpec) -> String {
        switch task.family {
        case "grid": return task.name == "boss" ? "BabyAI-BossLevel-v0" : "BabyAI-MixedTrainLocal-v0/\(task.name)"
        case "craft": return task.name == "balrog" ? "default" : task.name
        case "text": return task.name == "cooking" ? "the_cooking_game" : task.name
        case "rules": return "env/\(task.name)"
        default: return minihack[task.name] ?? task.name
        }
    }

    private static let minihack = [
        "descend": "NetHackChallenge-v0",
        "maze_walk_9x9": "MiniHack-MazeWalk-9x9-v0", "maze_walk_15x15": "MiniHack-MazeWalk-15x15-v0",
        "corridor": "MiniHack-Corridor-R3-v0", "corridor_battle": "MiniHack-CorridorBattle-Dark-v0",
        "quest_easy": "MiniHack-Quest-Easy-v0", "quest_medium": "MiniHack-Quest-Medium-v0",
        "boxoban_medium": "MiniHack-Boxoban-Medium-v0", "boxoban_hard": "MiniHack-Boxoban-Hard-v0",
    ]
}
