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
    /// first, then each episode's line and trajectory as it finishes, then the
    /// summary files. `progress` is called after each episode with the number
    /// finished and the total.
    public func record(to root: URL, runID: String, agentName: String,
                       progress: (_ finished: Int, _ total: Int) -> Void = { _, _ in }) async throws -> RecordedRun {
        let directory = try RunDirectory(root: root, runID: runID)
        let startedAt = ISO8601DateFormatter().string(from: Date())
        try directory.write(RunInfo(runID: runID, startedAt: startedAt, suite: plan.suite, agent: agentName, jobs: jobs,
                                    trajectories: runner.recordsTrajectory, episodes: plan.episodes.count,
                                    worlds: plan.worlds))
        let clock = ContinuousClock()
        let start = clock.now
        var finished = 0
        let records = try await run { outcome in
            try directory.append(outcome)
            finished += 1
            progress(finished, plan.episodes.count)
        }
        try directory.close()
        let timing = RunTiming(records: records, wallSeconds: start.duration(to: clock.now).seconds)
        let summary = Summary(records: records, timing: timing)
        try directory.write(summary, title: "\(plan.suite.name) with \(agentName) (run \(runID))")
        return RecordedRun(directory: directory.url, records: records, summary: summary)
    }
}
