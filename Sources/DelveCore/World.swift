/// The contract every world family implements.
///
/// A world is a value: copying it forks the game, so a copy is a snapshot and
/// assigning it back is a restore. Everything random in a world flows from the
/// seed given to `reset` through `SeededRandom`.
public protocol World: Sendable {
    /// The task this world plays, e.g. `grid/goto`.
    var taskID: String { get }

    /// Generation and rules revision of the family; bumped whenever either
    /// changes, so that scores from different revisions are never mixed.
    var revision: Int { get }

    /// Generates a fresh instance. The same seed, options and revision give a
    /// byte-identical world.
    mutating func reset(seed: UInt64, options: WorldOptions) throws(WorldError) -> Observation

    /// Plays one natural-language action. An action that is not understood or
    /// not possible leaves the world unchanged and comes back with `valid == false`.
    /// A family whose reference counts an action that does nothing as a move
    /// (Crafter's no-op: "Do" facing grass) may instead play it as a valid
    /// step; its feedback then says why nothing happened.
    mutating func step(_ action: String) -> StepResult

    /// The current observation (what the last reset or step returned).
    var observation: Observation { get }

    /// The actions that are meaningful now.
    var legalActions: [String] { get }

    /// Every action string the task's vocabulary has, whether or not it is
    /// meaningful now: what a run with exact action matching accepts, as
    /// BALROG checks an answer against its language action space. Nil when
    /// any string is a command (a parser game, which answers what it cannot
    /// do). Defaults to `legalActions`.
    var actionVocabulary: [String]? { get }

    /// The action played in place of one the world refuses, when a run asks
    /// for that (`--invalid-action default`, as BALROG does): a harmless
    /// action of the family, such as "go forward" or "Noop".
    var defaultAction: String { get }

    /// The system prompt for this task: rules, actions, goal.
    var instructions: String { get }

    /// What the agent perceives now as arrays of integers by name, for
    /// reinforcement-learning code (such as MiniGrid's 7×7×3 encoding);
    /// nil for a family that has none. Defaults to nil.
    var symbolic: [String: SymbolicArray]? { get }

    /// The task's milestones for the current instance.
    var milestones: [Milestone] { get }

    /// Raw progress in [0, 100] now; the episode keeps the running maximum.
    var progress: Double { get }

    /// The step budget for the current instance (some tasks scale it with the
    /// mission, as BabyAI does).
    var stepBudget: Int { get }

    /// A picture of the world for people: cells in colors and lines of
    /// text, with no escape codes (DelvePlay's `TerminalMap` writes those).
    var map: CellMap { get }

    /// The oracle's next action from the full state, or nil when it has none
    /// (the episode is over). It proves that generated instances are solvable.
    func expertAction() -> String?
}

extension World {
    /// The legal actions now: right for a family whose actions are a fixed list.
    public var actionVocabulary: [String]? { legalActions }

    /// No arrays: a family that has them says so.
    public var symbolic: [String: SymbolicArray]? { nil }

    /// What an agent or a player is told it may answer: the task's fixed
    /// vocabulary where it has one, else what the observation lists (for a
    /// parser game under the `balrog` profile, nothing). `episode/start`'s
    /// `action_space`, `delve worlds --describe`, play's completions.
    public var actionSpace: [String] { actionVocabulary ?? observation.legalActions }
}

/// Why a world could not be reset.
public enum WorldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An option the task does not know.
    case unknownOption(task: String, name: String, valid: [String])
    /// An option whose value is out of range or of the wrong type.
    case badOption(task: String, name: String, reason: String)

    /// One line naming the problem and the valid choices.
    public var description: String {
        switch self {
        case let .unknownOption(task, name, valid):
            let choices = valid.isEmpty ? "it takes no options" : "valid options: \(valid.joined(separator: ", "))"
            return "unknown option '\(name)' for \(task); \(choices)"
        case let .badOption(task, name, reason):
            return "option '\(name)' for \(task): \(reason)"
        }
    }
}
