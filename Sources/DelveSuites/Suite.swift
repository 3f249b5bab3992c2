import DelveCore

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
    /// The group the entry's episodes count in (`balrog`'s are BALROG's six
    /// environments); nil counts them in a group named after their family
    /// when another entry names a group. A summary averages groups, not
    /// families, when the suite has any.
    public var group: String?

    /// Creates an entry.
    public init(task: String, seeds: [UInt64], stepBudget: Int? = nil, options: WorldOptions = .defaults, group: String? = nil) {
        self.task = task
        self.seeds = seeds
        self.stepBudget = stepBudget
        self.options = options
        self.group = group
    }

    /// Decodes an entry; `options` and `step_budget` may be left out.
    /// `seeds` is a list whose items are seeds or ranges `{"from": a, "count": n}`
    /// (seeds a, a+1, …, a+n−1), or one such range alone.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        task = try container.decode(String.self, forKey: .task)
        if (try? container.nestedContainer(keyedBy: SeedRange.CodingKeys.self, forKey: .seeds)) != nil {
            seeds = try container.decode(SeedRange.self, forKey: .seeds).seeds
        } else {
            seeds = try container.decode([SeedItem].self, forKey: .seeds).flatMap(\.seeds)
        }
        stepBudget = try container.decodeIfPresent(Int.self, forKey: .stepBudget)
        if let stepBudget, !(1...EpisodeRecord.maximumStepBudget).contains(stepBudget) {
            throw DecodingError.dataCorruptedError(forKey: .stepBudget, in: container,
                                                   debugDescription: "step_budget \(stepBudget) is outside 1…\(EpisodeRecord.maximumStepBudget)")
        }
        options = try container.decodeIfPresent(WorldOptions.self, forKey: .options) ?? .defaults
        group = try container.decodeIfPresent(String.self, forKey: .group)
        if let group, group.isEmpty || group.contains(where: { $0.isNewline || $0 == "," }) {
            throw DecodingError.dataCorruptedError(forKey: .group, in: container,
                                                   debugDescription: "a group is a non-empty name without commas or line breaks")
        }
    }

    enum CodingKeys: String, CodingKey {
        case task, seeds, options, group
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
    /// What every episode shows and how it scores; nil is `delve`, the
    /// default. `delve eval --profile` overrides it.
    public var profile: Profile?
    /// What an action the world refuses does; nil is `noop`, the default.
    /// `delve eval --invalid-action` overrides it.
    public var invalidAction: InvalidActionPolicy?
    /// How answers are matched to actions; nil is `forgiving`, the default.
    /// `delve eval --action-matching` overrides it.
    public var actionMatching: ActionMatching?

    /// Creates a suite.
    public init(name: String, summary: String, entries: [SuiteEntry], profile: Profile? = nil,
                invalidAction: InvalidActionPolicy? = nil, actionMatching: ActionMatching? = nil) {
        self.name = name
        self.summary = summary
        self.entries = entries
        self.profile = profile
        self.invalidAction = invalidAction
        self.actionMatching = actionMatching
    }

    /// The most episodes a suite may hold: a suite file or `--episodes`
    /// asking for more is refused before any seed list is made, so a short
    /// file cannot ask for an unbounded amount of memory.
    public static let maximumEpisodes = 1_000_000

    /// Decodes a suite, refusing one of more than `maximumEpisodes` episodes
    /// as soon as its entries pass that count.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        summary = try container.decode(String.self, forKey: .summary)
        var list = try container.nestedUnkeyedContainer(forKey: .entries)
        var entries: [SuiteEntry] = [], total = 0
        while !list.isAtEnd {
            let entry = try list.decode(SuiteEntry.self)
            total += entry.seeds.count
            guard total <= Self.maximumEpisodes else {
                throw DecodingError.dataCorruptedError(forKey: .entries, in: container,
                                                       debugDescription: "the suite has more than \(Self.maximumEpisodes) episodes")
            }
            entries.append(entry)
        }
        self.entries = entries
        profile = try container.decodeIfPresent(Profile.self, forKey: .profile)
        invalidAction = try container.decodeIfPresent(InvalidActionPolicy.self, forKey: .invalidAction)
        actionMatching = try container.decodeIfPresent(ActionMatching.self, forKey: .actionMatching)
    }

    enum CodingKeys: String, CodingKey {
        case name, summary, entries, profile
        case invalidAction = "invalid_action"
        case actionMatching = "action_matching"
    }

    /// The profile its episodes play under.
    public var playedProfile: Profile { profile ?? .delve }

    /// Total number of episodes.
    public var episodeCount: Int { entries.reduce(0) { $0 + $1.seeds.count } }

    /// Per task id, the group its episodes count in, when any entry names a
    /// group (an entry without one counts in its family's name); empty when
    /// none does, and the summary's overall then averages families.
    public var groups: [String: String] {
        guard entries.contains(where: { $0.group != nil }) else { return [:] }
        var groups: [String: String] = [:]
        for entry in entries { groups[entry.task] = entry.group ?? String(entry.task.prefix { $0 != "/" }) }
        return groups
    }
}

/// One item of a suite entry's `seeds`: a seed, or a range of them.
private enum SeedItem: Decodable {
    case seed(UInt64)
    case range(SeedRange)

    init(from decoder: any Decoder) throws {
        if let seed = try? decoder.singleValueContainer().decode(UInt64.self), Seeds.range.contains(seed) {
            self = .seed(seed)
        } else if (try? decoder.container(keyedBy: SeedRange.CodingKeys.self)) != nil {
            self = .range(try SeedRange(from: decoder))
        } else {
            throw DecodingError.typeMismatch(UInt64.self, DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "expected a seed (\(Seeds.rule)) or {\"from\": a, \"count\": n}"))
        }
    }

    var seeds: [UInt64] {
        switch self {
        case let .seed(seed): return [seed]
        case let .range(range): return range.seeds
        }
    }
}

/// `{"from": a, "count": n}`: the seeds a, a+1, …, a+n−1.
private struct SeedRange: Decodable {
    var from: UInt64
    var count: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decode(UInt64.self, forKey: .from)
        count = try container.decode(Int.self, forKey: .count)
        guard count >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .count, in: container, debugDescription: "count \(count) is below 1")
        }
        guard count <= Suite.maximumEpisodes else {
            throw DecodingError.dataCorruptedError(forKey: .count, in: container,
                                                   debugDescription: "count \(count) is above \(Suite.maximumEpisodes), the most a suite holds")
        }
        guard Seeds.range.contains(from) else {
            throw DecodingError.dataCorruptedError(forKey: .from, in: container, debugDescription: "a seed is \(Seeds.rule), not \(from)")
        }
        guard Seeds.range.upperBound - from >= UInt64(count - 1) else {
            throw DecodingError.dataCorruptedError(forKey: .count, in: container,
                                                   debugDescription: "\(count) seeds from \(from) run past \(Seeds.range.upperBound)")
        }
    }

    var seeds: [UInt64] { (0..<count).map { from + UInt64($0) } }

    enum CodingKeys: String, CodingKey { case from, count }
}
