import CFileSync
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Makes a run's writes durable in groups, off the thread that records
/// episodes (docs/results.md, "Durability").
///
/// Lines of episodes.jsonl and trajectory files are written at once (a killed
/// process loses none of them) and handed here; a commit, at most one per
/// `interval`, flushes the trajectory files written since the last one
/// (one `syncfs` of their file system) and then fsyncs episodes.jsonl. A run that finishes an episode every few
/// milliseconds thus pays for a few fsyncs a second instead of two per
/// episode, and a slow run still has each line on disk moments after it is
/// written.
///
/// A class: the commits run on a queue of their own and share the list of
/// files waiting for one with the recorder, under a lock.
final class GroupCommit: Sendable {
    /// episodes.jsonl.
    let episodes: String
    /// At most one commit per interval.
    let interval: Duration
    private let queue = DispatchQueue(label: "delve.group-commit")
    private let state = Mutex(State())

    private struct State {
        /// Trajectory files written since the last commit began.
        var trajectories: [String] = []
        /// When the next commit begins; nil when none is scheduled.
        var due: ContinuousClock.Instant?
        /// When the last commit began.
        var last: ContinuousClock.Instant?
        /// The first fsync that failed, reported by the next `written` or `commitNow`.
        var failure: RunDirectoryError?
    }

    /// Commits for `episodes` (episodes.jsonl's path), at most one per `interval`.
    init(episodes: String, interval: Duration) {
        self.episodes = episodes
        self.interval = interval
    }

    /// A line was appended to episodes.jsonl after `trajectory` (its file,
    /// when it has one) was written: schedules the commit that makes both
    /// durable, unless one is already waiting. Reports a failed earlier commit.
    func written(trajectory: String?) throws(RunDirectoryError) {
        let now = ContinuousClock.now
        let delay: Duration? = try state.withLock { (state) throws(RunDirectoryError) -> Duration? in
            if let failure = state.failure { throw failure }
            if let trajectory { state.trajectories.append(trajectory) }
            guard state.due == nil else { return nil }
            let due = max(now, (state.last ?? now) + interval)
            state.due = due
            return now.duration(to: due)
        }
        guard let delay else { return }
        let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        queue.asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { [self] in
            if let failure = commit() { state.withLock { $0.failure = $0.failure ?? failure } }
        }
    }

    /// Commits everything written so far, on the calling thread, once any
    /// commit under way has ended.
    func commitNow() throws(RunDirectoryError) {
        if let failure = queue.sync(execute: { commit() }) ?? state.withLock({ $0.failure }) { throw failure }
    }

    /// One commit: the waiting trajectory files (their whole file system, or
    /// one by one where that cannot be flushed), then episodes.jsonl. Runs on `queue`.
    private func commit() -> RunDirectoryError? {
        let trajectories = state.withLock { state in
            defer { state.trajectories = []; state.due = nil; state.last = .now }
            return state.trajectories
        }
        if let first = trajectories.first {
            switch Self.sync(first, whole: true) {
            case .some(.unsupported):
                for path in trajectories {
                    if let failure = Self.sync(path, whole: false) { return failure.error(path) }
                }
            case let .some(failure): return failure.error(first)
            case nil: break
            }
        }
        return Self.sync(episodes, whole: false)?.error(episodes)
    }

    /// Why a sync failed.
    private enum SyncFailure: Error {
        /// The system cannot flush a whole file system.
        case unsupported
        /// The system's reason.
        case failed(String)

        func error(_ path: String) -> RunDirectoryError {
            switch self {
            case .unsupported: .io(path: path, reason: "cannot sync")
            case let .failed(reason): .io(path: path, reason: reason)
            }
        }
    }

    /// fsyncs the file at `path`, or, when `whole`, flushes the whole file
    /// system that holds it (`syncfs`: one journal commit for every file and
    /// folder written there, where an fsync per file costs one each). Opens
    /// a descriptor of its own (not a `dup` of the run's, which would share
    /// its `flock`).
    private static func sync(_ path: String, whole: Bool) -> SyncFailure? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failed(String(cString: strerror(errno))) }
        defer { _ = close(fd) }
        guard (whole ? delve_syncfs(fd) : fsync(fd)) != 0 else { return nil }
        return whole && errno == ENOSYS ? .unsupported : .failed(String(cString: strerror(errno)))
    }
}
