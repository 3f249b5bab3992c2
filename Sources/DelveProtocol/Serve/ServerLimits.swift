/// What one client (one connection) may hold of the server, each answered
/// with a clear error when reached.
public struct ServerLimits: Sendable, Hashable {
    /// The longest request line read, in bytes; a longer line is skipped unread.
    public var maximumLineBytes: Int
    /// How many envs may be live at once.
    public var maximumEnvs: Int
    /// How many snapshots may be kept at once.
    public var maximumSnapshots: Int
    /// Seconds an env may go unused before the server closes it; nil keeps envs until closed.
    public var idleTimeoutSeconds: Double?

    /// Limits; the defaults suit a training job on one machine.
    public init(maximumLineBytes: Int = 1 << 20, maximumEnvs: Int = 1024, maximumSnapshots: Int = 4096, idleTimeoutSeconds: Double? = nil) {
        self.maximumLineBytes = maximumLineBytes
        self.maximumEnvs = maximumEnvs
        self.maximumSnapshots = maximumSnapshots
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    /// The idle timeout as a duration, when there is one.
    var idleTimeout: Duration? { idleTimeoutSeconds.map { Duration.seconds(limited: $0) } }

    enum CodingKeys: String, CodingKey {
        case maximumLineBytes = "max_line_bytes"
        case maximumEnvs = "max_envs"
        case maximumSnapshots = "max_snapshots"
        case idleTimeoutSeconds = "idle_timeout"
    }
}

extension ServerLimits: Encodable {}

extension Duration {
    /// `seconds` (at most 10⁹, about 31 years) as a duration, to the nanosecond.
    static func seconds(limited seconds: Double) -> Duration {
        .nanoseconds(Int64((min(seconds, 1e9) * 1e9).rounded()))
    }
}
