import ArgumentParser
import DelveAgents
import DelveCore
import DelveEval
import DelveProtocol
import DelveSuites
import Foundation
import WorldCatalog

/// `delve eval`: plays a suite with an agent and writes a results directory.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Play a suite of episodes with an agent; write and print the scores.",
        discussion: """
            Results go to OUT/RUN-ID/ (docs/results.md). `delve eval --resume OUT/RUN-ID` finishes a run that was \
            killed or is incomplete, with the configuration in its run.json. An episode that ends in an agent error is \
            recorded but not scored; --resume plays it again. Exit status: 0 the run is complete, 3 it is incomplete \
            (agent errors, or episodes not played; --resume finishes it), 2 a usage error (also an agent that cannot \
            start or answer initialize), 1 an internal error (e.g. a file that cannot be written).
            """)

    @Option(help: "A built-in suite (`delve suites` lists them) or a suite file, JSON or YAML (.yaml, .yml). Default: smoke.")
    var suite: String?

    @Option(help: "Play one task, FAMILY/TASK, instead of a suite.")
    var task: String?

    @Option(help: "Episodes of --task. Default: 5.")
    var episodes: Int?

    @Option(name: .customLong("first-seed"), help: "The first seed of --task; the others follow it. Default: \(Catalog.firstEvalSeed) (text tasks: \(Catalog.firstEvalSeed(for: "text")), TextWorldExpress's test split).")
    var firstSeed: UInt64?

    @Option(help: ArgumentHelp("The agent: \(BuiltinAgent.names.joined(separator: " or ")), or the command of an agent process "
                               + "speaking agent mode (docs/protocol.md), quoted as one argument. Default: random.",
                               valueName: "agent"))
    var agent: String?

    @Option(help: ArgumentHelp("What the worlds show the agent and how episodes score: \(Profile.helpList). "
                               + "Default: the suite's (balrog for the balrog suite), else delve.", valueName: "profile"))
    var profile: Profile?

    @Option(name: .customLong("act-timeout"),
            help: ArgumentHelp("Seconds an agent process has to answer each request; then it is killed and the episode ends "
                               + "agent_error. Default: 300.", valueName: "seconds"))
    var actTimeout: Double?

    @Option(name: .customLong("episode-timeout"),
            help: ArgumentHelp("Seconds of wall-clock time an episode may take; then it ends agent_error (an agent process "
                               + "is killed). Default: no limit.", valueName: "seconds"))
    var episodeTimeout: Double?

    @Flag(name: .customLong("agent-per-episode"),
          help: "Start a fresh agent process for every episode, instead of one per job serving episode after episode.")
    var agentPerEpisode = false

    @Option(name: .customLong("invalid-action"),
            help: ArgumentHelp("What an action the world refuses does: noop (it uses a step and changes nothing; the next "
                               + "observation says why) or default (the family's default action is played instead, as "
                               + "BALROG does). Either way it is counted. Default: the suite's (default for the balrog "
                               + "suite), else noop.", valueName: "policy"))
    var invalidAction: InvalidActionPolicy?

    @Option(name: .customLong("action-matching"),
            help: ArgumentHelp("How an answer is matched to an action: forgiving (case, spacing, prefixes and synonyms are "
                               + "forgiven) or exact (one of the task's actions character for character, as BALROG checks). "
                               + "Default: the suite's (exact for the balrog suite), else forgiving.", valueName: "matching"))
    var actionMatching: ActionMatching?

    @Option(help: ArgumentHelp("What the agent observes: text, image (the picture of its view; the text description of the "
                               + "view is left out) or both. Pictures go into trajectories too. Text worlds observe text "
                               + "in every mode. Default: text.", valueName: "mode"))
    var observe: ObservationMode?

    @Option(name: .customLong("image-view"),
            help: ArgumentHelp("With --observe image or both: the picture's view, agent (what the agent sees) or full "
                               + "(the whole map). Default: agent.", valueName: "view"))
    var imageView: FrameView?

    @Option(name: .customLong("tile-size"), help: FrameRequest.tileSizeHelp("With --observe image or both. "))
    var tileSize: Int?

    @Option(help: "Episodes played at once. Default: the number of cores.")
    var jobs: Int?

    @Option(help: "The folder that holds run directories. Default: runs.")
    var out: String?

    @Option(name: .customLong("run-id"), help: "The run directory's name. Default: the time and a random suffix.")
    var runID: String?

    @Option(help: ArgumentHelp("Play only shard K of N (K from 1): the suite's episodes whose index modulo N is K-1.",
                               valueName: "K/N"))
    var shard: String?

    @Flag(name: .customLong("no-trajectories"), help: "Don't write a trajectory file per episode.")
    var noTrajectories = false

    @Option(help: ArgumentHelp("What the run's files survive as they are written: process (a killed delve: nothing is fsync'd) "
                               + "or machine (a machine crash too: lines and trajectories are fsync'd by group commit). "
                               + "Either way --resume checks every trajectory and plays again any that is missing or "
                               + "incomplete. Default: process.", valueName: "what"))
    var durability: Durability?

    @Option(name: .customLong("max-agent-text-bytes"),
            help: ArgumentHelp("The most bytes of each text of an agent process's answer (action, reasoning, raw output, "
                               + "prompt) that are kept; a longer one is cut and marked \"…[truncated N bytes]\". "
                               + "Default: \(AgentCommand.defaultMaximumTextBytes) (64 KiB).", valueName: "bytes"))
    var maxAgentTextBytes: Int?

    @Option(name: .customLong("max-agent-log-bytes"),
            help: ArgumentHelp("The most bytes of an agent process's stderr its log in agent-logs keeps; the rest is "
                               + "counted, and a line at the end says how much was left out and shows its last 4 KiB. "
                               + "Default: \(AgentCommand.defaultMaximumLogBytes) (1 MiB).", valueName: "bytes"))
    var maxAgentLogBytes: Int?

    @Option(name: .customLong("max-consecutive-errors"),
            help: ArgumentHelp("After this many episodes in a row ended in an agent error (an outage, a bad key), start no "
                               + "more: write what was played and exit 3; --resume finishes the run. Default: "
                               + "\(Self.defaultMaxConsecutiveErrors).", valueName: "n"))
    var maxConsecutiveErrors: Int?

    @Option(help: ArgumentHelp("Finish the run in this directory, from any folder: keep its scored episodes, play the rest "
                               + "and those that ended in an agent error or whose trajectory file is missing or incomplete. "
                               + "Takes only --jobs, --act-timeout, --episode-timeout (default: the run's), "
                               + "--max-consecutive-errors, --durability, --max-agent-text-bytes, --max-agent-log-bytes "
                               + "and --agent (a new agent; run.json keeps the old one in agent_history).",
                               valueName: "run-dir"))
    var resume: String?

    func validate() throws {
        if let episodes, episodes < 1 { throw ValidationError("--episodes must be at least 1, got \(episodes)") }
        if let episodes, episodes > Suite.maximumEpisodes {
            throw ValidationError("--episodes must be at most \(Suite.maximumEpisodes), got \(episodes)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let maxConsecutiveErrors, maxConsecutiveErrors < 1 {
            throw ValidationError("--max-consecutive-errors must be at least 1, got \(maxConsecutiveErrors)")
        }
        if let actTimeout, !(actTimeout > 0 && actTimeout <= 86_400) {
            throw ValidationError("--act-timeout must be more than 0 and at most 86400 seconds, got \(actTimeout)")
        }
        for (flag, value) in [("--max-agent-text-bytes", maxAgentTextBytes), ("--max-agent-log-bytes", maxAgentLogBytes)] {
            if let value, !(1...Self.largestCap).contains(value) {
                throw ValidationError("\(flag) must be from 1 to \(Self.largestCap) bytes (256 MiB), got \(value)")
            }
        }
        if let episodeTimeout, !(episodeTimeout > 0 && episodeTimeout <= RunInfo.maximumEpisodeTimeout) {
            throw ValidationError("--episode-timeout must be more than 0 and at most 2592000 seconds (30 days), got \(episodeTimeout)")
        }
        try FrameRequest.validate(tileSize: tileSize)
        if resume == nil, imageView != nil || tileSize != nil, !(observe ?? .text).includesImage {
            throw ValidationError("--image-view and --tile-size go with --observe image or both")
        }
        if suite != nil && task != nil { throw ValidationError("give --suite or --task, not both") }
        if let firstSeed, !Seeds.range.contains(firstSeed) {
            throw ValidationError("--first-seed must be \(Seeds.rule), got \(firstSeed)")
        }
        if let runID {
            do { try RunDirectory.check(runID: runID) } catch { throw ValidationError("--run-id: \(error.description)") }
        }
        if task == nil && (episodes != nil || firstSeed != nil) {
            throw ValidationError("--episodes and --first-seed go with --task FAMILY/TASK")
        }
        if resume != nil {
            let options: [(String, String?)] = [
                ("--suite", suite), ("--task", task), ("--out", out), ("--run-id", runID), ("--shard", shard),
                ("--invalid-action", invalidAction?.rawValue), ("--observe", observe?.rawValue), ("--profile", profile?.rawValue),
                ("--action-matching", actionMatching?.rawValue),
                ("--image-view", imageView?.rawValue), ("--tile-size", tileSize.map(String.init)),
            ]
            let flags: [(String, Bool)] = [("--no-trajectories", noTrajectories), ("--agent-per-episode", agentPerEpisode)]
            let given = options.filter { $0.1 != nil }.map(\.0) + flags.filter(\.1).map(\.0)
            if let first = given.first {
                throw ValidationError("--resume takes its configuration from run.json; drop \(first) "
                    + "(only --jobs, --act-timeout, --episode-timeout, --max-consecutive-errors, --durability, "
                    + "--max-agent-text-bytes, --max-agent-log-bytes and --agent may change)")
            }
        }
        if resume == nil, agentPerEpisode, let agent, BuiltinAgent(rawValue: agent) != nil {
            throw ValidationError("--agent-per-episode goes with an agent process; '\(agent)' is built in")
        }
    }

    func run() async throws {
        if let resume {
            try await finish(resume)
            return
        }
        let choice = try AgentChoice(agent ?? BuiltinAgent.random.rawValue)
        let plan = try makePlan().sliced(try chosenShard())
        let root = URL(fileURLWithPath: out ?? "runs", isDirectory: true), runID = self.runID ?? RunDirectory.newRunID()
        let agents = choice.agents(runDirectory: root.appendingPathComponent(runID, isDirectory: true),
                                   actTimeout: actTimeout ?? Self.defaultActTimeout, perEpisode: agentPerEpisode, caps: caps)
        let runner = EpisodeRunner(recordsTrajectory: !noTrajectories, invalidActionPolicy: plan.suite.invalidAction ?? .noop,
                                   actionMatching: plan.suite.actionMatching ?? .forgiving,
                                   episodeTimeout: episodeTimeout.map(Duration.seconds), observe: observe ?? .text,
                                   frame: FrameRequest(view: imageView ?? .agent, tileSize: tileSize))
        var evaluation = Evaluation(plan: plan, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                    runner: runner, makeAgent: agents.make)
        let (hooks, stop, signals) = try session(&evaluation, agents: agents)
        defer { withExtendedLifetime(signals) {} }
        do {
            try report(stop: stop, await agents.closing {
                try await usageErrors {
                    try await evaluation.record(to: root, runID: runID, agentName: choice.name, agentCommand: choice.command,
                                                workingDirectory: choice.workingDirectory, agentPerEpisode: agentPerEpisode,
                                                hooks: hooks)
                }
            })
        } catch let error as UsageError where error.fromAgentCheck {
            // The agent never played: the run directory holds nothing worth keeping.
            try? FileManager.default.removeItem(at: root.appendingPathComponent(runID, isDirectory: true))
            if let signal = stop.signal { throw ExitCode(128 + signal) }
            throw error
        }
    }

    /// `--resume DIR`: the rest of a killed run, configured by its run.json.
    private func finish(_ path: String) async throws {
        let stored = try await usageErrors { try StoredRun(at: URL(fileURLWithPath: path, isDirectory: true)) }
        let plan = try await usageErrors { try stored.plan(catalog: Catalog.standard, builtins: Catalog.suites) }
        var info = stored.info
        let choice: AgentChoice
        if let agent {
            choice = try AgentChoice(agent)
            info = info.replacingAgent(with: choice.name, command: choice.command, in: choice.workingDirectory)
        } else {
            choice = try AgentChoice(stored: info)
        }
        let agents = choice.agents(runDirectory: URL(fileURLWithPath: path, isDirectory: true),
                                   actTimeout: actTimeout ?? Self.defaultActTimeout, perEpisode: info.agentPerEpisode, caps: caps)
        let runner = EpisodeRunner(recordsTrajectory: info.trajectories, invalidActionPolicy: info.invalidAction,
                                   actionMatching: info.actionMatching,
                                   episodeTimeout: (episodeTimeout ?? info.episodeTimeout).map(Duration.seconds),
                                   observe: info.observe, frame: info.picture)
        var evaluation = Evaluation(plan: plan, jobs: jobs ?? info.jobs, runner: runner, makeAgent: agents.make)
        let (hooks, stop, signals) = try session(&evaluation, agents: agents)
        defer { withExtendedLifetime(signals) {} }
        try report(stop: stop, await agents.closing {
            try await usageErrors {
                try await evaluation.resume(stored, info: agent == nil ? nil : info, droppedTornLine: { bytes in
                    FileHandle.standardError.write(Data(("delve: episodes.jsonl ended in a torn line (\(bytes) bytes, from the kill); "
                        + "dropped it, that episode is played again\n").utf8))
                }, unverified: { record, reason in
                    FileHandle.standardError.write(Data(("delve: \(record.task) seed \(record.seed): \(reason); "
                        + "that episode is played again\n").utf8))
                }, hooks: hooks)
            }
        })
    }

    /// Sets what a new run and a resume both take from the flags, and catches
    /// the stop signals for the run (`Interruption`; keep `signals` alive while it plays).
    private func session(_ evaluation: inout Evaluation, agents: AgentSupply) throws
        -> (hooks: SessionHooks, stop: StopRequest, signals: StopSignals) {
        evaluation.maxConsecutiveErrors = maxConsecutiveErrors ?? Self.defaultMaxConsecutiveErrors
        evaluation.durability = durability ?? .process
        let stop = StopRequest()
        evaluation.stop = stop
        let signals = try Interruption.catchSignals(stopping: stop, agents: agents)
        return (SessionHooks(prepare: { try await agents.prepare() }, progress: Self.showProgress), stop, signals)
    }

    /// The caps on what agent processes send, from `--max-agent-text-bytes` and `--max-agent-log-bytes`.
    private var caps: AgentCaps {
        AgentCaps(textBytes: maxAgentTextBytes ?? AgentCommand.defaultMaximumTextBytes,
                  logBytes: maxAgentLogBytes ?? AgentCommand.defaultMaximumLogBytes)
    }

    /// The largest cap `--max-agent-text-bytes` and `--max-agent-log-bytes` take: 256 MiB, an answer line's limit.
    private static let largestCap = 256 << 20

    /// `--act-timeout`'s default: five minutes, room for a slow LLM.
    private static let defaultActTimeout = 300.0

    /// `--max-consecutive-errors`' default: enough to ride out a flaky answer, few enough to stop an outage early.
    static let defaultMaxConsecutiveErrors = 5

    /// Prints the run's table and where it went; exits 3 when the run is
    /// incomplete, 128 + the signal's number when a signal stopped it.
    private func report(stop: StopRequest, _ run: RecordedRun) throws {
        if !run.isComplete, isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\n".utf8)) }
        let path = run.directory.standardizedFileURL.path
        print(SummaryReport(run.summary, runDirectory: path).table)
        if run.agentErrors > 0 {
            print("\(run.agentErrors) of \(run.planned) episodes ended in an agent error (their reasons are in episodes.jsonl).")
        }
        if run.stoppedOnErrors {
            print("Stopped after \(maxConsecutiveErrors ?? Self.defaultMaxConsecutiveErrors) agent errors in a row; "
                + "no further episode was started.")
        }
        print("Results: \(path)")
        if let signal = stop.signal {
            print("Interrupted by \(Interruption.name(signal)): what finished is written; "
                + "`delve eval --resume \(path)` finishes the run.")
            throw ExitCode(128 + signal)
        }
        if !run.isComplete { throw ExitStatus.incomplete }
    }

    /// On stderr: a progress bar on a terminal, else one log line per finished episode.
    private static func showProgress(_ progress: RunProgress) {
        let text = isatty(STDERR_FILENO) == 1 ? progress.bar : progress.logLine
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Runs `body`, turning what the user can fix (a bad run id, an existing
    /// directory, an unreadable or mismatched run) into a usage error.
    private func usageErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RunDirectoryError {
            if case .io = error { throw error }
            throw UsageError(error)
        } catch let error as StoredRunError {
            throw UsageError(error)
        }
    }

    private func chosenShard() throws -> Shard? {
        guard let shard else { return nil }
        do { return try Shard(parsing: shard) } catch { throw UsageError(error) }
    }

    private func makePlan() throws -> EvalPlan {
        do {
            var chosen: Suite
            if let task {
                chosen = try Suite.single(task: task, episodes: episodes ?? 5, firstSeed: firstSeed ?? Catalog.firstEvalSeed(for: String(task.prefix { $0 != "/" })))
            } else {
                chosen = try SuiteLookup.find(suite ?? "smoke", builtins: Catalog.suites)
            }
            if let profile { chosen.profile = profile }
            if let invalidAction { chosen.invalidAction = invalidAction }
            if let actionMatching { chosen.actionMatching = actionMatching }
            return try EvalPlan(suite: chosen, catalog: Catalog.standard)
        } catch let error as PlanError {
            throw UsageError(error)
        } catch let error as SuiteLookupError {
            throw UsageError(error)
        }
    }
}

extension Durability: ExpressibleByArgument {
    /// The settings' names, for `--help` and for errors.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Profile: ExpressibleByArgument {
    /// The profiles' names, for `--help` and for errors.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// `delve (…) or balrog (…)`, for `--help`.
    static var helpList: String { allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: " or ") }
}

extension ActionMatching: ExpressibleByArgument {
    /// The matchings' names, for `--help` and for errors.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ObservationMode: ExpressibleByArgument {
    /// The modes' names, for `--help` and for errors.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension InvalidActionPolicy: ExpressibleByArgument {
    /// The policy's names, for `--help` and for errors.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
