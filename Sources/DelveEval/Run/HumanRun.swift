import DelveCore
import DelveSuites
import Foundation

/// Why `delve play --record` cannot record into a run directory.
public enum HumanRunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The directory holds another agent's (or person's) run.
    case otherAgent(path: String, agent: String, wanted: String)
    /// The directory's run plays something else than was asked.
    case otherEpisodes(path: String, what: String)
    /// The directory cannot be read, or no longer matches this Delve.
    case stored(StoredRunError)
    /// The suite cannot be planned.
    case plan(PlanError)
    /// The directory cannot be written.
    case directory(RunDirectoryError)
    /// Another session recorded the episode first.
    case alreadyRecorded(task: String, seed: UInt64)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case let .otherAgent(path, agent, wanted):
            return "\(path) is the run of \(agent), not \(wanted); record into another directory (or give --as to match)"
        case let .otherEpisodes(path, what):
            return "\(path) records other episodes: \(what); record into another directory"
        case let .stored(error): return error.description
        case let .plan(error): return error.description
        case let .directory(error): return error.description
        case let .alreadyRecorded(task, seed):
            return "\(task) seed \(seed) was recorded meanwhile by another session; it is not recorded twice"
        }
    }
}

/// A run directory that a person fills an episode at a time with
/// `delve play --record`: the files `delve eval` writes (run.json,
/// episodes.jsonl, trajectories, summaries), with the agent `human:NAME`, so
/// that `summary`, `compare`, `report` and `merge` read it as any run.
///
/// A run of a suite plays its episodes in suite order and resumes at the
/// first one without a score. A run of one task (no suite) plays seeds from a
/// first seed upwards and adds each to run.json's suite as it is recorded.
/// The directory is made when the first episode is recorded.
public struct HumanRun: Sendable {
    /// The run directory.
    public let url: URL
    /// Its run.json, as it is or will be written.
    public private(set) var info: RunInfo
    /// What the recorded episodes scored, each by its newest line.
    public private(set) var records: [EpisodeRecord]
    /// Whether run.json's suite grows by each episode recorded (a run of one task).
    let grows: Bool
    /// The seed a run of one task plays next when it is not already recorded.
    var nextSeed: UInt64
    private let catalog: TaskCatalog

    /// The agent name a person's run records: `human:NAME`.
    public static func agent(player: String) -> String { "human:" + player }

    /// A person's run of `suite` in `url`: the one there, when it plays the
    /// same suite by the same person, else a new one.
    public init(at url: URL, suite: Suite, player: String, catalog: TaskCatalog, builtins: [Suite]) throws(HumanRunError) {
        let plan: EvalPlan
        do { plan = try EvalPlan(suite: suite, catalog: catalog) } catch { throw .plan(error) }
        try self.init(at: url, fresh: Self.info(url: url, suite: suite, player: player, episodes: plan.episodes.count, worlds: plan.worlds),
                      grows: false, firstSeed: 0, catalog: catalog, builtins: builtins)
        if let difference = info.suite.difference(from: suite) {
            throw .otherEpisodes(path: url.path, what: "run.json's \(difference) in the suite asked for")
        }
    }

    /// A person's run of one task, `task`, under `profile`, in `url`: seeds
    /// from `firstSeed` upwards (by default the seeds `delve eval --task`
    /// plays from `defaultSeed`, or after the highest recorded), each
    /// recorded added to the run's suite.
    public init(at url: URL, task: String, profile: Profile, firstSeed: UInt64?, defaultSeed: UInt64, player: String,
                catalog: TaskCatalog, builtins: [Suite]) throws(HumanRunError) {
        let spec: TaskSpec
        do { spec = try catalog.task(task) } catch { throw .plan(.catalog(error)) }
        let suite = Suite(name: spec.id, summary: "\(spec.id): episodes played by hand with delve play --record",
                          entries: [SuiteEntry(task: spec.id, seeds: [])], profile: profile == .delve ? nil : profile)
        let worlds = [WorldRevision(family: spec.family, revision: spec.revision)]
        try self.init(at: url, fresh: Self.info(url: url, suite: suite, player: player, episodes: 0, worlds: worlds),
                      grows: true, firstSeed: defaultSeed, catalog: catalog, builtins: builtins)
        guard info.suite.entries.count == 1, info.suite.entries[0].task == spec.id, info.profile == profile else {
            throw .otherEpisodes(path: url.path, what: "not \(spec.id) alone under the \(profile.rawValue) profile")
        }
        nextSeed = firstSeed ?? (info.suite.entries[0].seeds.max().map { $0 &+ 1 } ?? defaultSeed)
    }

