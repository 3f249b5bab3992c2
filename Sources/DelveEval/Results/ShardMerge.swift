import DelveCore
import DelveSuites
import Foundation

/// Why shard directories could not be merged. Nothing was written.
public enum MergeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A directory that cannot be read, or that does not match this Delve.
    case stored(StoredRunError)
    /// A run made without `--shard`.
    case notAShard(path: String)
    /// Two directories hold the same shard.
    case overlapping(first: String, second: String, shard: Shard)
    /// Shards of the suite that no directory holds.
    case missing([Int], count: Int)
    /// Two shards of different runs.
    case mismatch(first: String, second: String, what: String)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case let .stored(error): return error.description
        case let .notAShard(path): return "\(path) is not a shard: it was run without --shard"
        case let .overlapping(first, second, shard): return "\(first) and \(second) are both shard \(shard)"
        case let .missing(indices, count):
            return "shard\(indices.count == 1 ? "" : "s") \(indices.map { "\($0)/\(count)" }.joined(separator: ", ")) "
                + "missing; give every shard of the run"
        case let .mismatch(first, second, what): return "\(first) and \(second) differ: \(what)"
        }
    }
}

/// Joins the shard directories of one run into a single run directory whose
/// summary equals that of the same suite run on one machine.
public struct ShardMerge: Sendable {
    /// The shards, in the order given.
    public var shards: [StoredRun]
    /// The whole suite's plan.
    public var plan: EvalPlan
    /// The shards, as given, that lack episodes: `delve eval --resume` on each would finish it.
    public var incompleteShards: [String]

    /// Checks that `shards` are the shards 1…N of one suite, played by one
    /// agent at the same world revisions as this Delve's `catalog`. A shard
    /// may be incomplete (agent errors, episodes never played): the merged
    /// run is then incomplete too, and `incompleteShards` names them.
    public init(_ shards: [StoredRun], catalog: TaskCatalog, builtins: [Suite]) throws(MergeError) {
        guard let first = shards.first else { throw .missing([1], count: 1) }
        var plans: [EvalPlan] = []
        for shard in shards {
            guard shard.info.shard != nil else { throw .notAShard(path: shard.url.path) }
            if let what = Self.difference(first.info, shard.info) {
                throw .mismatch(first: first.url.path, second: shard.url.path, what: what)
            }
            do { plans.append(try shard.plan(catalog: catalog, builtins: builtins)) } catch { throw .stored(error) }
        }
        let count = first.info.shard?.count ?? 1
        var holder = [String?](repeating: nil, count: count)
        var incomplete: [String] = []
        for (shard, plan) in zip(shards, plans) {
            guard let slice = shard.info.shard else { throw .notAShard(path: shard.url.path) }
            if let other = holder[slice.index - 1] { throw .overlapping(first: other, second: shard.url.path, shard: slice) }
            holder[slice.index - 1] = shard.url.path
            if shard.records.count(where: \.scored) < plan.episodes.count { incomplete.append(shard.url.path) }
        }
        let missing = holder.indices.filter { holder[$0] == nil }.map { $0 + 1 }
        guard missing.isEmpty else { throw .missing(missing, count: count) }
        do { plan = try EvalPlan(suite: first.info.suite, catalog: catalog) } catch { throw .stored(.plan(path: first.url.path, error)) }
        self.shards = shards
        incompleteShards = incomplete
    }

    /// Writes the merged run directory `out` (which must not exist): run.json,
    /// every episode's line and trajectory in suite order, and the summary.
    /// A merged summary has no `timing`: its shards ran on separate clocks.
    public func write(to out: URL) throws(RunDirectoryError) -> RecordedRun {
        let first = shards[0].info
        let info = RunInfo(runID: out.lastPathComponent, startedAt: shards.map(\.info.startedAt).min() ?? first.startedAt,
                           suite: plan.suite, agent: first.agent, agentCommand: first.agentCommand,
                           workingDirectory: first.workingDirectory, agentPerEpisode: first.agentPerEpisode,
                           invalidAction: first.invalidAction, actionMatching: first.actionMatching, episodeTimeout: first.episodeTimeout, observe: first.observe, frame: first.frame, jobs: shards.saturatingSum(\.info.jobs),
                           trajectories: shards.allSatisfy(\.info.trajectories), episodes: plan.episodes.count,
                           worlds: plan.worlds)
        let directory = try RunDirectory(root: out.deletingLastPathComponent(), info: info)
        var found: [String: (record: EpisodeRecord, shard: URL)] = [:]
        for shard in shards {
            for record in shard.records { found[StoredRun.key(record.task, record.seed)] = (record, shard.url) }
        }
        let episodes = plan.episodes.compactMap { found[StoredRun.key($0.task.id, $0.seed)] }
        for episode in episodes { try directory.append(episode.record, from: episode.shard) }
        let ordered = episodes.map(\.record)
        try directory.close()
        let summary = Summary(records: ordered, plan: plan)
        try directory.write(summary, title: "\(plan.suite.name) with \(info.agent) (run \(info.runID), "
            + "merged from \(shards.count) shards)")
        return RecordedRun(directory: directory.url, records: ordered, summary: summary, planned: plan.episodes.count)
    }

    /// The first way two shards' runs differ in what they played, in words; nil when they match.
    private static func difference(_ first: RunInfo, _ second: RunInfo) -> String? {
        // The run's settings first: they live in the suite too, but are named here by their flags.
        if first.profile != second.profile { return "--profile \(first.profile.rawValue) vs \(second.profile.rawValue)" }
        if first.invalidAction != second.invalidAction {
            return "--invalid-action \(first.invalidAction.rawValue) vs \(second.invalidAction.rawValue)"
        }
        if first.actionMatching != second.actionMatching {
            return "--action-matching \(first.actionMatching.rawValue) vs \(second.actionMatching.rawValue)"
        }
        if let what = second.suite.difference(from: first.suite) { return what }
        if let what = second.worlds.difference(from: first.worlds, mine: "the second", theirs: "the first") { return what }
        if first.agent != second.agent { return "agent '\(first.agent)' vs '\(second.agent)'" }
        if first.observe != second.observe { return "--observe \(first.observe.rawValue) vs \(second.observe.rawValue)" }
        if first.observe.includesImage, first.picture != second.picture {
            return "pictures \(first.picture.words) vs \(second.picture.words)"
        }
        if first.shard?.count != second.shard?.count {
            return "cut into \(first.shard?.count ?? 1) vs \(second.shard?.count ?? 1) shards"
        }
        return nil
    }
}

extension FrameRequest {
    /// The flags of `delve eval` that ask for this picture, e.g. `--image-view full --tile-size 16`.
    var words: String { "--image-view \(view.rawValue)" + (tileSize.map { " --tile-size \($0)" } ?? "") }
}
