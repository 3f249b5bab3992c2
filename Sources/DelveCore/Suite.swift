/// One line of a suite: a task played on a list of seeds.
public struct SuiteEntry: Sendable, Hashable, Codable {
    /// `family/task`.
    public var task: String
    /// The seeds, one episode each.
    public var seeds: [UInt64]
    /// Overrides the task's step budget when set.
    public var stepBudget: Int?
    /// World options for every episode of this entry.
    public var options: WorldOptions

    /// Creates an entry.
    public init(task: String, seeds: [UInt64], stepBudget: Int? = nil, options: WorldOptions = .defaults) {
        self.task = task
        self.seeds = seeds
        self.stepBudget = stepBudget
        self.options = options
    }

    /// Decodes an entry; `options` and `step_budget` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        task = try container.decode(String.self, forKey: .task)
        seeds = try container.decode([UInt64].self, forKey: .seeds)
        stepBudget = try container.decodeIfPresent(Int.self, forKey: .stepBudget)
        options = try container.decodeIfPresent(WorldOptions.self, forKey: .options) ?? .defaults
    }

    enum CodingKeys: String, CodingKey {
        case task, seeds, options
        case stepBudget = "step_budget"
    }
}

/// A named, fixed set of episodes: which seed each episode gets is fixed by
/// the suite alone.
public struct Suite: Sendable, Hashable, Codable {
    /// The suite's name.
    public var name: String
    /// What it is for.
    public var summary: String
    /// Its entries, in order.
    public var entries: [SuiteEntry]

    /// Creates a suite.
    public init(name: String, summary: String, entries: [SuiteEntry]) {
        self.name = name
        self.summary = summary
        self.entries = entries
    }

    /// Total number of episodes.
    public var episodeCount: Int { entries.reduce(0) { $0 + $1.seeds.count } }
}
