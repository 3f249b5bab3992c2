import DelveCore
import DelveFormats
import Foundation

/// A finished run written in the layout BALROG's evaluator writes
/// (`delve export --format balrog`): one JSON file per episode at
/// `ENV/TASK/TASK_run_NN.json`, an `ENV/ENV_summary.json` per environment,
/// and `summary.json`, so that BALROG's own summariser, run on the folder,
/// gives the numbers Delve's summary gives.
///
/// Episodes that ended in an agent error are not scored (docs/results.md)
/// and are left out, as BALROG leaves out episodes whose model calls failed.
public struct BalrogExport: Sendable {
    /// Where an episode goes: BALROG's environment and task names for it.
    public struct Name: Sendable, Hashable {
        /// The environment folder, e.g. `babyai`.
        public var environment: String
        /// BALROG's task name, e.g. `BabyAI-MixedTrainLocal-v0/goto`.
        public var task: String

        /// Creates a name.
        public init(environment: String, task: String) {
            self.environment = environment
            self.task = task
        }
    }

    /// The run exported.
    public var run: StoredRun
    /// Its plan (`StoredRun.plan`), which orders the episodes.
    public var plan: EvalPlan
    /// BALROG's names for a task; the suite's group, when it names one, is the environment.
    public var name: @Sendable (TaskSpec) -> Name

    /// An export of `run`.
    public init(run: StoredRun, plan: EvalPlan, name: @escaping @Sendable (TaskSpec) -> Name) {
        self.run = run
        self.plan = plan
        self.name = name
    }

    /// Writes the folder `out` (which must not exist yet) and returns its summary.json.
    public func write(to out: URL) throws -> BalrogSummary {
        guard !FileManager.default.fileExists(atPath: out.path) else {
            throw RunDirectoryError.io(path: out.path, reason: "it exists already; give a new folder")
        }
        let episodes = try self.episodes()
        var environments: [(name: String, episodes: [BalrogEpisode])] = []
        for episode in episodes {
            if let index = environments.firstIndex(where: { $0.name == episode.environment }) {
                environments[index].episodes.append(episode.log)
            } else {
                environments.append((episode.environment, [episode.log]))
            }
        }
        for episode in episodes {
            try Self.write(episode.log, to: out.appendingPathComponent("\(episode.environment)/\(episode.log.task)/"
                + "\(episode.log.task)_run_\(String(format: "%02d", episode.index)).json"))
        }
        var rows: [(String, BalrogEnvironmentSummary)] = []
        for environment in environments {
            let summary = BalrogEnvironmentSummary(environment.episodes)
            try Self.write(summary, to: out.appendingPathComponent("\(environment.name)/\(environment.name)_summary.json"))
            rows.append((environment.name, summary))
        }
        let summary = BalrogSummary(rows, agent: episodes.first?.log.agent ?? [:])
        try Self.write(summary, to: out.appendingPathComponent("summary.json"))
        return summary
    }

    /// Every scored episode in suite order, with its environment and its index within its task.
    private func episodes() throws -> [(environment: String, index: Int, log: BalrogEpisode)] {
        let groups = plan.groups
        let records = Dictionary(run.records.map { (StoredRun.key($0.task, $0.seed), $0) }, uniquingKeysWith: { _, last in last })
        var counts: [String: Int] = [:]
        var out: [(String, Int, BalrogEpisode)] = []
        for planned in plan.episodes {
            guard let record = records[StoredRun.key(planned.task.id, planned.seed)], record.endReason != .agentError else { continue }
            var names = name(planned.task)
            if let group = groups[planned.task.id] { names.environment = group }
            let index = counts[planned.task.id, default: 0]
            counts[planned.task.id] = index + 1
            let actions = try TrajectoryActions(run: run.url, task: record.task, seed: record.seed)
            out.append((names.environment, index, BalrogEpisode(
                task: names.task, record: record, actions: actions,
                agent: ["type": run.info.agent, "profile": run.info.profile.rawValue, "delve_task": record.task])))
        }
        return out
    }

    private static func write(_ value: some Encodable, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONFormat.pretty().encode(value).write(to: url, options: .atomic)
    }
}

/// One episode's file, keyed as BALROG's evaluator writes its episode log.
public struct BalrogEpisode: Sendable, Hashable, Codable {
    /// BALROG's task name.
    public var task: String
    /// How often each played action was played (after the default action stood in for invalid answers).
    public var actionFrequency: [String: Int]
    /// Prompt tokens the agent reported.
    public var inputTokens: Int
    /// Completion tokens the agent reported.
    public var outputTokens: Int
    /// Summed reward.
    public var episodeReturn: Double
    /// Steps taken.
    public var numSteps: Int
    /// The answers that held no valid action.
    public var failedCandidates: [String]
    /// Progress in [0, 1], BALROG's `progression`.
    public var progression: Double
    /// The episode seed.
    public var seed: UInt64
    /// The episode ended (always, for a scored episode).
    public var done: Bool
    /// The agent, as run.json names it, and the profile.
    public var agent: [String: String]
    /// The model client's settings; Delve's agents keep theirs, so this is empty.
    public var client: [String: String]

    init(task: String, record: EpisodeRecord, actions: TrajectoryActions, agent: [String: String]) {
        self.task = task
        actionFrequency = actions.frequency
        inputTokens = record.promptTokens
        outputTokens = record.completionTokens
        episodeReturn = record.totalReward
        numSteps = record.steps
        failedCandidates = actions.failed
        progression = record.progress / 100
        seed = record.seed
        done = true
        self.agent = agent
        client = [:]
    }

