import DelveCore

/// A task played on the dungeon engine: the full game (`DescendTask`) or a
/// skill task on a level it builds by hand. The task makes the game for a
/// seed and judges it; the engine plays every command the same way for all.
public protocol DungeonTask: Sendable {
    /// The task's name within the family: `descend`.
    var name: String { get }
    /// One line for `delve worlds`.
    var summary: String { get }
    /// The step budget.
    var stepBudget: Int { get }
    /// Steps without progress after which the episode is truncated (BALROG ends
    /// NetHack episodes this way); nil for none.
    var patience: Int? { get }
    /// The options `reset` accepts.
    var options: [OptionSpec] { get }
    /// The goal in a sentence, for the observation's mission.
    var mission: String { get }
    /// What the task asks, for the system prompt (the engine adds the rules and commands).
    var goal: String { get }
    /// The milestones a game of this task may reach.
    var milestones: [Milestone] { get }

    /// The game for a seed and options.
    func makeGame(seed: UInt64, options: WorldOptions) throws(WorldError) -> DungeonGame
    /// Progress in [0, 100] for the state of a game.
    func progress(of game: DungeonGame) -> Double
    /// The ids of the milestones the game has reached; a list that only grows (the world reports the new ones
    /// when its length changes).
    func reached(in game: DungeonGame) -> [String]
    /// The task's own ending (success or failure) after a step; nil while it goes on. Death is the engine's.
    func ending(of game: DungeonGame) -> EndReason?
    /// The oracle's next command from the full state; nil when it has none.
    func expertAction(for game: DungeonGame) -> String?

    /// The `balrog` profile's action words: BALROG's language action space for the task.
    var balrogVocabulary: [String] { get }
    /// The words BALROG's `default_action` plays in place of an answer outside the vocabulary.
    var balrogDefaultAction: String { get }
    /// The `balrog` profile's system prompt: BALROG's information for the task, in Delve's words.
    var balrogInstructions: String { get }
    /// Progress in [0, 100] under BALROG's rule for the environment.
    func balrogProgress(of game: DungeonGame) -> Double
    /// Agent steps in a row without the game's turn counter moving after which the `balrog` profile truncates
    /// the episode (NLE's `no_progress_timeout`); nil for none.
    var balrogStillSteps: Int? { get }
    /// The oracle's next command in a profile; the `balrog` profile may restrict which items it uses.
    func expertAction(for game: DungeonGame, profile: Profile) -> String?
}

extension DungeonTask {
    /// The same as the `delve` profile's.
    public func balrogProgress(of game: DungeonGame) -> Double { progress(of: game) }
    /// None.
    public var balrogStillSteps: Int? { nil }
    /// The same oracle in both profiles.
    public func expertAction(for game: DungeonGame, profile: Profile) -> String? { expertAction(for: game) }
}
