import Foundation
import Testing

/// `delve eval` against agent processes that try to outlive it, blind it or
/// flood it, and against signals sent to a real `delve eval` process: every
/// process an agent started ends with the run, an agent's exit is seen even
/// while its child holds the pipe, and what agents send is kept within caps.
/// No test depends on timing: waits have generous deadlines that only bound a failure.
@Suite(.enabled(if: Python.available, "python3 is not installed"))
struct HostileAgentEndToEndTests {
    /// A `delve` process started in the background, its output in files.
    struct Started {
        var process: Process
        var folder: URL
        var stdout: String { (try? String(contentsOf: folder.appendingPathComponent("stdout.txt"), encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOf: folder.appendingPathComponent("stderr.txt"), encoding: .utf8)) ?? "" }

        /// Waits for the process to end, killing it after `seconds` (a failure, never the expected path).
        func finish(within seconds: Double = 300) -> Bool {
            let ended = waitUntil(seconds) { !process.isRunning }
            if !ended { process.terminate(); kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return ended
        }
    }

    /// Starts `delve` with `arguments` in `folder`.
    static func start(_ arguments: [String], in folder: URL) throws -> Started {
        let process = Process()
        process.executableURL = DelveBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("stdout.txt").path, contents: nil)
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("stderr.txt").path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent("stdout.txt"))
        process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr.txt"))
        try process.run()
        return Started(process: process, folder: folder)
    }

    /// Polls `condition` every 20 ms for up to `seconds`; whether it held.
    static func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// Whether `pid` is a live process (a zombie, ended and unreaped, is not).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// The pids of the `child PID` lines of `file`.
    static func children(in file: URL) -> [Int32] {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { $0.hasPrefix("child ") ? Int32($0.dropFirst(6)) : nil }
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalEndsTheAgentsAndWhatTheyStartedAndLeavesAResumableRun(signal: Int32) throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notes = dir.appendingPathComponent("notes.txt")
        let agent = try AgentScripts.faultyAgent(in: dir, "detach '\(notes.path)'")
        let delve = try Self.start(["eval", "--task", "grid/goto", "--episodes", "3", "--jobs", "1", "--agent", agent,
                                    "--out", "out", "--run-id", "r"], in: dir)
        // The first episode is played and recorded; the agent hangs in the second; its child has written its pid.
        let ready = Self.waitUntil(120) {
            ((try? String(contentsOf: notes, encoding: .utf8)) ?? "").contains("hanging") && Self.children(in: notes).count == 1
        }
        let children = Self.children(in: notes)
        try #require(ready, "stderr: \(delve.stderr)")
        kill(delve.process.processIdentifier, signal)
        try #require(delve.finish(), "delve did not stop; stderr: \(delve.stderr)")

        #expect(delve.process.terminationReason == .exit)
        #expect(delve.process.terminationStatus == 128 + signal, "stderr: \(delve.stderr)")
        #expect(delve.stdout.contains("delve eval --resume"))
        // The grandchild moved to a session of its own, out of the agent's process group, and still ended.
        #expect(Self.waitUntil(30) { !children.contains(where: Self.isRunning) }, "left running: \(children)")
        let runDir = dir.appendingPathComponent("out/r")
        let episodes = try JSONFiles.lines(runDir.appendingPathComponent("episodes.jsonl"))
        #expect(episodes.count == 1)
        #expect(episodes.first?["end_reason"] as? String == "budget")
        #expect(FileManager.default.fileExists(atPath: runDir.appendingPathComponent("summary.json").path))

        let resumed = try DelveBinary.run(["eval", "--resume", "out/r", "--agent", "random"], directory: dir)
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        #expect(try JSONFiles.lines(runDir.appendingPathComponent("episodes.jsonl")).count == 3)
    }

    @Test func anAgentsExitIsSeenWhileItsChildHoldsItsStdout() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notes = dir.appendingPathComponent("notes.txt")
        let agent = try AgentScripts.faultyAgent(in: dir, "orphan 2 '\(notes.path)'")
        // The act deadline is far beyond the wait below: only the exit itself can end the episode in time.
        let delve = try Self.start(["eval", "--task", "grid/goto", "--episodes", "1", "--jobs", "1", "--agent", agent,
                                    "--act-timeout", "3600", "--out", "out", "--run-id", "r"], in: dir)
        try #require(delve.finish(within: 600), "delve waited on the orphan's pipe; stderr: \(delve.stderr)")
        #expect(delve.process.terminationStatus == 3, "stderr: \(delve.stderr)")
        let episodes = try JSONFiles.lines(dir.appendingPathComponent("out/r/episodes.jsonl"))
        let error = try #require(episodes.first?["error"] as? String)
        #expect(error.contains("at step 2"))
        #expect(error.contains("exited with status 5"))
        #expect(error.contains("leaving at act 2"))
        let children = Self.children(in: notes)
        #expect(children.count == 1)
        #expect(Self.waitUntil(30) { !children.contains(where: Self.isRunning) }, "the run ended, its agent's child did not")
    }

    @Test func floodsOfStderrAndReasoningAreCutVisibly() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let agent = try AgentScripts.faultyAgent(in: dir, "flood 6553600")
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "1", "--jobs", "1", "--agent", agent,
                                       "--max-agent-log-bytes", "100000", "--max-agent-text-bytes", "1000",
                                       "--out", "out", "--run-id", "r"], directory: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let runDir = dir.appendingPathComponent("out/r")
        let log = try Data(contentsOf: runDir.appendingPathComponent("agent-logs/agent-1.log"))
        #expect(log.count < 100_000 + 4096 + 300)
        // 100 chunks of 64 KiB and "flood ends\n": all but the first 100,000 bytes are left out, and said to be.
        let text = String(decoding: log, as: UTF8.self)
        let said = text.contains("[delve] the agent wrote \(100 * 65_536 + 11 - 100_000) bytes more on stderr than this log keeps")
        let endsWithTheTail = text.hasSuffix("flood ends\n")
        #expect(said && endsWithTheTail, "the log ends: \(text.suffix(400).debugDescription)")
        let first = try #require(try JSONFiles.lines(runDir.appendingPathComponent("trajectories/grid/goto/seed-1000000.jsonl")).first)
        #expect(first["reasoning"] as? String == String(repeating: "y", count: 1000) + "…[truncated 999000 bytes]")
        #expect(first["raw"] as? String == String(repeating: "z", count: 1000) + "…[truncated 999000 bytes]")
    }

    @Test func aFloodOfStrayLinesIsCountedButNotedAThousandTimesAtMost() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let agent = try AgentScripts.faultyAgent(in: dir, "spam 5000")
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "1", "--jobs", "1", "--agent", agent,
                                       "--out", "out", "--run-id", "r"], directory: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("the agent wrote 5000 lines on stdout that were not protocol responses"))
        let log = try String(contentsOf: dir.appendingPathComponent("out/r/agent-logs/agent-1.log"), encoding: .utf8)
        let notes = log.split(separator: "\n").filter { $0.hasPrefix("[delve] not a response") }
        #expect(notes.count == 1000)
        #expect(log.contains("[delve] 1000 stray stdout lines noted; further ones are only counted"))
    }
}
