import DelveCore

/// Plays the world's own oracle (`World.expertAction()`), reading the full
/// world state: the score ceiling, and proof that instances are solvable.
public struct ExpertAgent: Agent {
    /// `expert`.
    public let name = "expert"

    /// The expert reads the world, so the runner hands it `AgentTurn.world`.
    public var usesWorldState: Bool { true }

    /// An expert agent.
    public init() {}

    /// The oracle's next action.
    ///
    /// Throws when the turn carries no world (the runner did not grant it) or
    /// when the oracle has no action although the episode is still going.
    public mutating func act(_ turn: AgentTurn) async throws(AgentFailure) -> AgentReply {
        guard let world = turn.world else {
            throw AgentFailure("expert agent: the turn carries no world state to plan from")
        }
        guard let action = world.expertAction() else {
            throw AgentFailure("expert agent: the \(world.taskID) oracle has no action at step \(turn.step) of a running episode")
        }
        return AgentReply(action: action)
    }
}
