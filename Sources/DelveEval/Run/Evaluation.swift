import DelveCore

/// Plays every episode of a plan on up to `jobs` concurrent workers.
///
/// Each episode gets a fresh agent from `makeAgent`, so no state crosses
/// episodes, and the records come back in plan order: nothing a run reports
/// depends on `jobs` or on the order in which episodes finish.
public struct Evaluation: Sendable {
    /// The episodes to play.
    public var plan: EvalPlan
    /// Makes the agent for one episode.
    public var makeAgent: @Sendable () -> any Agent
    /// How many episodes may run at once (at least one).
    public var jobs: Int
    /// Plays each episode.
    public var runner: EpisodeRunner
    /// After this many episodes in a row (in finishing order) ended
    /// `agent_error`, no further episode starts: those playing finish and the
    /// run ends with the rest unplayed (`--max-consecutive-errors`). Nil for no limit.
    public var maxConsecutiveErrors: Int?
    /// Once this is requested, no further episode starts, and an episode
    /// that then ends unscored (its agent was killed) is not recorded: a
    /// resume plays it. Nil: nothing stops the run early but errors.
    public var stop: StopRequest?
    /// What the run's files survive (`--durability`).
    public var durability = Durability.process

    /// Creates an evaluation; `jobs` below one counts as one.
    public init(plan: EvalPlan, jobs: Int, runner: EpisodeRunner = EpisodeRunner(), makeAgent: @escaping @Sendable () -> any Agent) {
        self.plan = plan
        self.makeAgent = makeAgent
        self.jobs = max(1, jobs)
        self.runner = runner
    }

    /// Plays every episode. `finished` runs in the calling task, once per
    /// episode in the order they finish, so it may write files without
    /// locking; if it throws, no further episode starts, those already
    /// playing finish unrecorded, and the error is rethrown.
    /// Returns the records in plan order.
    public func run(finished: (EpisodeOutcome) throws -> Void = { _ in }) async throws -> [EpisodeRecord] {
        try await run(played: nil, finished: finished)
    }

    /// What a task of `run` finished: an episode played, or an episode written.
    private enum Stage: Sendable {
        case played(Int, EpisodeOutcome)
        case written(Int, EpisodeOutcome)
    }

    /// `run(finished:)`, with `played`, when given, run on each episode
    /// before `finished` (which gets the outcome it returns), in a task of its own: while one episode's
    /// trajectory is written, the next one already plays, so writing costs a
    /// run little where a core is free. At most `jobs` episodes play and
    /// `jobs` wait to be written at once. If `played` throws, the run stops
    /// as when `finished` throws.
    func run(played afterPlay: (@Sendable (EpisodeOutcome) throws -> EpisodeOutcome)?,
             finished: (EpisodeOutcome) throws -> Void) async throws -> [EpisodeRecord] {
        let episodes = plan.episodes
        var records = [EpisodeRecord?](repeating: nil, count: episodes.count)
        let limit = maxConsecutiveErrors ?? Int.max
        try await withThrowingTaskGroup(of: Stage.self) { group in
            var next = 0, writing = 0, held = 0, streak = 0
            func start() {
                guard next < episodes.count, streak < limit, !(stop?.isRequested ?? false) else { return }
                let position = next, episode = episodes[next]
                let runner = self.runner, makeAgent = self.makeAgent
                group.addTask { .played(position, try await runner.play(episode, agent: makeAgent())) }
                next += 1
            }
            func record(_ position: Int, _ outcome: EpisodeOutcome) throws {
                records[position] = outcome.record
                try finished(outcome)
            }
            for _ in 0..<min(jobs, episodes.count) { start() }
            while let stage = try await group.next() {
                switch stage {
                case let .played(position, outcome):
                    if let stop, stop.isRequested, !outcome.record.scored { continue }
                    streak = outcome.record.scored ? 0 : streak + 1
                    guard let afterPlay else {
                        try record(position, outcome)
                        start()
                        continue
                    }
                    group.addTask { .written(position, try afterPlay(outcome)) }
                    writing += 1
                    if writing <= jobs { start() } else { held += 1 }
                case let .written(position, outcome):
                    writing -= 1
                    try record(position, outcome)
                    if held > 0 {
                        held -= 1
                        start()
                    }
                }
            }
        }
        return records.compactMap { $0 }
    }
}
