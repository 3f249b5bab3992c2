import DelveCore
import DelveSuites
import Foundation

/// The machine a run ran on, for run.json.
public struct HostInfo: Sendable, Hashable, Codable {
    /// Host name.
    public var hostname: String
    /// Operating system and version.
    public var os: String
    /// CPU architecture.
    public var arch: String
    /// Active processor cores.
    public var cores: Int

    /// Creates a host description.
    public init(hostname: String, os: String, arch: String, cores: Int) {
        self.hostname = hostname
        self.os = os
        self.arch = arch
        self.cores = cores
    }

    /// This machine.
    public static var current: HostInfo {
        let info = ProcessInfo.processInfo
        #if arch(x86_64)
        let arch = "x86_64"
        #elseif arch(arm64)
        let arch = "arm64"
        #else
        let arch = "unknown"
        #endif
        return HostInfo(hostname: info.hostName, os: info.operatingSystemVersionString, arch: arch,
                        cores: info.activeProcessorCount)
    }
}

/// An agent a run used before `delve eval --resume --agent` replaced it: run.json's `agent_history`.
public struct AgentUse: Sendable, Hashable, Codable {
    /// The agent as given (`RunInfo.agent`).
    public var agent: String
    /// Its command as started (`RunInfo.agentCommand`); nil for a built-in agent.
    public var agentCommand: [String]?
    /// The folder it ran in (`RunInfo.workingDirectory`).
    public var workingDirectory: String?
    /// When it was replaced, ISO 8601 in UTC.
    public var replacedAt: String

    /// Creates a history entry.
    public init(agent: String, agentCommand: [String]?, workingDirectory: String?, replacedAt: String) {
        self.agent = agent
        self.agentCommand = agentCommand
        self.workingDirectory = workingDirectory
        self.replacedAt = replacedAt
    }

    enum CodingKeys: String, CodingKey {
        case agent
        case agentCommand = "agent_command"
        case workingDirectory = "working_directory"
        case replacedAt = "replaced_at"
    }
}

/// A run's configuration: run.json. With the suite it names every episode
/// the run plays.
public struct RunInfo: Sendable, Hashable, Codable {
    /// The newest run-directory format this Delve reads and writes.
    public static let currentFormat = 1

    /// The run directory's format; a run written by a newer format is refused, never misread.
    public var format: Int
    /// The run's directory name.
    public var runID: String
    /// The Delve version that ran it.
    public var delveVersion: String
    /// When it started, ISO 8601 in UTC.
    public var startedAt: String
    /// The suite played, seeds and all.
    public var suite: Suite
    /// What every episode showed and how it scored: the suite's profile,
    /// written out even when the suite leaves it at its default.
    public var profile: Profile
    /// The agent's name (`random`, `expert`), or its command line.
    public var agent: String
    /// An agent process's command as started: its words, the program made an
    /// absolute path (looked up in `PATH` when it has no `/`). Nil for a
    /// built-in agent, and in runs made before the field existed.
    public var agentCommand: [String]?
    /// The absolute folder `delve eval` ran in; an agent process starts there,
    /// also on `--resume` from elsewhere, so relative paths in its command hold.
    public var workingDirectory: String?
    /// The agents this run used before `--resume --agent` replaced them, oldest first; nil when none was.
    public var agentHistory: [AgentUse]?
    /// Whether each episode had an agent process of its own (`--agent-per-episode`).
    public var agentPerEpisode: Bool
    /// What a step did with an action the world refused (`--invalid-action`).
    public var invalidAction: InvalidActionPolicy
    /// How answers were matched to actions (`--action-matching`).
    public var actionMatching: ActionMatching
    /// The wall-clock limit of one episode in seconds (`--episode-timeout`); nil for none.
    public var episodeTimeout: Double?

    /// The longest `--episode-timeout`: 30 days, in seconds.
    public static let maximumEpisodeTimeout: Double = 30 * 86_400
    /// What the agent observed (`--observe`): text, image or both. With
    /// pictures, trajectories carry every step's frame.
    public var observe: ObservationMode
    /// The picture observations carried (`--image-view`, `--tile-size`);
    /// nil in a run without pictures, and in runs made before the setting
    /// existed (they drew the agent's view at the family's size).
    public var frame: FrameRequest?

    /// The picture the run's observations carried, when they had pictures.
    public var picture: FrameRequest { frame ?? FrameRequest() }
    /// Concurrent episodes.
    public var jobs: Int
    /// Whether trajectories were written.
    public var trajectories: Bool
    /// Episodes in the run (in its shard, when it has one).
    public var episodes: Int
    /// The slice of the suite this run plays; nil for the whole suite.
    public var shard: Shard?
    /// The families played and their revisions.
    public var worlds: [WorldRevision]
    /// The machine.
    public var host: HostInfo

