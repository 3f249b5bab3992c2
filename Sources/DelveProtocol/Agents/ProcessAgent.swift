import DelveCore
import DelveFormats

/// An agent that is an outside process speaking agent mode (docs/protocol.md):
/// `episode/start`, one `act` per step, `episode/end`, over JSON-RPC lines.
///
/// Its process comes from an `AgentProcessPool` when the episode begins and
/// goes back when it ends. Any failure (no answer within the deadline, a
/// crash, a malformed answer) kills the process and throws, so the runner
/// ends the episode `agent_error` with the reason.
public struct ProcessAgent: Agent {
    /// The command as the user wrote it, recorded in run.json.
    public let name: String
    private let pool: AgentProcessPool
    private let timeout: Duration
    private let maximumTextBytes: Int
    private var process: AgentProcess?

    /// An agent whose processes come from `pool`; `name` is the command line as given.
    public init(name: String, pool: AgentProcessPool) {
        self.name = name
        self.pool = pool
        timeout = pool.command.actTimeout
        maximumTextBytes = pool.command.maximumTextBytes
    }

    /// Checks out a process and sends it `episode/start`.
    public mutating func beginEpisode(_ context: EpisodeContext) async throws(AgentFailure) {
        let process = try await pool.checkOut()
        self.process = process
        let timeout = self.timeout
        _ = try await guarded { () async throws(AgentFailure) -> JSONValue in
            try await process.call("episode/start", EpisodeStartParams(context: context), within: timeout)
        }
    }

    /// Sends `act` and reads the reply, waiting no longer than the act
    /// deadline or the episode's own (`AgentTurn.deadline`), whichever comes first.
    public mutating func act(_ turn: AgentTurn) async throws(AgentFailure) -> AgentReply {
        guard let process else { throw AgentFailure("the agent process is gone") }
        let params = ActParams(turn)
        var timeout = self.timeout
        if let deadline = turn.deadline { timeout = min(timeout, ContinuousClock.now.duration(to: deadline)) }
        guard timeout > .zero else { throw AgentFailure(Self.outOfTime) }
        let limited = timeout < self.timeout, maximumTextBytes = self.maximumTextBytes
        return try await guarded { () async throws(AgentFailure) -> AgentReply in
            do throws(AgentFailure) {
                return try AgentReply(actResult: try await process.call("act", params, within: timeout)).capped(toBytes: maximumTextBytes)
            } catch {
                guard limited, let deadline = turn.deadline, ContinuousClock.now >= deadline else { throw error }
                throw AgentFailure("\(Self.outOfTime); killed the agent process")
            }
        }
    }

    /// Why an episode whose time limit passed ended.
    static let outOfTime = "the episode ran out of time (--episode-timeout)"

    /// Sends `episode/end`; the process goes back to the pool if it answers in time.
    public mutating func endEpisode(progress: Double, reason: EndReason) async {
        guard let process else { return }
        self.process = nil
        do {
            _ = try await process.call("episode/end", EpisodeEndParams(progress: progress, endReason: reason), within: timeout)
            await pool.checkIn(process)
        } catch {
            await pool.discard(process)
        }
    }

    /// Runs `body`; on failure the process is discarded before the error goes on.
    private mutating func guarded<T>(_ body: () async throws(AgentFailure) -> T) async throws(AgentFailure) -> T {
        do {
            return try await body()
        } catch {
            if let process { await pool.discard(process) }
            process = nil
            throw error
        }
    }
}
