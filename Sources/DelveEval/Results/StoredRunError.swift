/// Why a run directory on disk could not be read, resumed or merged. Reading
/// never changes a file, so the data on disk is as it was.
public enum StoredRunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No run.json: not a run directory (or one whose creation never finished).
    case notARun(path: String)
    /// No summary.json: the run never finished.
    case noSummary(path: String)
    /// run.json or summary.json cannot be read or decoded.
    case unreadable(path: String, reason: String)
    /// Written by a newer Delve, in a format this one does not know.
    case newerFormat(path: String, format: Int)
    /// A complete line of episodes.jsonl that is not an episode record.
    case corruptLine(path: String, line: Int, reason: String)
    /// An episode the run's suite (or shard) does not play.
    case foreignEpisode(path: String, task: String, seed: UInt64)
    /// The same episode twice in episodes.jsonl.
    case duplicateEpisode(path: String, task: String, seed: UInt64)
    /// The run's suite no longer resolves against the catalog.
    case plan(path: String, PlanError)
    /// The run differs from what it is checked against (this Delve's catalog, or another run).
    case mismatch(path: String, what: String)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case let .notARun(path):
            return "\(path) is not a run directory: it has no run.json"
        case let .noSummary(path):
            return "\(path) has no summary.json: the run did not finish; finish it with delve eval --resume \(path)"
        case let .unreadable(path, reason):
            return "\(path) is unreadable: \(reason); nothing was changed"
        case let .newerFormat(path, format):
            return "\(path) was written by a newer Delve (run format \(format); this one reads up to "
                + "\(RunInfo.currentFormat)); nothing was changed"
        case let .corruptLine(path, line, reason):
            return "\(path) line \(line) is not an episode record: \(reason); nothing was changed"
        case let .foreignEpisode(path, task, seed):
            return "\(path) records \(task) seed \(seed), which its run does not play; nothing was changed"
        case let .duplicateEpisode(path, task, seed):
            return "\(path) records \(task) seed \(seed) twice; nothing was changed"
        case let .plan(path, error):
            return "\(path): \(error.description)"
        case let .mismatch(path, what):
            return "\(path): \(what)"
        }
    }
}
