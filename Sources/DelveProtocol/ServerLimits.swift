/// What one client may hold of the server, each answered with a clear error when reached.
public struct ServerLimits: Sendable, Hashable {
    /// The longest request line read, in bytes; a longer line is skipped unread.
    public var maximumLineBytes: Int
    /// How many envs may be live at once.
    public var maximumEnvs: Int
    /// How many snapshots may be kept at once.
    public var maximumSnapshots: Int

    /// Limits; the defaults suit a training job on one machine.
    public init(maximumLineBytes: Int = 1 << 20, maximumEnvs: Int = 1024, maximumSnapshots: Int = 4096) {
        self.maximumLineBytes = maximumLineBytes
        self.maximumEnvs = maximumEnvs
        self.maximumSnapshots = maximumSnapshots
    }

    enum CodingKeys: String, CodingKey {
        case maximumLineBytes = "max_line_bytes"
        case maximumEnvs = "max_envs"
        case maximumSnapshots = "max_snapshots"
    }
}

extension ServerLimits: Encodable {}
