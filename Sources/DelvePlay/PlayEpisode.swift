import DelveCore

/// One episode to play: a task, a seed, and how to set the world up, as a
/// suite names it.
public struct PlayEpisode: Sendable {
    /// The task.
    public var task: TaskSpec
    /// The seed.
    public var seed: UInt64
    /// The world options (the profile among them).
    public var options: WorldOptions
    /// The step budget, when the suite overrides the task's own.
    public var stepBudget: Int?

    /// An episode.
    public init(task: TaskSpec, seed: UInt64, options: WorldOptions = .defaults, stepBudget: Int? = nil) {
        self.task = task
        self.seed = seed
        self.options = options
        self.stepBudget = stepBudget
    }
}

/// Where `delve play --record` keeps the episodes a person finishes: a run
/// directory, as `delve eval` writes one.
public protocol PlayRecorder: Sendable {
    /// The run directory, as the screen names it.
    var location: String { get }
    /// The next episode to play: the first one the run has no score for; nil when every one has.
    mutating func nextEpisode() throws -> PlayEpisode?
    /// Records a finished episode and its steps; returns how far the run is, in words ("3 of 10 episodes").
    mutating func record(_ record: EpisodeRecord, trajectory: [TrajectoryStep]) throws -> String
}

/// How a person plays: one key a move, or a typed line.
public enum InputMode: Sendable, Hashable {
    /// Single keys, read from the terminal in raw mode.
    case keys
    /// Typed lines, with editing and TAB completion.
    case typed
}

/// Single keys read from a terminal (or a script, in tests).
public protocol KeySource {
    /// Waits for the next key; nil at the end of input.
    mutating func readKey() -> Key?
    /// Gives the terminal back as it was (before a typed line, and at the end).
    mutating func release()
}

/// No keys at all: play typed lines only (pipes and scripts).
public struct NoKeys: KeySource {
    /// No keys.
    public init() {}
    /// Always the end of input.
    public mutating func readKey() -> Key? { nil }
    /// Nothing to give back.
    public mutating func release() {}
}
