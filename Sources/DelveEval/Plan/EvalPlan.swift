import DelveCore
import DelveSuites

/// One episode of a run: a task, a seed, and how to set the world up.
public struct PlannedEpisode: Sendable {
    /// Position in the run's episode list: the suite order, entry by entry, seed by seed.
    public var index: Int
    /// The task to play.
    public var task: TaskSpec
    /// The episode seed.
    public var seed: UInt64
    /// Overrides the instance's step budget when set.
    public var stepBudget: Int?
    /// World options for the reset.
    public var options: WorldOptions

    /// Creates a planned episode.
    public init(index: Int, task: TaskSpec, seed: UInt64, stepBudget: Int? = nil, options: WorldOptions = .defaults) {
        self.index = index
        self.task = task
        self.seed = seed
        self.stepBudget = stepBudget
        self.options = options
    }
}

/// A family and the revision a run played it at (run.json `worlds`).
public struct WorldRevision: Sendable, Hashable, Codable {
    /// The family's name.
    public var family: String
    /// Its revision.
    public var revision: Int

    /// Creates an entry.
    public init(family: String, revision: Int) {
        self.family = family
        self.revision = revision
    }
}

/// Why a suite could not be turned into a list of episodes.
public enum PlanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A task name the catalog does not know.
    case catalog(CatalogError)
    /// Options a task does not accept.
    case options(WorldError)
    /// A step budget below one.
    case stepBudget(task: String, value: Int)
    /// The same task and seed twice: the episodes would share a trajectory file and an identity.
    case duplicate(task: String, seed: UInt64)
    /// No episodes at all.
    case empty(suite: String)
    /// The seeds asked for run past the largest seed.
    case seedOverflow(firstSeed: UInt64, episodes: Int)
    /// Two entries of one task name different groups.
    case groupConflict(task: String, first: String, second: String)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case let .catalog(error): return error.description
        case let .options(error): return error.description
        case let .stepBudget(task, value): return "step budget \(value) for \(task) is not positive"
        case let .duplicate(task, seed): return "\(task) seed \(seed) is listed twice; every episode needs its own task and seed"
        case let .empty(suite): return "suite '\(suite)' has no episodes"
        case let .groupConflict(task, first, second):
            return "\(task) is in group '\(first)' in one entry and '\(second)' in another; a task counts in one group"
        case let .seedOverflow(firstSeed, episodes):
            return Seeds.range.contains(firstSeed)
                ? "\(episodes) episodes from seed \(firstSeed) run past the largest seed \(Seeds.range.upperBound)"
                : "a seed is \(Seeds.rule), not \(firstSeed)"
        }
    }
}

/// A suite resolved against a catalog: the run's ordered episode list.
public struct EvalPlan: Sendable {
    /// The suite as given.
    public var suite: Suite
    /// Every episode this plan plays, in suite order: the whole suite, or one shard's slice of it.
    public var episodes: [PlannedEpisode]
    /// The slice of the suite this plan plays; nil for the whole suite.
    public private(set) var shard: Shard?
    /// The families the suite plays, in order of first appearance, with their
    /// revisions: the whole suite's, even in a shard.
    public let worlds: [WorldRevision]

    /// Resolves every entry's task and checks its options and budget, so a
    /// run never starts on a suite that cannot finish.
    public init(suite: Suite, catalog: TaskCatalog) throws(PlanError) {
        var episodes: [PlannedEpisode] = []
        var seen = Set<String>()
        var groupOf: [String: String?] = [:]
        for entry in suite.entries {
            if let earlier = groupOf[entry.task], earlier != entry.group {
                throw .groupConflict(task: entry.task, first: earlier ?? "(its family)", second: entry.group ?? "(its family)")
            }
            groupOf[entry.task] = entry.group
            let task: TaskSpec
            do { task = try catalog.task(entry.task) } catch { throw .catalog(error) }
            do { try entry.options.validate(against: task.options, task: task.id) } catch { throw .options(error) }
            if let budget = entry.stepBudget, budget < 1 { throw .stepBudget(task: task.id, value: budget) }
            for seed in entry.seeds {
                guard seen.insert("\(task.id) \(seed)").inserted else { throw .duplicate(task: task.id, seed: seed) }
                episodes.append(PlannedEpisode(index: episodes.count, task: task, seed: seed,
                                               stepBudget: entry.stepBudget, options: entry.options.under(suite.playedProfile)))
            }
        }
        guard !episodes.isEmpty else { throw .empty(suite: suite.name) }
        var worlds: [WorldRevision] = []
        for episode in episodes where !worlds.contains(where: { $0.family == episode.task.family }) {
            worlds.append(WorldRevision(family: episode.task.family, revision: episode.task.revision))
        }
        self.suite = suite
        self.episodes = episodes
        self.worlds = worlds
    }

    /// The profile every episode plays under (the suite's).
    public var profile: Profile { suite.playedProfile }

    /// Per task id, the group it counts in (`Suite.groups`); empty when the suite names none.
    public var groups: [String: String] { suite.groups }

    /// Per task id, the milestones its summary scores as achievements
    /// (`TaskSpec.achievements`), for the tasks that have them.
    public var achievements: [String: [String]] {
        var lists: [String: [String]] = [:]
        for episode in episodes where !episode.task.achievements.isEmpty { lists[episode.task.id] = episode.task.achievements }
        return lists
    }

    /// The episodes of `shard` alone (each keeps its index in the whole
    /// suite); the plan itself when `shard` is nil.
    public func sliced(_ shard: Shard?) -> EvalPlan {
        guard let shard else { return self }
        var slice = self
        slice.episodes = episodes.filter { shard.contains($0.index) }
        slice.shard = shard
        return slice
    }
}

extension Suite {
    /// The ad hoc suite of `delve eval --task T --episodes N --first-seed S`:
    /// one task on seeds S, S+1, …, S+N-1.
    public static func single(task: String, episodes: Int, firstSeed: UInt64, profile: Profile? = nil) throws(PlanError) -> Suite {
        guard episodes > 0 else { throw .empty(suite: task) }
        guard Seeds.range.contains(firstSeed), Seeds.range.upperBound - firstSeed >= UInt64(episodes - 1) else {
            throw .seedOverflow(firstSeed: firstSeed, episodes: episodes)
        }
        return Suite(name: task, summary: "\(task): \(episodes) episodes from seed \(firstSeed)",
                     entries: [SuiteEntry(task: task, seeds: (0..<episodes).map { firstSeed + UInt64($0) })], profile: profile)
    }
}
