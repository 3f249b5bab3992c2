import DelveCore
import DelveEval
import DelveFormats
import Foundation

/// Gathers the report's data from run directories: every episode's record,
/// and for a bounded sample per task (the first `stepsPerTask` episodes of the
/// task in suite order) its steps, replayed for the maps. The other episodes'
/// trajectory files are only checked for being there, so the page stays small
/// for runs of any size.
public struct ReportBuilder: Sendable {
    /// The catalog episodes are replayed against.
    public var catalog: TaskCatalog
    /// Episodes per task whose steps the page carries.
    public var stepsPerTask: Int

    /// The default sample: five episodes per task.
    public static let defaultStepsPerTask = 5

    /// A builder replaying against `catalog`.
    public init(catalog: TaskCatalog, stepsPerTask: Int = defaultStepsPerTask) {
        self.catalog = catalog
        self.stepsPerTask = stepsPerTask
    }

    /// The report data of `runs`, in order.
    public func data(_ runs: [RunOnDisk]) -> ReportData {
        ReportData(delveVersion: DelveVersion.current, stepsPerTask: stepsPerTask, runs: runs.map(reported))
    }

    private func reported(_ run: RunOnDisk) -> ReportedRun {
        var sampled: [String: Int] = [:]
        let episodes = run.records.enumerated().map { index, record in
            let take = sampled[record.task, default: 0] < stepsPerTask
            if take { sampled[record.task, default: 0] += 1 }
            return episode(index: index, record: record, run: run, embedded: take)
        }
        var achievements: [String: [String]] = [:]
        for row in run.summary.tasks where row.scores.crafterScore != nil {
            let known = (try? catalog.task(row.label.task).achievements) ?? []
            achievements[row.label.task] = known.isEmpty ? (row.scores.milestones ?? [:]).keys.sorted() : known
        }
        return ReportedRun(label: "\(run.info.runID) (\(run.info.agent))", info: run.info, summary: run.summary,
                           achievements: achievements, episodes: episodes,
                           milestonesByKind: run.summary.tasks.map(\.label.task).filter { milestonesDependOnSeed($0, in: run) })
    }

    /// Whether `task`'s milestones differ between instances in what they are,
    /// not only in number: the task's world is reset at the run's first three
    /// seeds of it, and two whose milestone ids are neither a subset of the
    /// other's (a recipe's `take_red_potato` against another's
    /// `take_carrot`) make it so; grid/boss's `subgoal_1`, `subgoal_2`… keep
    /// their ids. A task this Delve cannot play counts as fixed.
    private func milestonesDependOnSeed(_ task: String, in run: RunOnDisk) -> Bool {
        guard let spec = try? catalog.task(task) else { return false }
        let entry = run.info.suite.entries.first { $0.task == task }
        var options = entry?.options ?? .defaults
        options.profile = run.info.profile
        let seeds = run.records.filter { $0.task == task }.prefix(3).map(\.seed)
        let lists = seeds.compactMap { seed -> Set<String>? in
            var world = spec.make()
            guard (try? world.reset(seed: seed, options: options)) != nil else { return nil }
            return Set(world.milestones.map(\.id))
        }
        return lists.contains { one in lists.contains { other in !one.isSubset(of: other) && !other.isSubset(of: one) } }
    }

    private func episode(index: Int, record: EpisodeRecord, run: RunOnDisk, embedded: Bool) -> ReportedEpisode {
        if embedded {
            let replay = EpisodeReplay(record: record, run: run.url, info: run.info, catalog: catalog)
            return ReportedEpisode(index: index, record: record, trajectory: replay.status.code,
                                   note: replay.status.description,
                                   framesDeflate: replay.status.hasSteps ? Self.compressed(replay.frames) : nil)
        }
        let relative = RunDirectory.trajectoryPath(task: record.task, seed: record.seed)
        let status: ReplayStatus? = !run.info.trajectories ? .notRecorded
            : record.steps > 0 && !FileManager.default.fileExists(atPath: run.url.appendingPathComponent(relative).path)
            ? .missing(path: relative) : nil
        return ReportedEpisode(index: index, record: record, trajectory: status?.code ?? "not_embedded",
                               note: status?.description ?? "steps not in the page (sample of \(stepsPerTask) per task): "
                                   + "delve replay RUN_DIR \(record.task):\(record.seed)",
                               framesDeflate: nil)
    }

    /// `frames` as sorted-key JSON, zlib-compressed, in base64.
    static func compressed(_ frames: [ReplayFrame]) -> String? {
        guard let json = try? JSONFormat.compact().encode(frames), let bytes = Deflate.compress(Array(json)) else { return nil }
        return Data(bytes).base64EncodedString()
    }
}

