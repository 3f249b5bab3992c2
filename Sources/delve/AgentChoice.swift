import DelveAgents
import DelveCore
import DelveEval
import DelveProtocol
import Foundation

/// What `--agent` names: a built-in agent, or the command line of an outside agent process.
enum AgentChoice {
    /// `random`, `expert`.
    case builtin(BuiltinAgent)
    /// Anything else: a command, split into words as a shell would, run
    /// without one in `workingDirectory`, its program an absolute path.
    case process(command: String, arguments: [String], workingDirectory: String)

    /// Reads `--agent`, to run in this process's folder; a command that cannot
    /// be split, or whose program cannot be found, is a usage error.
    init(_ agent: String) throws {
        if let builtin = BuiltinAgent(rawValue: agent) {
            self = .builtin(builtin)
            return
        }
        let words: [String]
        do {
            words = try CommandWords.split(agent)
        } catch {
            throw UsageError("--agent \(agent.debugDescription): \(error.description); give \(BuiltinAgent.names.joined(separator: ", ")) "
                + "or a command such as \"python3 Agents/python/random_agent.py\"")
        }
        let folder = FileManager.default.currentDirectoryPath
        self = .process(command: agent, arguments: try Self.resolved(words, in: folder, agent: agent), workingDirectory: folder)
    }

    /// The agent of a stored run: its resolved command in its folder, as
    /// run.json records them (runs made before they were recorded: the
    /// command as given, in this process's folder).
    init(stored info: RunInfo) throws {
        if let builtin = BuiltinAgent(rawValue: info.agent) {
            self = .builtin(builtin)
            return
        }
        guard let command = info.agentCommand, !command.isEmpty, let folder = info.workingDirectory else {
            self = try AgentChoice(info.agent)
            return
        }
        self = .process(command: info.agent, arguments: command, workingDirectory: folder)
    }

    /// `words` with the program made an absolute path: joined to `folder`
    /// when it holds a `/`, else looked up in `PATH`.
    static func resolved(_ words: [String], in folder: String, agent: String) throws -> [String] {
        guard let program = words.first else {
            throw UsageError("--agent \(agent.debugDescription): the agent command is empty; give \(BuiltinAgent.names.joined(separator: ", ")) or a command")
        }
        let files = FileManager.default
        if program.contains("/") {
            let path = program.hasPrefix("/") ? program : URL(fileURLWithPath: folder).appendingPathComponent(program).standardizedFileURL.path
            guard files.isExecutableFile(atPath: path) else {
                throw UsageError("--agent \(agent.debugDescription): \(path) is not an executable file")
            }
            return [path] + words.dropFirst()
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for entry in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = URL(fileURLWithPath: String(entry), relativeTo: URL(fileURLWithPath: folder)).appendingPathComponent(program)
                .standardizedFileURL.path
            if files.isExecutableFile(atPath: candidate) { return [candidate] + words.dropFirst() }
        }
        throw UsageError("--agent \(agent.debugDescription): no program \(program.debugDescription) in PATH")
    }

    /// The command run.json records: the resolved words; nil for a built-in agent.
    var command: [String]? {
        if case let .process(_, arguments, _) = self { return arguments }
        return nil
    }

    /// The folder run.json records; nil for a built-in agent.
    var workingDirectory: String? {
        if case let .process(_, _, folder) = self { return folder }
        return nil
    }

    /// The name run.json records.
    var name: String {
        switch self {
        case let .builtin(builtin): return builtin.rawValue
        case let .process(command, _, _): return command
        }
    }

    /// The agents of one evaluation, with their process pool when they are processes
    /// (logs in `runDirectory`/agent-logs, `actTimeout` seconds per request; a
    /// process per episode when `perEpisode`; what they send cut to `caps`).
    func agents(runDirectory: URL, actTimeout: Double, perEpisode: Bool = false, caps: AgentCaps = AgentCaps()) -> AgentSupply {
        switch self {
        case let .builtin(builtin):
            return AgentSupply(make: { builtin.make() }, pool: nil)
        case let .process(command, arguments, folder):
            let pool = AgentProcessPool(command: AgentCommand(
                arguments: arguments, logDirectory: runDirectory.appendingPathComponent("agent-logs", isDirectory: true),
                actTimeout: .seconds(actTimeout), perEpisode: perEpisode, workingDirectory: folder,
                maximumTextBytes: caps.textBytes, maximumLogBytes: caps.logBytes))
            return AgentSupply(make: { ProcessAgent(name: command, pool: pool) }, pool: pool)
        }
    }
}

/// The caps on what an agent process sends that Delve keeps (`--max-agent-text-bytes`, `--max-agent-log-bytes`).
struct AgentCaps {
    /// The most bytes kept of each text of an answer.
    var textBytes = AgentCommand.defaultMaximumTextBytes
    /// The most bytes of stderr a process's log keeps.
    var logBytes = AgentCommand.defaultMaximumLogBytes
}

/// Where an evaluation's agents come from, and the processes to stop when it is over.
struct AgentSupply {
    /// Makes the agent of one episode.
    var make: @Sendable () -> any Agent
    /// The agent processes, for outside agents.
    var pool: AgentProcessPool?

    /// Starts an agent process and checks its answer to `initialize`, before
    /// the first episode: one that cannot start or answer is a usage error
    /// naming why. Nothing to do for built-in agents.
    func prepare() async throws {
        guard let pool else { return }
        do {
            try await pool.prepare()
        } catch {
            var usage = UsageError("the agent did not start: \(error.description)")
            usage.fromAgentCheck = true
            throw usage
        }
    }

    /// Runs `body`, then shuts the agent processes down, whether `body` threw or not.
    func closing<T>(_ body: () async throws -> T) async throws -> T {
        do {
            let value = try await body()
            await close()
            return value
        } catch {
            await close()
            throw error
        }
    }

    /// Shuts the agent processes down, then ends whatever they started that
    /// still runs (`ProcessTree`); notes on stderr how many stray stdout lines they wrote.
    private func close() async {
        guard let pool else { return }
        await pool.close()
        ProcessTree.killDescendants(reap: true)
        let stray = await pool.strayLineCount
        if stray > 0 {
            FileHandle.standardError.write(Data(("delve: the agent wrote \(stray) lines on stdout that were not protocol "
                + "responses; they were ignored (see agent-logs)\n").utf8))
        }
    }
}
