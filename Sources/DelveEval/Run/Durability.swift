/// What a run's files survive as they are written (`--durability`, docs/results.md, "Durability").
public enum Durability: String, Sendable, Hashable, CaseIterable, Codable {
    /// A killed delve process (`kill -9`, a crash, a preempted job): every
    /// line and trajectory is handed to the operating system as it is
    /// written, and nothing is fsync'd. The default.
    case process
    /// A machine crash or power loss too: lines and trajectories are fsync'd
    /// by group commit (`GroupCommit`), at most `RunDirectory.commitInterval` after they are written.
    case machine
}
