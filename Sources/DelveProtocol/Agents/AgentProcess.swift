import DelveCore
import DelveFormats
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One running agent process and the JSON-RPC conversation with it: requests
/// go to its stdin, responses come from its stdout, its stderr goes to a log file.
///
/// Lines on stdout that are not the awaited response are counted and noted in
/// the log, never fatal. A missing answer within the deadline kills the process
/// group; standard output closing ends the process. Either way the call throws
/// an `AgentFailure` saying why, with the exit status and the tail of the log.
actor AgentProcess {
    /// Longest stdout line read, in bytes: agents may send megabytes of reasoning.
    static let maximumLineBytes = 256 << 20

    /// The log that receives the process's stderr and Delve's notes about it.
    let log: URL
    private let spawn: AgentSpawn
    private let output: AgentOutput
    private let stderrCopy: AgentLog
    private var nextID = 1
    private var ended = false
    /// Lines on stdout that were not the awaited response.
    private(set) var strayLines = 0

    /// Starts `arguments` (in `workingDirectory`, when given) and exchanges `initialize`, waiting at most `timeout`
    /// for the answer. At most `maximumLogBytes` of its stderr go into `log` (`AgentLog`).
    init(_ arguments: [String], log: URL, timeout: Duration, workingDirectory: String? = nil,
         maximumLogBytes: Int = AgentCommand.defaultMaximumLogBytes) async throws(AgentFailure) {
        self.log = log
        spawn = try AgentSpawn.start(arguments, stderrLog: log, workingDirectory: workingDirectory)
        output = AgentOutput(reading: spawn.output, child: spawn.pid, exitWatch: spawn.outputExitWatch,
                             maximumLineBytes: Self.maximumLineBytes)
        stderrCopy = AgentLog(reading: spawn.errors, child: spawn.pid, exitWatch: spawn.errorsExitWatch, into: spawn.log,
                              maximumBytes: maximumLogBytes)
        let result = try await call("initialize", InitializeParams(), within: timeout)
        guard case let .object(members) = result, let version = members["protocol_version"] else {
            await fail()
            throw AgentFailure("the initialize result needs \"protocol_version\"")
        }
        guard version == .string(ProtocolVersion.current) else {
            await fail()
            throw AgentFailure("the agent speaks protocol version \(version), Delve speaks \"\(ProtocolVersion.current)\"")
        }
    }

    /// Sends one request and waits at most `timeout` for its response's result.
    /// On any failure the process is gone (killed and reaped) before this throws.
    func call<Params: Encodable & Sendable>(_ method: String, _ params: Params, within timeout: Duration) async throws(AgentFailure) -> JSONValue {
        guard !ended else { throw AgentFailure("the agent process has already ended") }
        let id = nextID
        nextID += 1
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        try await send(AgentRequest(id: id, method: method, params: params).line(), method: method, by: deadline, timeout: timeout)
        while true {
            let left = clock.now.duration(to: deadline)
            guard left > .zero, let event = await output.next(within: left) else {
                await fail()
                throw AgentFailure("no answer to \(method) within \(Self.seconds(timeout)) s; killed the agent process\(await stderrTail())")
            }
            switch event {
            case let .line(bytes):
                if let result = try await response(to: id, method: method, in: bytes) { return result }
            case let .overlong(bytes):
                noteStray("skipped a stdout line of \(bytes) bytes, longer than the limit of \(Self.maximumLineBytes)")
            case .closed:
                let ending = await ending()
                throw AgentFailure("the agent process closed its stdout and \(ending) (no answer to \(method))\(await stderrTail())")
            }
        }
    }

    /// Asks the process to stop (`shutdown`, then end of input); kills it if it does not within `grace`.
    func shutdown(within grace: Duration) async {
        guard !ended else { return }
        _ = try? await call("shutdown", NoParams(), within: grace)
        guard !ended else { return }
        ended = true
        close(spawn.input)
        if await spawn.exitStatus(within: grace) == nil { spawn.killAndReap() }
    }

    /// Kills the process group and reaps it; for a process that broke the protocol.
    func fail() async {
        guard !ended else { return }
        ended = true
        close(spawn.input)
        spawn.killAndReap()
    }

    /// The result of the response to `id` in `bytes`, nil when the line is something else (counted and noted).
    private func response(to id: Int, method: String, in bytes: [UInt8]) async throws(AgentFailure) -> JSONValue? {
        guard let message = try? JSONParser.parse(bytes, words: ProtocolWords.table), case let .object(members) = message,
              members["jsonrpc"] == .string("2.0"), members["id"] == .int(id),
              members["result"] != nil || members["error"] != nil else {
            noteStray("not a response to request \(id) (\(method)), ignored: \(Self.excerpt(bytes))")
            return nil
        }
        if let error = members["error"] {
            await fail()
            throw AgentFailure("the agent answered \(method) with an error: \(Self.excerpt(Array(Self.text(error).utf8)))")
        }
        return members["result"] ?? .null
    }

    /// Writes `line` to the process's stdin by `deadline`. The pipe is non-blocking, so an agent
    /// that stops reading holds up neither a thread nor the run: it misses the deadline instead.
    private func send(_ line: Data, method: String, by deadline: ContinuousClock.Instant,
                      timeout: Duration) async throws(AgentFailure) {
        var offset = 0
        while offset < line.count {
            let written = line.withUnsafeBytes { write(spawn.input, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written >= 0 {
                offset += written
                continue
            }
            let failure = errno
            if failure == EINTR { continue }
            if failure == EAGAIN || failure == EWOULDBLOCK {
                guard ContinuousClock.now < deadline else {
                    await fail()
                    throw AgentFailure("the agent read no input for \(Self.seconds(timeout)) s (sending \(method)); killed the agent process\(await stderrTail())")
                }
                try? await Task.sleep(for: .milliseconds(5))
                continue
            }
            let reason = String(cString: strerror(failure))
            let ending = await ending()
            throw AgentFailure("cannot send \(method) to the agent process (\(reason)); it \(ending)\(await stderrTail())")
        }
    }

    /// Waits briefly for the process to exit by itself, else kills it; says how it ended.
    private func ending() async -> String {
        guard !ended else { return "had already ended" }
        ended = true
        close(spawn.input)
        if let status = await spawn.exitStatus(within: .seconds(1)) { return status }
        spawn.killAndReap()
        return "was still running, so it was killed"
    }

    /// Most stray stdout lines noted in the log, one by one; the rest are only counted.
    static let maximumStrayNotes = 1000

    /// Counts a stray stdout line and notes it, up to `maximumStrayNotes`, so a
    /// flood of garbage cannot grow the log without bound.
    private func noteStray(_ text: String) {
        strayLines += 1
        if strayLines <= Self.maximumStrayNotes { note(text) }
        if strayLines == Self.maximumStrayNotes {
            note("\(Self.maximumStrayNotes) stray stdout lines noted; further ones are only counted")
        }
    }

    /// Appends one of Delve's own notes to the log, marked `[delve]`.
    private func note(_ text: String) {
        let descriptor = open(log.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let line = Array("[delve] \(text)\n".utf8)
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// `; stderr ends: ...` with the last lines the process wrote to stderr, or nothing when it wrote none;
    /// for a process that has ended, once its stderr is all in the log.
    private func stderrTail() async -> String {
        await stderrCopy.waitUntilCopied(within: .seconds(2))
        guard let handle = try? FileHandle(forReadingFrom: log) else { return "" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 4096 ? size - 4096 : 0)
        let text = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("[delve] ") && !$0.allSatisfy(\.isWhitespace) }
        guard !lines.isEmpty else { return "" }
        let tail = lines.suffix(5).joined(separator: " | ")
        return "; stderr ends: " + (tail.count > 800 ? "…" + tail.suffix(800) : tail)
    }

    private static func excerpt(_ bytes: [UInt8]) -> String {
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        return bytes.count > 200 ? "\(head.debugDescription)… (\(bytes.count) bytes)" : head.debugDescription
    }

    private static func text(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? value.typeName
    }

    private static func seconds(_ duration: Duration) -> String {
        duration.components.attoseconds == 0 ? "\(duration.components.seconds)" : "\(duration.seconds)"
    }
}
