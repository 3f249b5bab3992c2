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
        try await run(played: { _ in }, finished: finished)
    }

    /// `run(finished:)`, with `played` run first in the worker that played
    /// each episode, so work done there (writing its trajectory) proceeds in
    /// parallel; if it throws, the run stops as when `finished` throws.
    func run(played: @escaping @Sendable (EpisodeOutcome) throws -> Void,
             finished: (EpisodeOutcome) throws -> Void) async throws -> [EpisodeRecord] {
        let episodes = plan.episodes
        var records = [EpisodeRecord?](repeating: nil, count: episodes.count)
        try await withThrowingTaskGroup(of: (Int, EpisodeOutcome).self) { group in
            var next = 0
            func start() {
                guard next < episodes.count else { return }
                let position = next, episode = episodes[next]
                let runner = self.runner, makeAgent = self.makeAgent
                group.addTask {
                    let outcome = try await runner.play(episode, agent: makeAgent())
                    try played(outcome)
                    return (position, outcome)
                }
                next += 1
            }
            for _ in 0..<min(jobs, episodes.count) { start() }
            while let (position, outcome) = try await group.next() {
                records[position] = outcome.record
                try finished(outcome)
                start()
            }
        }
        return records.compactMap { $0 }
    }
}
