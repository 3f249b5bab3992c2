extension Server {
    /// Closes every env unused for longer than the idle timeout, remembering
    /// their ids so that naming one later says why it is gone. Returns how many
    /// it closed; does nothing without an idle timeout. `now` defaults to the server's clock.
    @discardableResult
    public mutating func evictIdleEnvs(now: ContinuousClock.Instant? = nil) -> Int {
        guard let timeout = limits.idleTimeout else { return 0 }
        let now = now ?? self.now()
        let idle = lastUse.filter { now - $0.value > timeout }.keys.sorted()
        for id in idle { evict(id) }
        return idle.count
    }

    /// How long until the next env can fall idle; nil when none can (no
    /// timeout, or no live env). `ServeLoop` waits for input at most this long.
    /// `now` defaults to the server's clock.
    public func timeUntilNextEviction(now: ContinuousClock.Instant? = nil) -> Duration? {
        guard let timeout = limits.idleTimeout, let oldest = lastUse.values.min() else { return nil }
        let now = now ?? self.now()
        return max(.zero, oldest + timeout - now)
    }

    /// Notes that a request named `id`; an env that has gone idle since its
    /// last use is closed now and reported evicted instead.
    mutating func use(_ id: String) throws(RPCError) {
        guard let timeout = limits.idleTimeout, let last = lastUse[id] else { return }
        let now = self.now()
        if now - last > timeout {
            evict(id)
            throw evictedError(id)
        }
        lastUse[id] = now
    }

    /// Starts the idle clock of a new env.
    mutating func started(_ id: String) {
        if limits.idleTimeout != nil { lastUse[id] = now() }
    }

    /// Forgets a closed env's idle clock.
    mutating func closed(_ id: String) {
        lastUse[id] = nil
    }

    /// The error for naming an env closed for idleness.
    func evictedError(_ id: String) -> RPCError {
        let seconds = limits.idleTimeoutSeconds.map(Self.secondsText) ?? "?"
        return RPCError(.envEvicted, "env \"\(id)\" was closed after \(seconds) s unused (--idle-timeout); reset a new one")
    }

    private mutating func evict(_ id: String) {
        envs.remove(id)
        lastUse[id] = nil
        evicted.insert(id)
    }

    /// `seconds` as a user wrote it: a whole number without its ".0".
    static func secondsText(_ seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e15 ? String(Int(seconds)) : String(seconds)
    }
}

/// The ids of envs closed for idleness, the most recent `capacity` of them, so
/// a long session's memory stays bounded.
struct EvictedIDs: Sendable {
    /// How many ids are remembered.
    static let capacity = 4096
    private var members: Set<String> = []
    private var order: [String] = []
    private var next = 0

    /// Whether `id` was evicted (recently enough to be remembered).
    func contains(_ id: String) -> Bool { members.contains(id) }

    /// Remembers `id`, forgetting the oldest beyond the capacity.
    mutating func insert(_ id: String) {
        if order.count < Self.capacity {
            order.append(id)
        } else {
            members.remove(order[next])
            order[next] = id
            next = (next + 1) % Self.capacity
        }
        members.insert(id)
    }
}
