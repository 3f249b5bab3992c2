import DelveCore

/// A task's row of a summary: which task, then its scores.
public struct TaskLabel: Sendable, Hashable, Codable {
    /// `family/task`.
    public var task: String
    /// The family.
    public var family: String
    /// The family's revision the episodes ran at.
    public var revision: Int

    /// Creates a label.
    public init(task: String, family: String, revision: Int) {
        self.task = task
        self.family = family
        self.revision = revision
    }
}

/// A family's row of a summary.
public struct FamilyLabel: Sendable, Hashable, Codable {
    /// The family.
    public var family: String
    /// Its revision.
    public var revision: Int
    /// How many of its tasks the run played.
    public var tasks: Int

    /// Creates a label.
    public init(family: String, revision: Int, tasks: Int) {
        self.family = family
        self.revision = revision
        self.tasks = tasks
    }
}

/// A group's row of a summary: the tasks a suite counts together (BALROG's
/// environments, in the `balrog` suite).
public struct GroupLabel: Sendable, Hashable, Codable {
    /// The group's name, e.g. `babyai`.
    public var group: String
    /// How many of its tasks the run played.
    public var tasks: Int

    /// Creates a label.
    public init(group: String, tasks: Int) {
        self.group = group
        self.tasks = tasks
    }
}

/// The overall row of a summary.
public struct OverallLabel: Sendable, Hashable, Codable {
    /// How many families the run played; without groups each counts once in the overall scores.
    public var families: Int
    /// How many groups the suite counts in, when it names groups; each then
    /// counts once in the overall scores, instead of each family.
    public var groups: Int?

    /// Creates a label.
    public init(families: Int, groups: Int? = nil) {
        self.families = families
        self.groups = groups
    }
}

/// One row of a summary: a label and its scores, written as one flat JSON
/// object (`{"task": "grid/goto", "episodes": 20, "progress_mean": 55.0, ...}`).
public struct SummaryRow<Label: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// What the row is about.
    public var label: Label
    /// Its numbers.
    public var scores: Scores

    /// Creates a row.
    public init(label: Label, scores: Scores) {
        self.label = label
        self.scores = scores
    }

    /// Decodes the label's and the scores' keys from the same object.
    public init(from decoder: any Decoder) throws {
        label = try Label(from: decoder)
        scores = try Scores(from: decoder)
    }

    /// Encodes the label's and the scores' keys into one object.
    public func encode(to encoder: any Encoder) throws {
        try label.encode(to: encoder)
        try scores.encode(to: encoder)
    }
}

/// Wall-clock facts about a run: kept apart from the scores so that two runs
/// of the same suite and agent have equal summaries but for this.
public struct RunTiming: Sendable, Hashable, Codable {
    /// Seconds from the first episode's start to the last one's end.
    public var wallSeconds: Double
    /// Episodes finished per wall-clock second.
    public var episodesPerSecond: Double
    /// Mean over episodes of the agent's mean seconds per action.
    public var agentLatencyMean: Double

    /// Creates timing facts.
    public init(wallSeconds: Double, episodesPerSecond: Double, agentLatencyMean: Double) {
        self.wallSeconds = wallSeconds
        self.episodesPerSecond = episodesPerSecond
        self.agentLatencyMean = agentLatencyMean
    }

    /// Timing of `records` played in `wallSeconds`.
    public init(records: [EpisodeRecord], wallSeconds: Double) {
        let n = Double(max(records.count, 1))
        self.init(wallSeconds: wallSeconds,
                  episodesPerSecond: wallSeconds > 0 ? Double(records.count) / wallSeconds : 0,
                  agentLatencyMean: records.saturatingSum(\.agentLatencyMean) / n)
    }

    enum CodingKeys: String, CodingKey {
        case wallSeconds = "wall_seconds"
        case episodesPerSecond = "episodes_per_second"
        case agentLatencyMean = "agent_latency_mean"
    }
}

/// The episodes a run lacks: it is *incomplete* until `delve eval --resume`
/// plays them (docs/results.md, "Incomplete runs").
public struct MissingEpisodes: Sendable, Hashable, Codable {
    /// Episodes whose newest attempt ended `agent_error`: recorded, not scored.
    public var agentErrors: Int
    /// Episodes of the plan never played (a run stopped after
    /// `--max-consecutive-errors`, or a merged shard that did not finish).
    public var unplayed: Int

    /// Creates a count of missing episodes.
    public init(agentErrors: Int, unplayed: Int) {
        self.agentErrors = agentErrors
        self.unplayed = unplayed
    }

    /// All the episodes missing.
    public var count: Int { agentErrors + unplayed }

    /// `3 episodes missing (2 ended in an agent error, 1 not played)`.
    public var words: String {
        var parts: [String] = []
        if agentErrors > 0 { parts.append("\(agentErrors) ended in an agent error") }
        if unplayed > 0 { parts.append("\(unplayed) not played") }
        return "\(count) episode\(count == 1 ? "" : "s") missing (\(parts.joined(separator: ", ")))"
    }

    enum CodingKeys: String, CodingKey {
        case unplayed
        case agentErrors = "agent_errors"
    }
}

