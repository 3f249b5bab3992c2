import DelveCore
import DelveFormats
import Foundation

/// A run that was written to its results directory: complete, or incomplete
/// when episodes ended in agent errors or were never played.
public struct RecordedRun: Sendable {
    /// The run directory.
    public var directory: URL
    /// Every episode recorded, each by its newest attempt, in suite order.
    public var records: [EpisodeRecord]
    /// The scores, with timing.
    public var summary: Summary
    /// Episodes the run plans.
    public var planned: Int
    /// Whether the run stopped starting episodes after `--max-consecutive-errors` agent errors in a row.
    public var stoppedOnErrors = false

    /// Episodes whose newest attempt ended because the agent failed.
    public var agentErrors: Int { records.count(where: { !$0.scored }) }

    /// Whether every planned episode has a score; else `delve eval --resume` finishes it.
    public var isComplete: Bool { summary.isComplete }
}

/// What a session of `delve eval` does around its episodes: a check that the
/// agent answers before the first one, and where progress goes.
public struct SessionHooks {
    /// Runs after the run directory is open and before the first episode
    /// starts; when it throws, no episode is played and the error goes on.
    public var prepare: () async throws -> Void
    /// Called after each episode.
    public var progress: (RunProgress) -> Void

    /// Hooks; by default no check and no progress.
    public init(prepare: @escaping () async throws -> Void = {}, progress: @escaping (RunProgress) -> Void = { _ in }) {
        self.prepare = prepare
        self.progress = progress
    }
}

extension Evaluation {
    /// Plays the run into a new results directory `root/runID/`: run.json
    /// first, then each episode's trajectory (written by the worker that played it) and line as it finishes, then the
    /// summary files. `progress` is called after each episode.
    /// `agentPerEpisode`, `agentCommand` and `workingDirectory` are recorded in run.json, as are the runner's settings.
    public func record(to root: URL, runID: String, agentName: String, agentCommand: [String]? = nil,
                       workingDirectory: String? = nil, agentPerEpisode: Bool = false,
                       progress: @escaping (RunProgress) -> Void = { _ in }) async throws -> RecordedRun {
        try await record(to: root, runID: runID, agentName: agentName, agentCommand: agentCommand,
                         workingDirectory: workingDirectory, agentPerEpisode: agentPerEpisode,
                         hooks: SessionHooks(progress: progress))
    }

    /// `record(to:runID:…)` with `hooks`: `hooks.prepare` runs once the
    /// directory exists, before any episode.
    public func record(to root: URL, runID: String, agentName: String, agentCommand: [String]? = nil,
                       workingDirectory: String? = nil, agentPerEpisode: Bool = false,
                       hooks: SessionHooks) async throws -> RecordedRun {
        let info = RunInfo(runID: runID, startedAt: ISO8601DateFormatter().string(from: Date()), suite: plan.suite,
                           agent: agentName, agentCommand: agentCommand, workingDirectory: workingDirectory,
                           agentPerEpisode: agentPerEpisode, invalidAction: runner.invalidActionPolicy,
                           actionMatching: runner.actionMatching,
                           episodeTimeout: runner.episodeTimeout?.seconds, observe: runner.observe,
                           frame: runner.observe.includesImage ? runner.frame : nil, jobs: jobs, trajectories: runner.recordsTrajectory,
                           episodes: plan.episodes.count, shard: plan.shard, worlds: plan.worlds)
        let directory = try RunDirectory(root: root, info: info, durability: durability)
        return try await finish(directory, info: info, kept: [], hooks: hooks)
    }

    /// Finishes `stored`, a run killed part way or left incomplete: its
    /// scored episodes are kept, the others (this evaluation's plan must be
    /// the stored run's, `StoredRun.plan`) are played from scratch, episodes
    /// whose newest attempt ended `agent_error` included (their lines stay in
    /// episodes.jsonl; the new attempt's line follows and counts), and the
    /// summary covers them all. With `info`, run.json is replaced by it once
    /// `hooks.prepare` passed (a new agent, `RunInfo.replacingAgent`). A torn last line of
    /// episodes.jsonl is cut off first, and then `droppedTornLine` is told its
    /// length. Every scored episode's trajectory file is checked against its
    /// line (`TrajectoryCheck`); one that is missing, short or changed is
    /// played again, its new line marked `replaces_unverified`, and
    /// `unverified` is told the episode and why. A run that another process
    /// is writing, or wrote since `stored` was read, is refused.
    public func resume(_ stored: StoredRun, info: RunInfo? = nil, droppedTornLine: (_ bytes: Int) -> Void = { _ in },
                       unverified: (EpisodeRecord, String) -> Void = { _, _ in },
                       hooks: SessionHooks = SessionHooks()) async throws -> RecordedRun {
        let directory = try RunDirectory(existing: stored.url,
                                         expected: (size: stored.completeBytes + stored.tornBytes, keep: stored.completeBytes),
                                         durability: durability)
        if stored.tornBytes > 0 { droppedTornLine(stored.tornBytes) }
        var kept: [EpisodeRecord] = [], replaced: Set<String> = []
        for record in stored.records {
            if record.scored, stored.info.trajectories, let reason = stored.trajectoryMismatch(record) {
                unverified(record, reason)
                replaced.insert(StoredRun.key(record.task, record.seed))
            } else {
                kept.append(record)
            }
        }
        return try await finish(directory, info: info ?? stored.info, kept: kept, replacing: replaced, hooks: hooks,
                                rewritesInfo: info != nil)
    }

