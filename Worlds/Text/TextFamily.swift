import DelveCore

/// The text family's entry in the catalog.
public enum TextFamily {
    /// Bumped whenever generation or rules change.
    public static let revision = 1

    /// The family and its tasks.
    public static let spec = FamilySpec(
        name: "text",
        summary: "TextWorld-like text adventures: rooms, doors, keys, containers, food; quests of facts; admissible commands each step.",
        revision: revision,
        tasks: TextGames.all.map { game in
            TaskSpec(family: "text", name: game.name, summary: game.summary, revision: revision,
                     stepBudget: TextGames.budget, options: game.options, make: { TextWorld(game: game) })
        })
}