    /// Creates a run description.
    public init(runID: String, delveVersion: String = DelveVersion.current, startedAt: String, suite: Suite, agent: String,
                agentCommand: [String]? = nil, workingDirectory: String? = nil, agentPerEpisode: Bool = false,
                invalidAction: InvalidActionPolicy = .noop, actionMatching: ActionMatching = .forgiving, episodeTimeout: Double? = nil,
                observe: ObservationMode = .text, frame: FrameRequest? = nil, jobs: Int, trajectories: Bool, episodes: Int, shard: Shard? = nil, worlds: [WorldRevision],
                host: HostInfo = .current) {
        self.format = Self.currentFormat
        self.runID = runID
        self.delveVersion = delveVersion
        self.startedAt = startedAt
        self.suite = suite
        self.profile = suite.playedProfile
        self.agent = agent
        self.agentCommand = agentCommand
        self.workingDirectory = workingDirectory
        self.agentPerEpisode = agentPerEpisode
        self.invalidAction = invalidAction
        self.actionMatching = actionMatching
        self.episodeTimeout = episodeTimeout
        self.observe = observe
        self.frame = frame
        self.jobs = jobs
        self.trajectories = trajectories
        self.episodes = episodes
        self.shard = shard
        self.worlds = worlds
        self.host = host
    }

    /// Decodes run.json; a run.json without `format` predates the field and is
    /// format 1, and one without the agent settings (or `observe`, `frame`, `profile`, `action_matching`) ran with their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(Int.self, forKey: .format) ?? 1
        runID = try c.decode(String.self, forKey: .runID)
        delveVersion = try c.decode(String.self, forKey: .delveVersion)
        startedAt = try c.decode(String.self, forKey: .startedAt)
        suite = try c.decode(Suite.self, forKey: .suite)
        profile = try c.decodeIfPresent(Profile.self, forKey: .profile) ?? suite.playedProfile
        guard profile == suite.playedProfile else {
            throw DecodingError.dataCorruptedError(forKey: .profile, in: c, debugDescription:
                "profile \(profile.rawValue) differs from its suite's profile \(suite.playedProfile.rawValue)")
        }
        agent = try c.decode(String.self, forKey: .agent)
        agentCommand = try c.decodeIfPresent([String].self, forKey: .agentCommand)
        workingDirectory = try c.decodeIfPresent(String.self, forKey: .workingDirectory)
        agentHistory = try c.decodeIfPresent([AgentUse].self, forKey: .agentHistory)
        agentPerEpisode = try c.decodeIfPresent(Bool.self, forKey: .agentPerEpisode) ?? false
        invalidAction = try c.decodeIfPresent(InvalidActionPolicy.self, forKey: .invalidAction) ?? .noop
        actionMatching = try c.decodeIfPresent(ActionMatching.self, forKey: .actionMatching) ?? .forgiving
        episodeTimeout = try c.decodeIfPresent(Double.self, forKey: .episodeTimeout)
        if let episodeTimeout, !(episodeTimeout > 0 && episodeTimeout <= Self.maximumEpisodeTimeout) {
            throw DecodingError.dataCorruptedError(forKey: .episodeTimeout, in: c, debugDescription:
                "episode_timeout \(episodeTimeout) is not more than 0 and at most \(Int(Self.maximumEpisodeTimeout)) seconds")
        }
        observe = try c.decodeIfPresent(ObservationMode.self, forKey: .observe) ?? .text
        // Through the initializer, which keeps a tile size written by hand within range.
        frame = try c.decodeIfPresent(FrameRequest.self, forKey: .frame).map { FrameRequest(view: $0.view, tileSize: $0.tileSize) }
        jobs = try c.decode(Int.self, forKey: .jobs)
        trajectories = try c.decode(Bool.self, forKey: .trajectories)
        episodes = try c.decode(Int.self, forKey: .episodes)
        shard = try c.decodeIfPresent(Shard.self, forKey: .shard)
        worlds = try c.decode([WorldRevision].self, forKey: .worlds)
        host = try c.decode(HostInfo.self, forKey: .host)
    }

    /// This run with `agent` (started as `command` in `directory`) in place of
    /// its agent, which goes to the end of `agentHistory`.
    public func replacingAgent(with agent: String, command: [String]?, in directory: String?, at date: Date = Date()) -> RunInfo {
        var info = self
        info.agentHistory = (agentHistory ?? []) + [AgentUse(agent: self.agent, agentCommand: agentCommand,
                                                             workingDirectory: workingDirectory,
                                                             replacedAt: ISO8601DateFormatter().string(from: date))]
        info.agent = agent
        info.agentCommand = command
        info.workingDirectory = directory
        return info
    }

    enum CodingKeys: String, CodingKey {
        case format, suite, profile, agent, observe, frame, jobs, trajectories, episodes, shard, worlds, host
        case runID = "run_id"
        case delveVersion = "delve_version"
        case startedAt = "started_at"
        case agentPerEpisode = "agent_per_episode"
        case agentCommand = "agent_command"
        case workingDirectory = "working_directory"
        case agentHistory = "agent_history"
        case invalidAction = "invalid_action"
        case actionMatching = "action_matching"
        case episodeTimeout = "episode_timeout"
    }
}