    /// `resume(_:info:droppedTornLine:hooks:)` with progress only.
    public func resume(_ stored: StoredRun, droppedTornLine: (_ bytes: Int) -> Void = { _ in },
                       progress: @escaping (RunProgress) -> Void) async throws -> RecordedRun {
        try await resume(stored, info: nil, droppedTornLine: droppedTornLine, hooks: SessionHooks(progress: progress))
    }

    /// Plays the plan's episodes that `kept` lacks a score for into `directory`, then writes the summary of all of them;
    /// the lines of the episodes in `replacing` (`StoredRun.key`) are marked as replacing an unverified attempt.
    private func finish(_ directory: RunDirectory, info: RunInfo, kept: [EpisodeRecord], replacing: Set<String> = [],
                        hooks: SessionHooks, rewritesInfo: Bool = false) async throws -> RecordedRun {
        let scored = kept.filter(\.scored)
        let done = Set(scored.map { StoredRun.key($0.task, $0.seed) })
        var rest = self
        rest.plan.episodes = plan.episodes.filter { !done.contains(StoredRun.key($0.task.id, $0.seed)) }
        do {
            try await hooks.prepare()
        } catch {
            try? directory.close()
            throw error
        }
        if rewritesInfo { try directory.write(info) }
        let clock = ContinuousClock()
        let start = clock.now
        var finished = scored.count, scoredCount = scored.count, progressSum = scored.reduce(0) { $0 + $1.progress }
        var playedCount = 0, steps = 0, errors = 0, tokens = 0, cost: Double?
        let trajectories = TrajectoryFile(run: directory.url)
        if runner.recordsTrajectory { try trajectories.makeFolders(for: rest.plan.episodes.map(\.task.id)) }
        let write: (@Sendable (EpisodeOutcome) throws -> EpisodeOutcome)? =
            runner.recordsTrajectory ? { @Sendable outcome in try trajectories.write(outcome) } : nil
        let progress = hooks.progress
        let played = try await rest.run(played: write) { outcome in
            let record = outcome.record
            try directory.append(record, trajectory: outcome.trajectoryCheck,
                                 replacesUnverified: replacing.contains(StoredRun.key(record.task, record.seed)))
            finished += 1
            playedCount += 1
            steps += record.steps
            tokens = tokens.addingSaturated(record.promptTokens).addingSaturated(record.completionTokens)
            if let spent = record.costUSD { cost = (cost ?? 0).addingSaturated(spent) }
            if record.scored {
                scoredCount += 1
                progressSum += record.progress
            } else {
                errors += 1
            }
            progress(RunProgress(finished: finished, total: plan.episodes.count, record: record,
                                 meanProgress: scoredCount > 0 ? progressSum / Double(scoredCount) : 0, played: playedCount,
                                 steps: steps, seconds: start.duration(to: clock.now).seconds, agentErrors: errors,
                                 tokens: tokens, costUSD: cost))
        }
        try directory.close()
        let records = StoredRun.ordered(kept + played, by: plan)
        let timing = RunTiming(records: played, wallSeconds: start.duration(to: clock.now).seconds)
        let summary = Summary(records: records, timing: timing, plan: plan)
        let shard = info.shard.map { ", shard \($0)" } ?? ""
        try directory.write(summary, title: "\(plan.suite.name) with \(info.agent) (run \(info.runID)\(shard))")
        return RecordedRun(directory: directory.url, records: records, summary: summary, planned: plan.episodes.count,
                           stoppedOnErrors: !(stop?.isRequested ?? false) && played.count < rest.plan.episodes.count)
    }
}
