import DelveCore
import Foundation

/// A finished run that was written to its results directory.
public struct RecordedRun: Sendable {
    /// The run directory.
    public var directory: URL
    /// Every episode, in suite order.
    public var records: [EpisodeRecord]
    /// The scores, with timing.
    public var summary: Summary

    /// Episodes that ended because the agent failed.
    public var agentErrors: Int { records.count(where: { $0.endReason == .agentError }) }
}

extension Evaluation {
    /// Plays the run into a new results directory `root/runID/`: run.json
    /// first, then each episode's trajectory (written by the worker that played it) and line as it finishes, then the
    /// summary files. `progress` is called after each episode.
    /// `agentPerEpisode` is recorded in run.json, as are the runner's settings.
    public func record(to root: URL, runID: String, agentName: String, agentPerEpisode: Bool = false,
                       progress: (RunProgress) -> Void = { _ in }) async throws -> RecordedRun {
        let info = RunInfo(runID: runID, startedAt: ISO8601DateFormatter().string(from: Date()), suite: plan.suite,
                           agent: agentName, agentPerEpisode: agentPerEpisode, invalidAction: runner.invalidActionPolicy,
                           actionMatching: runner.actionMatching,
                           episodeTimeout: runner.episodeTimeout?.seconds, observe: runner.observe,
                           frame: runner.observe.includesImage ? runner.frame : nil, jobs: jobs, trajectories: runner.recordsTrajectory,
                           episodes: plan.episodes.count, shard: plan.shard, worlds: plan.worlds)
        let directory = try RunDirectory(root: root, info: info)
        return try await finish(directory, info: info, kept: [], progress: progress)
    }

    /// Finishes `stored`, a run killed part way: its recorded episodes are
    /// kept, the others (this evaluation's plan must be the stored run's,
    /// `StoredRun.plan`) are played from scratch, and the summary covers them
    /// all. A torn last line of episodes.jsonl is cut off first, and then
    /// `droppedTornLine` is told its length. A run that another process is
    /// writing, or wrote since `stored` was read, is refused.
    public func resume(_ stored: StoredRun, droppedTornLine: (_ bytes: Int) -> Void = { _ in },
                       progress: (RunProgress) -> Void = { _ in }) async throws -> RecordedRun {
        let directory = try RunDirectory(existing: stored.url,
                                         expected: (size: stored.completeBytes + stored.tornBytes, keep: stored.completeBytes))
        if stored.tornBytes > 0 { droppedTornLine(stored.tornBytes) }
        return try await finish(directory, info: stored.info, kept: stored.records, progress: progress)
    }

    /// Plays the plan's episodes that `kept` lacks into `directory`, then writes the summary of all of them.
    private func finish(_ directory: RunDirectory, info: RunInfo, kept: [EpisodeRecord],
                        progress: (RunProgress) -> Void) async throws -> RecordedRun {
        let done = Set(kept.map { StoredRun.key($0.task, $0.seed) })
        var rest = self
        rest.plan.episodes = plan.episodes.filter { !done.contains(StoredRun.key($0.task.id, $0.seed)) }
        let clock = ContinuousClock()
        let start = clock.now
        var finished = kept.count, progressSum = kept.reduce(0) { $0 + $1.progress }, playedCount = 0, steps = 0
        let trajectories = TrajectoryFile(run: directory.url)
        if runner.recordsTrajectory { try trajectories.makeFolders(for: rest.plan.episodes.map(\.task.id)) }
        let write: (@Sendable (EpisodeOutcome) throws -> Void)? = runner.recordsTrajectory ? { @Sendable outcome in try trajectories.write(outcome) } : nil
        let played = try await rest.run(played: write) { outcome in
            try directory.append(outcome.record, withTrajectory: !outcome.trajectory.isEmpty)
            finished += 1
            playedCount += 1
            progressSum += outcome.record.progress
            steps += outcome.record.steps
            progress(RunProgress(finished: finished, total: plan.episodes.count, record: outcome.record,
                                 meanProgress: progressSum / Double(finished), played: playedCount, steps: steps,
                                 seconds: start.duration(to: clock.now).seconds))
        }
        try directory.close()
        let records = StoredRun.ordered(kept + played, by: plan)
        let timing = RunTiming(records: played, wallSeconds: start.duration(to: clock.now).seconds)
        let summary = Summary(records: records, timing: timing, achievements: plan.achievements, groups: plan.groups, profile: plan.profile)
        let shard = info.shard.map { ", shard \($0)" } ?? ""
        try directory.write(summary, title: "\(plan.suite.name) with \(info.agent) (run \(info.runID)\(shard))")
        return RecordedRun(directory: directory.url, records: records, summary: summary)
    }
}
