/// What an agent is told when an episode starts.
public struct EpisodeContext: Sendable, Hashable {
    /// `family/task`.
    public var task: String
    /// The episode seed.
    public var seed: UInt64
    /// The system prompt: rules, actions, goal.
    public var instructions: String
    /// The action vocabulary at the start.
    public var actionSpace: [String]
    /// The step budget.
    public var stepBudget: Int
    /// The run's profile: what the world shows and how it scores.
    public var profile: Profile

    /// Creates a context.
    public init(task: String, seed: UInt64, instructions: String, actionSpace: [String], stepBudget: Int,
                profile: Profile = .delve) {
        self.task = task
        self.seed = seed
        self.instructions = instructions
        self.actionSpace = actionSpace
        self.stepBudget = stepBudget
        self.profile = profile
    }
}

/// One request for an action.
public struct AgentTurn: Sendable {
    /// Steps taken so far (0 for the first action).
    public var step: Int
    /// What the agent perceives.
    public var observation: Observation
    /// The last step's reward.
    public var reward: Double
    /// Progress so far, in [0, 100].
    public var progress: Double
    /// The full world, given only to agents that declare `usesWorldState`
    /// (the expert). Never sent to outside processes.
    public var world: (any World)?
    /// The actions the world would accept now (`World.legalActions`), for
    /// built-in agents. The observation lists them too in the `delve`
    /// profile; in the `balrog` profile a text world's observation lists
    /// none, as BALROG's does, and this is never sent to outside processes.
    public var legalActions: [String]
    /// When the episode's time runs out (`--episode-timeout`), if it has a
    /// limit: an agent that waits should wait no longer.
    public var deadline: ContinuousClock.Instant?

    /// Creates a turn.
    public init(step: Int, observation: Observation, reward: Double, progress: Double, world: (any World)? = nil,
                legalActions: [String]? = nil, deadline: ContinuousClock.Instant? = nil) {
        self.step = step
        self.observation = observation
        self.reward = reward
        self.progress = progress
        self.world = world
        self.legalActions = legalActions ?? observation.legalActions
        self.deadline = deadline
    }
}

/// Tokens and money an agent reports spending on one action.
public struct Usage: Sendable, Hashable, Codable {
    /// Prompt (input) tokens.
    public var promptTokens: Int
    /// Completion (output) tokens.
    public var completionTokens: Int
    /// Cost in US dollars, when known.
    public var costUSD: Double?

    /// Creates a usage record.
    public init(promptTokens: Int = 0, completionTokens: Int = 0, costUSD: Double? = nil) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.costUSD = costUSD
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case costUSD = "cost_usd"
    }
}

/// An agent's answer to one turn.
public struct AgentReply: Sendable, Hashable {
    /// The action, in natural language.
    public var action: String
    /// Why, if the agent says.
    public var reasoning: String?
    /// Tokens and cost, if the agent reports them.
    public var usage: Usage?
    /// The agent's raw output, e.g. a model's whole answer, if it reports it.
    public var raw: String?
    /// The exact prompt the agent sent its model, if it reports it.
    public var prompt: String?

    /// Creates a reply.
    public init(action: String, reasoning: String? = nil, usage: Usage? = nil, raw: String? = nil, prompt: String? = nil) {
        self.action = action
        self.reasoning = reasoning
        self.usage = usage
        self.raw = raw
        self.prompt = prompt
    }
}

/// Why an agent could not answer; the episode ends as `agent_error` with this detail.
public struct AgentFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in one line.
    public var description: String

    /// Creates a failure.
    public init(_ description: String) { self.description = description }
}

/// Anything that plays episodes: built-in Swift agents, a person, an outside process.
public protocol Agent: Sendable {
    /// The name recorded in run.json.
    var name: String { get }
    /// True for agents that read the full world state (the expert).
    var usesWorldState: Bool { get }
    /// Called once before an episode's first turn.
    mutating func beginEpisode(_ context: EpisodeContext) async throws(AgentFailure)
    /// Chooses an action.
    mutating func act(_ turn: AgentTurn) async throws(AgentFailure) -> AgentReply
    /// Called once after the episode's last step.
    mutating func endEpisode(progress: Double, reason: EndReason) async
}

extension Agent {
    /// Agents see only observations unless they say otherwise.
    public var usesWorldState: Bool { false }
    /// Nothing to set up by default.
    public mutating func beginEpisode(_ context: EpisodeContext) async throws(AgentFailure) {}
    /// Nothing to tear down by default.
    public mutating func endEpisode(progress: Double, reason: EndReason) async {}
}
