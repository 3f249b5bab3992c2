import DelveCore

/// `dungeon/descend`: the full game. Fifty generated levels, the Amulet of
/// Yendor on the last; go as deep and grow as strong as you can. Progress is
/// the progression table's value for the deepest level and highest experience
/// level reached (and, with the Amulet, for each level climbed back); 100 for
/// climbing out with it.
public struct DescendTask: DungeonTask {
    /// A descend task.
    public init() {}
    /// `descend`.
    public var name: String { "descend" }
    /// One line for `delve worlds`.
    public var summary: String {
        "NetHack-like roguelike: 50 generated levels, the Amulet at the bottom; progress by depth and experience level."
    }
    /// BALROG's NetHack budget.
    public var stepBudget: Int { 100_000 }
    /// BALROG ends an episode after 150 steps without progress.
    public var patience: Int? { 150 }
    /// No options.
    public var options: [OptionSpec] { [] }
    /// The goal.
    public var mission: String { "Descend as deep as you can; the Amulet of Yendor lies on level 50. Bring it back up to win." }
    /// The goal, for the prompt.
    public var goal: String {
        """
        Your goal: go as deep as you can and grow in experience. The dungeon has \(DungeonData.depth) levels; the \
        Amulet of Yendor lies on the last. Climbing out of level 1 with it wins the game. Progress counts the deepest \
        level and the highest experience level you reach, deeper and stronger counting for much more. The episode ends \
        when you die, or after \(patience ?? 0) steps in a row without progress.
        """
    }
    /// A milestone per level reached below the first, per experience level above the first, and the Amulet.
    public var milestones: [Milestone] {
        (2...DungeonData.depth).map { Milestone(id: "dlvl_\($0)", title: "reach dungeon level \($0)", weight: Progression.depth[$0 - 1]) }
            + (2...Progression.experience.count).map { Milestone(id: "xl_\($0)", title: "reach experience level \($0)", weight: Progression.experience[$0 - 1]) }
            + [Milestone(id: "amulet", title: "pick up the Amulet of Yendor", weight: Progression.depth[DungeonData.depth - 1])]
    }

    /// The generated dungeon of the seed.
    public func makeGame(seed: UInt64, options: WorldOptions) throws(WorldError) -> DungeonGame { DungeonGame(seed: seed) }

    /// The progression value reached (see `Progression`).
    public func progress(of game: DungeonGame) -> Double {
        Progression.value(depth: game.maxDepth, experienceLevel: game.hero.level, amuletDepth: game.amuletDepth,
                          escaped: game.escaped && game.amuletDepth != nil)
    }

    /// Milestones reached.
    public func reached(in game: DungeonGame) -> [String] {
        var ids = Array(DescendTask.depthIDs[1..<game.maxDepth])
        ids += DescendTask.levelIDs[1..<min(game.hero.level, Progression.experience.count)]
        if game.amuletDepth != nil { ids.append("amulet") }
        return ids
    }

    private static let depthIDs = (1...DungeonData.depth).map { "dlvl_\($0)" }
    private static let levelIDs = (1...Progression.experience.count).map { "xl_\($0)" }

    /// Success when the hero climbs out with the Amulet; climbing out without it ends the game as a failure.
    public func ending(of game: DungeonGame) -> EndReason? {
        guard game.escaped else { return nil }
        return game.amuletDepth != nil ? .success : .failure
    }

    /// The scripted descend bot.
    public func expertAction(for game: DungeonGame) -> String? { DescendBot.action(game) }

    /// BALROG's NetHack language action space (`BalrogKeys.nethackVocabulary`).
    public var balrogVocabulary: [String] { BalrogKeys.nethackVocabulary }
    /// BALROG's NetHack default action.
    public var balrogDefaultAction: String { "esc" }
    /// BALROG's NetHack prompt, in our words.
    public var balrogInstructions: String { BalrogInstructions.nethack }
    /// BALROG's progression from human games (`BalrogProgression`).
    public func balrogProgress(of game: DungeonGame) -> Double {
        BalrogProgression.value(maxDepth: game.maxDepth, experienceLevel: game.hero.level,
                                won: game.escaped && game.amuletDepth != nil)
    }
    /// NLE's `no_progress_timeout` as BALROG sets it: 150 steps in a row without the turn counter moving.
    public var balrogStillSteps: Int? { 150 }
}

extension DungeonGame {
    /// The depth the hero carries the Amulet on, or nil without it.
    public var amuletDepth: Int? {
        hero.inventory.contains { $0.itemClass == .amulet } ? depth : nil
    }
}
