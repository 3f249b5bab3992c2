import DelveCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `delve eval` runs an outside agent: the command, where its logs go, its deadline.
public struct AgentCommand: Sendable, Hashable {
    /// The command's words: the program, then its arguments.
    public var arguments: [String]
    /// The folder that receives one stderr log per agent process (RUN_DIR/agent-logs).
    public var logDirectory: URL
    /// How long the agent has to answer each request.
    public var actTimeout: Duration
    /// Whether each episode gets a process of its own, shut down when the
    /// episode ends (`--agent-per-episode`), instead of one process serving
    /// episode after episode.
    public var perEpisode: Bool
    /// The folder every process starts in; nil for Delve's own.
    public var workingDirectory: String?
    /// The most bytes of each text an answer carries (action, reasoning, raw
    /// output, prompt) that are kept; a longer one is cut and marked
    /// (`AgentReply.capped(toBytes:)`, `--max-agent-text-bytes`).
    public var maximumTextBytes: Int
    /// The most bytes of a process's stderr its log keeps (`AgentLog`, `--max-agent-log-bytes`).
    public var maximumLogBytes: Int

    /// `maximumTextBytes`' default: 64 KiB, far more than an action and its reasoning need.
    public static let defaultMaximumTextBytes = 64 << 10
    /// `maximumLogBytes`' default: 1 MiB.
    public static let defaultMaximumLogBytes = 1 << 20

    /// Creates a command.
    public init(arguments: [String], logDirectory: URL, actTimeout: Duration, perEpisode: Bool = false,
                workingDirectory: String? = nil, maximumTextBytes: Int = defaultMaximumTextBytes,
                maximumLogBytes: Int = defaultMaximumLogBytes) {
        self.arguments = arguments
        self.logDirectory = logDirectory
        self.actTimeout = actTimeout
        self.perEpisode = perEpisode
        self.workingDirectory = workingDirectory
        self.maximumTextBytes = maximumTextBytes
        self.maximumLogBytes = maximumLogBytes
    }
}

/// The agent processes of one evaluation. An episode checks a process out and
/// returns it when the episode ends well, so one process serves many episodes
/// in sequence and each parallel job has its own; a process that failed is
/// killed instead, and the next episode gets a fresh one. With
/// `AgentCommand.perEpisode` a returned process is shut down instead.
public actor AgentProcessPool {
    /// The command every process runs.
    public let command: AgentCommand
    private var idle: [AgentProcess] = []
    private var lastLogNumber = 0
    private var strayLines = 0
    private var stopped = false

    /// A pool that starts processes of `command` as episodes need them. Delve
    /// ignores SIGPIPE from here on, so an agent that dies is an error, not Delve's end.
    public init(command: AgentCommand) {
        self.command = command
        signal(SIGPIPE, SIG_IGN)
    }

    /// Lines the processes wrote on stdout that were not protocol responses (counted when a process retires).
    public var strayLineCount: Int { strayLines }

    /// An idle process, or a new one that has answered `initialize`; none once `stop()` was called.
    func checkOut() async throws(AgentFailure) -> AgentProcess {
        guard !stopped else { throw Self.stopping }
        if let process = idle.popLast() { return process }
        let log = try nextLogFile()
        let process = try await AgentProcess(command.arguments, log: log, timeout: command.actTimeout,
                                             workingDirectory: command.workingDirectory, maximumLogBytes: command.maximumLogBytes)
        guard !stopped else {
            await process.fail()
            throw Self.stopping
        }
        return process
    }

    /// Starts no more processes: a run that was interrupted ends the ones it
    /// has (`ProcessTree.killDescendants`), and an episode that would get a new one fails instead.
    public func stop() {
        stopped = true
    }

    private static let stopping = AgentFailure("delve is stopping (interrupted), so no agent process was started")

    /// Starts one process and waits for its answer to `initialize`, before a
    /// run's first episode, so that an agent that cannot start or answer is
    /// found at once; the process then serves the first episode.
    public func prepare() async throws(AgentFailure) {
        guard idle.isEmpty else { return }
        idle.append(try await checkOut())
    }

    /// Takes back a process that finished its episode well (or shuts it down, one process per episode).
    func checkIn(_ process: AgentProcess) async {
        guard command.perEpisode else { return idle.append(process) }
        await process.shutdown(within: Self.shutdownGrace)
        strayLines += await process.strayLines
    }

    /// Kills a process that failed, counting its stray lines.
    func discard(_ process: AgentProcess) async {
        await process.fail()
        strayLines += await process.strayLines
    }

    /// Sends `shutdown` to every idle process and waits for them to exit (killing laggards after a few seconds).
    public func close() async {
        let processes = idle
        idle = []
        for process in processes {
            await process.shutdown(within: Self.shutdownGrace)
            strayLines += await process.strayLines
        }
    }

    /// How long a process has to exit after `shutdown` before it is killed.
    static let shutdownGrace = Duration.seconds(5)

    /// `agent-N.log` in the log folder, N counting on from the last one taken (a resumed run keeps its earlier logs).
    private func nextLogFile() throws(AgentFailure) -> URL {
        let folder = command.logDirectory
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AgentFailure("cannot create the agent log folder \(folder.path): \(error.localizedDescription)")
        }
        var file: URL
        repeat {
            lastLogNumber += 1
            file = folder.appendingPathComponent("agent-\(lastLogNumber).log")
        } while FileManager.default.fileExists(atPath: file.path)
        return file
    }
}