    private init(at url: URL, fresh: RunInfo, grows: Bool, firstSeed: UInt64, catalog: TaskCatalog, builtins: [Suite]) throws(HumanRunError) {
        self.url = url
        self.grows = grows
        self.catalog = catalog
        nextSeed = firstSeed
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("run.json").path) else {
            info = fresh
            records = []
            return
        }
        let stored: StoredRun
        do { stored = try StoredRun(at: url) } catch { throw .stored(error) }
        guard stored.info.agent == fresh.agent else {
            throw .otherAgent(path: url.path, agent: stored.info.agent, wanted: fresh.agent)
        }
        if !stored.info.suite.entries.allSatisfy(\.seeds.isEmpty) {
            do { _ = try stored.plan(catalog: catalog, builtins: builtins) } catch { throw .stored(error) }
        }
        info = stored.info
        records = stored.records
    }

    /// run.json of a new run: one person, one episode at a time, trajectories kept.
    private static func info(url: URL, suite: Suite, player: String, episodes: Int, worlds: [WorldRevision]) -> RunInfo {
        RunInfo(runID: url.lastPathComponent, startedAt: ISO8601DateFormatter().string(from: Date()), suite: suite,
                agent: agent(player: player), invalidAction: suite.invalidAction ?? .noop,
                actionMatching: suite.actionMatching ?? .forgiving, jobs: 1, trajectories: true, episodes: episodes, worlds: worlds)
    }

    /// The episodes recorded with a score.
    public var recorded: Int { records.count(where: \.scored) }

    /// The next episode to play: the first of the suite without a score; in a
    /// run of one task, the next seed from the first seed up that has none.
    /// Nil when every episode of a suite is recorded.
    public mutating func nextEpisode() throws(HumanRunError) -> PlannedEpisode? {
        let done = Set(records.filter(\.scored).map { StoredRun.key($0.task, $0.seed) })
        if grows {
            let entry = info.suite.entries[0]
            let task: TaskSpec
            do { task = try catalog.task(entry.task) } catch { throw .plan(.catalog(error)) }
            while done.contains(StoredRun.key(task.id, nextSeed)) { nextSeed &+= 1 }
            return PlannedEpisode(index: records.count, task: task, seed: nextSeed, options: entry.options.under(info.profile))
        }
        let plan = try self.plan()
        return plan.episodes.first { !done.contains(StoredRun.key($0.task.id, $0.seed)) }
    }

    /// Records a finished episode: its trajectory, its line in episodes.jsonl
    /// (in a run of one task, its seed added to run.json first), and the
    /// summary files of every episode so far. Makes the directory the first
    /// time. The directory is read again under its lock first, so an episode
    /// that another session recorded meanwhile is refused, not recorded twice.
    public mutating func append(_ outcome: EpisodeOutcome) throws(HumanRunError) {
        do {
            let directory: RunDirectory
            let exists = FileManager.default.fileExists(atPath: url.appendingPathComponent("run.json").path)
            if exists {
                directory = try RunDirectory(existing: url)
            } else {
                adding(outcome.record.seed)
                directory = try RunDirectory(root: url.deletingLastPathComponent(), info: info)
            }
            do {
                if exists { try reread(for: outcome.record) }
                try write(outcome, into: directory)
            } catch {
                try? directory.close()
                throw error
            }
            try directory.close()
        } catch let error as RunDirectoryError {
            throw .directory(error)
        } catch let error as StoredRunError {
            throw .stored(error)
        } catch let error as HumanRunError {
            throw error
        } catch {
            throw .directory(.io(path: url.path, reason: String(describing: error)))
        }
        if grows { nextSeed = outcome.record.seed &+ 1 }
    }

    /// In a run of one task, adds `seed` to the suite when it is not there.
    private mutating func adding(_ seed: UInt64) {
        guard grows, !info.suite.entries[0].seeds.contains(seed) else { return }
        info.suite.entries[0].seeds.append(seed)
        info.episodes += 1
    }

    /// Takes the run as it is on disk now, which must not have `record`'s episode scored yet; then adds its seed.
    private mutating func reread(for record: EpisodeRecord) throws {
        let current = try StoredRun(at: url)
        info = current.info
        records = current.records
        if records.contains(where: { $0.scored && $0.task == record.task && $0.seed == record.seed }) {
            throw HumanRunError.alreadyRecorded(task: record.task, seed: record.seed)
        }
        adding(record.seed)
    }

    /// Writes run.json when the suite grew, the trajectory, the line, and the summary files.
    private mutating func write(_ outcome: EpisodeOutcome, into directory: RunDirectory) throws {
        let record = outcome.record
        if grows { try directory.write(info) }
        let trajectories = TrajectoryFile(run: url)
        try trajectories.makeFolders(for: [record.task])
        let written = try trajectories.write(outcome)
        try directory.append(record, trajectory: written.trajectoryCheck)
        records.removeAll { StoredRun.key($0.task, $0.seed) == StoredRun.key(record.task, record.seed) }
        records.append(record)
        let plan = try self.plan()
        let summary = Summary(records: StoredRun.ordered(records, by: plan), plan: plan)
        try directory.write(summary, title: "\(info.suite.name) with \(info.agent) (run \(info.runID))")
    }

    /// The episodes the run plans now.
    public var planned: Int { info.episodes }

    private func plan() throws(HumanRunError) -> EvalPlan {
        do { return try EvalPlan(suite: info.suite, catalog: catalog) } catch { throw .plan(error) }
    }
}