    enum CodingKeys: String, CodingKey {
        case task, progression, seed, done, agent, client
        case actionFrequency = "action_frequency"
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case episodeReturn = "episode_return"
        case numSteps = "num_steps"
        case failedCandidates = "failed_candidates"
    }
}

/// Mean and standard error as BALROG's summariser computes them, in percent:
/// population standard deviation over √n, and zero for fewer than two episodes.
struct BalrogMean: Sendable, Hashable {
    var percentage: Double
    var standardError: Double

    /// The same statistic as `Scores.meanAndStandardError`, whose SE is zero
    /// for a single episode too, scaled from [0, 1] to percent.
    init(_ progressions: [Double]) {
        let (mean, standardError) = Scores.meanAndStandardError(progressions)
        percentage = 100 * mean
        self.standardError = 100 * standardError
    }
}

/// One environment's `ENV_summary.json`.
public struct BalrogEnvironmentSummary: Sendable, Hashable, Codable {
    /// Mean progression, in percent.
    public var progressionPercentage: Double
    /// Its standard error, in percent.
    public var standardError: Double
    /// Mean steps per episode.
    public var averageSteps: Double
    /// Episodes.
    public var episodesPlayed: Int
    /// Per BALROG task name: the same three figures.
    public var tasks: [String: BalrogTaskSummary]
    /// Prompt tokens, summed.
    public var inputTokens: Int
    /// Completion tokens, summed.
    public var outputTokens: Int

    init(_ episodes: [BalrogEpisode]) {
        let mean = BalrogMean(episodes.map(\.progression))
        progressionPercentage = mean.percentage
        standardError = mean.standardError
        averageSteps = episodes.isEmpty ? 0 : Double(episodes.saturatingSum(\.numSteps)) / Double(episodes.count)
        episodesPlayed = episodes.count
        tasks = Dictionary(grouping: episodes, by: \.task).mapValues { BalrogTaskSummary($0) }
        inputTokens = episodes.saturatingSum(\.inputTokens)
        outputTokens = episodes.saturatingSum(\.outputTokens)
    }

    enum CodingKeys: String, CodingKey {
        case tasks
        case progressionPercentage = "progression_percentage"
        case standardError = "standard_error"
        case averageSteps = "average_steps"
        case episodesPlayed = "episodes_played"
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
    }
}

/// One task's figures in an environment summary.
public struct BalrogTaskSummary: Sendable, Hashable, Codable {
    /// Mean progression, in percent.
    public var progressionPercentage: Double
    /// Its standard error, in percent.
    public var standardError: Double
    /// Episodes.
    public var episodesPlayed: Int

    init(_ episodes: [BalrogEpisode]) {
        let mean = BalrogMean(episodes.map(\.progression))
        progressionPercentage = mean.percentage
        standardError = mean.standardError
        episodesPlayed = episodes.count
    }

    enum CodingKeys: String, CodingKey {
        case progressionPercentage = "progression_percentage"
        case standardError = "standard_error"
        case episodesPlayed = "episodes_played"
    }
}

/// The export's `summary.json`, as BALROG's summariser writes it.
public struct BalrogSummary: Sendable, Hashable, Codable {
    /// Mean over environments of their mean progression, in percent.
    public var averageProgress: Double
    /// √(Σ environment SE²) / environments, in percent.
    public var standardError: Double
    /// Per environment: its mean, SE and episodes.
    public var environments: [String: BalrogTaskSummary]
    /// Prompt tokens, summed.
    public var totalInputTokens: Int
    /// Completion tokens, summed.
    public var totalOutputTokens: Int
    /// The agent.
    public var agent: [String: String]
    /// The model client's settings (empty).
    public var client: [String: String]

    init(_ environments: [(String, BalrogEnvironmentSummary)], agent: [String: String]) {
        let count = Double(max(environments.count, 1))
        averageProgress = environments.reduce(0) { $0 + $1.1.progressionPercentage } / count
        standardError = environments.reduce(0) { $0 + $1.1.standardError * $1.1.standardError }.squareRoot() / count
        self.environments = Dictionary(environments.map { name, summary in
            (name, BalrogTaskSummary(percentage: summary.progressionPercentage, standardError: summary.standardError,
                                     episodes: summary.episodesPlayed))
        }, uniquingKeysWith: { first, _ in first })
        totalInputTokens = environments.saturatingSum(\.1.inputTokens)
        totalOutputTokens = environments.saturatingSum(\.1.outputTokens)
        self.agent = agent
        client = [:]
    }

    enum CodingKeys: String, CodingKey {
        case environments, agent, client
        case averageProgress = "average_progress"
        case standardError = "standard_error"
        case totalInputTokens = "total_input_tokens"
        case totalOutputTokens = "total_output_tokens"
    }
}

extension BalrogTaskSummary {
    init(percentage: Double, standardError: Double, episodes: Int) {
        progressionPercentage = percentage
        self.standardError = standardError
        episodesPlayed = episodes
    }
}

/// What an episode's trajectory says about its actions, for BALROG's
/// `action_frequency` and `failed_candidates`; empty without a trajectory file.
struct TrajectoryActions {
    var frequency: [String: Int] = [:]
    var failed: [String] = []

    init(run: URL, task: String, seed: UInt64) throws {
        let path = RunDirectory.trajectoryFile(in: run, task: task, seed: seed)
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let decoder = JSONDecoder()
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let step = try decoder.decode(Step.self, from: line)
            frequency[step.executed ?? step.action, default: 0] += 1
            if !step.valid { failed.append(step.action) }
        }
    }

    private struct Step: Decodable {
        var action: String
        var valid: Bool
        var executed: String?
    }
}
