import DelveCore

extension Env {
    /// Steps an episode that is live: reset, and not ended. That is the one
    /// state in which `Env.step` cannot refuse, so callers that check
    /// `endReason` first need no error path. Inlinable: `delve bench` times it from DelveBench.
    @inlinable
    public mutating func stepLive(_ action: String) -> EnvStep {
        do {
            return try step(action)
        } catch {
            preconditionFailure("Env refused a step of a live episode: \(error)")
        }
    }
}
