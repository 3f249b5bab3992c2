import DelveCore

/// The grid family's entry in the catalog.
public enum GridFamily {
    /// Bumped whenever generation or rules change.
    public static let revision = 1

    /// The family and its tasks.
    public static let spec = FamilySpec(
        name: "grid",
        summary: "BabyAI-like rooms with doors, keys, balls and boxes; missions in words; a 7x7 egocentric view.",
        revision: revision,
        tasks: GridTask.all.map { task in
            TaskSpec(family: "grid", name: task.name, summary: task.summary, revision: revision,
                     stepBudget: task.nominalBudget, options: task.options, make: { GridWorld(task: task) })
        })
}
