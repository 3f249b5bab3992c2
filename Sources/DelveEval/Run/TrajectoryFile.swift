import DelveCore
import DelveFormats
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes episodes' trajectory files into a run directory,
/// `trajectories/<family>/<task>/seed-<seed>.jsonl`.
///
/// Used by the workers that play the episodes, not by the task that appends
/// to episodes.jsonl, so encoding and writing trajectories run in parallel
/// with `--jobs` and never hold up the recorder.
struct TrajectoryFile: Sendable {
    /// The run directory.
    var run: URL

    /// Makes the trajectory folders of `tasks` (`family/task` ids), so that
    /// workers writing at once never race to make the same folder.
    func makeFolders(for tasks: some Sequence<String>) throws(RunDirectoryError) {
        for task in Set(tasks) {
            let folder = run.appendingPathComponent(RunDirectory.trajectoryPath(task: task, seed: 0)).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw .io(path: folder.path, reason: RunDirectory.reason(error))
            }
        }
    }

    /// Writes `outcome`'s trajectory whole, with one `write`, and returns the
    /// outcome with the file's check; with `--durability machine`, the group commit
    /// after its line makes it durable (`GroupCommit`). Does nothing for an
    /// outcome without steps. Not atomic: a kill part way leaves a torn file
    /// with no line in episodes.jsonl, which a resume rewrites.
    func write(_ outcome: EpisodeOutcome) throws(RunDirectoryError) -> EpisodeOutcome {
        guard !outcome.trajectory.isEmpty else { return outcome }
        let path = RunDirectory.trajectoryFile(in: run, task: outcome.record.task, seed: outcome.record.seed)
        var json = JSONOutput()
        json.bytes.reserveCapacity(outcome.trajectory.count * 768)
        for step in outcome.trajectory { TrajectoryLine.append(step, to: &json) }
        let bytes = json.bytes
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        defer { _ = Glibc.close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
            written += count
        }
        var checked = outcome
        checked.trajectoryCheck = TrajectoryCheck(of: bytes)
        return checked
    }
}