/// A run's scores per task, per family, per group and overall: summary.json.
public struct Summary: Sendable, Hashable, Codable {
    /// Every group counted once when the suite names groups, else every
    /// family (docs/scoring.md).
    public var overall: SummaryRow<OverallLabel>
    /// Per family, in order of first appearance in the suite.
    public var families: [SummaryRow<FamilyLabel>]
    /// Per group, in order of first appearance in the suite; nil when the suite names no groups.
    public var groups: [SummaryRow<GroupLabel>]?
    /// Per task, in suite order.
    public var tasks: [SummaryRow<TaskLabel>]
    /// Wall-clock facts, when known; the only part that differs between two runs of one suite.
    public var timing: RunTiming?
    /// The profile the episodes played under; nil in summaries written
    /// before profiles existed, which played `delve`.
    public var profile: Profile?
    /// What the run lacks; nil when every planned episode has a score.
    public var missing: MissingEpisodes?

    /// Creates a summary from its parts.
    public init(overall: SummaryRow<OverallLabel>, families: [SummaryRow<FamilyLabel>], groups: [SummaryRow<GroupLabel>]? = nil,
                tasks: [SummaryRow<TaskLabel>], timing: RunTiming? = nil, profile: Profile? = nil, missing: MissingEpisodes? = nil) {
        self.overall = overall
        self.families = families
        self.groups = groups
        self.tasks = tasks
        self.timing = timing
        self.profile = profile
        self.missing = missing
    }

    /// The profile the episodes played under.
    public var playedProfile: Profile { profile ?? .delve }

    /// Whether every planned episode has a score.
    public var isComplete: Bool { missing == nil }

    /// Scores `records`, which must be in suite order: tasks and families are
    /// listed in order of first appearance and every sum runs in that order,
    /// so equal records give a byte-identical summary. `achievements` names,
    /// per task id, the milestones scored Crafter's way (`TaskSpec.achievements`);
    /// a family whose tasks all have them gets Crafter's score over them too.
    /// `groups` names, per task id, the group it counts in (`Suite.groups`);
    /// when it is not empty the overall is over groups, as BALROG's is over
    /// its environments: mean of group means, SE = √(Σ SE²) / groups.
    /// Episodes that ended `agent_error` are left out of every score; they,
    /// and the episodes of the `planned` count that `records` lacks, make
    /// `missing`.
    public init(records: [EpisodeRecord], timing: RunTiming? = nil, achievements: [String: [String]] = [:], planned: Int? = nil,
                groups: [String: String] = [:], profile: Profile? = nil) {
        let byTask = records.grouped(by: \.task)
        let byFamily = records.grouped(by: { Self.family(of: $0.task) })
        let tasks = byTask.map { task, group in
            SummaryRow(label: TaskLabel(task: task, family: Self.family(of: task), revision: group[0].revision),
                       scores: Scores(records: group, milestones: true, achievements: achievements[task] ?? []))
        }
        let families = byFamily.map { family, group in
            let lists = byTask.filter { Self.family(of: $0.0) == family }.map { achievements[$0.0] ?? [] }
            let shared = lists.allSatisfy { !$0.isEmpty } ? lists.flatMap { $0 }.uniqued() : []
            return SummaryRow(label: FamilyLabel(family: family, revision: group[0].revision, tasks: lists.count),
                              scores: Scores(records: group, achievements: shared))
        }
        let missing = MissingEpisodes(agentErrors: records.count(where: { !$0.scored }),
                                      unplayed: max(0, (planned ?? records.count) - records.count))
        // The overall counts each group once when the suite names groups, else each family.
        let byGroup = groups.isEmpty ? nil : records.grouped(by: { groups[$0.task] ?? Self.family(of: $0.task) })
        let groupRows = byGroup?.map { group, members in
            SummaryRow(label: GroupLabel(group: group, tasks: members.map(\.task).uniqued().count), scores: Scores(records: members))
        }
        let counted = groupRows?.map(\.scores) ?? families.map(\.scores)
        let progress = (byGroup ?? byFamily).map { $0.1.filter(\.scored).map(\.progress) }
        self.init(overall: SummaryRow(label: OverallLabel(families: families.count, groups: groupRows?.count),
                                      scores: Scores(combining: counted, progress: progress)),
                  families: families, groups: groupRows, tasks: tasks, timing: timing, profile: profile,
                  missing: missing.count > 0 ? missing : nil)
    }

    /// The family part of `family/task`.
    static func family(of task: String) -> String {
        String(task.prefix { $0 != "/" })
    }
}

extension EpisodeRecord {
    /// Whether the episode counts in the scores: it did not end `agent_error`.
    public var scored: Bool { endReason != .agentError }
}

extension Array {
    /// The elements grouped by `key`: groups and their members in order of first appearance.
    func grouped(by key: (Element) -> String) -> [(String, [Element])] {
        var order: [String] = []
        var members: [String: [Element]] = [:]
        for element in self {
            let name = key(element)
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(element)
        }
        return order.map { ($0, members[$0] ?? []) }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each kept at its first appearance only.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
