import DelveCore

/// Plays a uniformly random action from the world's legal actions now
/// (`AgentTurn.legalActions`: in the `delve` profile, what the observation lists).
///
/// Its choices come from `SeededRandom.derived(seed: episodeSeed, stream:)`
/// with a stream made of `RandomAgent.stream` and the task's id, reseeded at
/// the start of every episode, so an episode's actions depend on its task and
/// seed alone: never on how many episodes ran before it, on which worker, or
/// in what order; and two tasks played on one seed get unrelated choices.
public struct RandomAgent: Agent {
    /// The sub-stream label of the agent's choices: the ASCII bytes of "RANDOMAG".
    /// Changing it changes every random-agent score; don't.
    public static let stream: UInt64 = 0x5241_4E44_4F4D_4147

    /// `random`.
    public let name = "random"
    private var random = SeededRandom(seed: 0)

    /// A random agent; it is seeded by each episode it begins.
    public init() {}

    /// Reseeds the agent's choices from the episode's task and seed.
    public mutating func beginEpisode(_ context: EpisodeContext) async throws(AgentFailure) {
        var label = StableHash()
        label.combine(context.task)
        random = SeededRandom.derived(seed: context.seed, stream: Self.stream ^ label.value)
    }

    /// One of `turn.legalActions`, uniformly.
    public mutating func act(_ turn: AgentTurn) async throws(AgentFailure) -> AgentReply {
        let actions = turn.legalActions
        guard !actions.isEmpty else {
            throw AgentFailure("random agent: the world lists no legal actions to choose from")
        }
        return AgentReply(action: random.pick(actions))
    }
}
