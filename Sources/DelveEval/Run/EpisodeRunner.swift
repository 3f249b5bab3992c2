import DelveCore
import DelveFormats
import DelveImage

/// What one episode produced: its record and, when kept, every step.
public struct EpisodeOutcome: Sendable, Hashable {
    /// The line for episodes.jsonl.
    public var record: EpisodeRecord
    /// One entry per step taken; empty when trajectories are not kept.
    public var trajectory: [TrajectoryStep]
    /// The check of the trajectory's file, once it is written (`TrajectoryFile`).
    public var trajectoryCheck: TrajectoryCheck?

    /// Creates an outcome.
    public init(record: EpisodeRecord, trajectory: [TrajectoryStep]) {
        self.record = record
        self.trajectory = trajectory
    }
}

/// Plays one episode: an `Env` and an `Agent`, turn by turn, until the task
/// ends, the budget runs out, or the agent fails.
///
/// An agent failure never escapes: the episode ends `agent_error` with the
/// failure's message in the record. Each `act` call is timed with `now`
/// (the continuous clock); latency is informational and never affects a score.
public struct EpisodeRunner: Sendable {
    /// Whether to keep every step for the trajectory file.
    public var recordsTrajectory: Bool
    /// What a step does with an action the world refuses.
    public var invalidActionPolicy: InvalidActionPolicy
    /// How answers are matched to the world's actions.
    public var actionMatching: ActionMatching
    /// The most wall-clock time an episode may take (`--episode-timeout`);
    /// one that takes longer ends `agent_error`. Nil for no limit.
    public var episodeTimeout: Duration?
    /// What the agent observes (`--observe`); with pictures, the frame
    /// `frame` asks for goes into every observation, trajectories included.
    public var observe: ObservationMode
    /// The picture drawn when `observe` has pictures (`--image-view`,
    /// `--tile-size`): by default the agent's view at the family's size.
    public var frame: FrameRequest
    /// The time now, for latencies and the episode timeout: the continuous
    /// clock, or a test's own.
    public var now: @Sendable () -> ContinuousClock.Instant = { .now }

    /// A runner; `recordsTrajectory` false skips building trajectory steps.
    public init(recordsTrajectory: Bool = true, invalidActionPolicy: InvalidActionPolicy = .noop,
                actionMatching: ActionMatching = .forgiving, episodeTimeout: Duration? = nil,
                observe: ObservationMode = .text, frame: FrameRequest = FrameRequest()) {
        self.recordsTrajectory = recordsTrajectory
        self.invalidActionPolicy = invalidActionPolicy
        self.actionMatching = actionMatching
        self.episodeTimeout = episodeTimeout
        self.observe = observe
        self.frame = frame
    }

    /// Plays `episode` with `agent`. Throws only when the world refuses the
    /// episode's options, which `EvalPlan` has already checked.
    public func play(_ episode: PlannedEpisode, agent: any Agent) async throws(WorldError) -> EpisodeOutcome {
        var agent = agent
        var env = Env(task: episode.task)
        env.invalidActionPolicy = invalidActionPolicy
        env.actionMatching = actionMatching
        env.imaging = Imaging.for(observe, frame: frame)
        let deadline = episodeTimeout.map { now() + $0 }
        var observation = try env.reset(seed: episode.seed, options: episode.options, budget: episode.stepBudget)
        var ledger = AgentLedger()
        var trajectory: [TrajectoryStep] = []
        if recordsTrajectory { trajectory.reserveCapacity(min(env.budget, 4096)) }

        let context = EpisodeContext(task: episode.task.id, seed: episode.seed, instructions: env.world.instructions,
                                     actionSpace: env.world.actionSpace, stepBudget: env.budget, profile: episode.options.profile)
        do {
            try await agent.beginEpisode(context)
        } catch {
            ledger.failure = "beginning the episode: \(error.description)"
            env.abort(.agentError)
        }

        var reward = 0.0
        while env.endReason == nil {
            let turn = AgentTurn(step: env.steps, observation: observation, reward: reward, progress: env.tracker.progress,
                                 world: agent.usesWorldState ? env.world : nil, legalActions: env.world.legalActions,
                                 deadline: deadline)
            let started = now()
            let reply: AgentReply
            do {
                reply = try await agent.act(turn)
            } catch {
                ledger.add(latency: started.duration(to: now()), usage: nil)
                ledger.failure = "at step \(env.steps + 1): \(error.description)"
                env.abort(.agentError)
                break
            }
            let latency = started.duration(to: now())
            ledger.add(latency: latency, usage: reply.usage)
            if let deadline, let episodeTimeout, now() >= deadline {
                ledger.failure = "at step \(env.steps + 1): the episode ran out of time (--episode-timeout \(episodeTimeout.seconds) s)"
                env.abort(.agentError)
                break
            }
            let step = env.stepLive(reply.action)
            observation = step.observation
            reward = step.reward
            if recordsTrajectory {
                trajectory.append(TrajectoryStep(
                    step: step.step, action: reply.action, reasoning: reply.reasoning, valid: step.valid,
                    reward: step.reward, progress: step.progress, milestones: step.milestones,
                    observation: step.observation, latency: latency.seconds, endReason: step.endReason,
                    executed: step.executed, raw: reply.raw, prompt: reply.prompt, usage: reply.usage))
            }
        }

        let reason = env.endReason ?? .aborted
        await agent.endEpisode(progress: env.tracker.progress, reason: reason)
        var record = env.record(endReason: reason)
        record.agentLatencyMean = ledger.meanLatency
        record.promptTokens = ledger.promptTokens
        record.completionTokens = ledger.completionTokens
        record.costUSD = ledger.costUSD
        record.error = ledger.failure
        return EpisodeOutcome(record: record, trajectory: trajectory)
    }
}

/// What an agent spent over an episode: time, tokens, money, and why it stopped.
struct AgentLedger {
    var turns = 0
    var thinking = Duration.zero
    var promptTokens = 0
    var completionTokens = 0
    var costUSD: Double?
    var failure: String?

    mutating func add(latency: Duration, usage: Usage?) {
        turns += 1
        thinking += latency
        guard let usage else { return }
        promptTokens = promptTokens.addingSaturated(usage.promptTokens)
        completionTokens = completionTokens.addingSaturated(usage.completionTokens)
        if let cost = usage.costUSD { costUSD = (costUSD ?? 0).addingSaturated(cost) }
    }

    var meanLatency: Double { turns == 0 ? 0 : thinking.seconds / Double(turns) }
}
