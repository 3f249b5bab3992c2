import DelveCore

/// The dungeon family's entry in the catalog.
public enum DungeonFamily {
    /// Bumped whenever generation or rules change.
    public static let revision = 2

    /// The family's tasks, in listing order. Skill tasks add theirs here.
    public static let tasks: [any DungeonTask] = [DescendTask()] + SkillTask.all

    /// The family and its tasks.
    public static let spec = FamilySpec(
        name: "dungeon",
        summary: "NetHack-like roguelike: rooms, corridors, doors, traps, monsters, items, hunger; typed commands.",
        revision: revision,
        tasks: tasks.map { task in
            TaskSpec(family: "dungeon", name: task.name, summary: task.summary, revision: revision,
                     stepBudget: task.stepBudget, options: task.options, make: { DungeonWorld(task: task) })
        })
}
