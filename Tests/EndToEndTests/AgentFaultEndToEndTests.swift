import Foundation
import Testing

/// `delve eval --agent CMD` against real agent processes that crash, hang,
/// write garbage, close stdout, exit early or write huge lines: the run always
/// finishes with every episode recorded, and exits 3 (incomplete) exactly when an agent failed.
@Suite(.enabled(if: Python.available, "python3 is not installed"))
struct AgentFaultEndToEndTests {
    /// What one faulty run left behind.
    struct FaultRun {
        var run: DelveRun
        var episodes: [[String: Any]]
        var logs: [String]
        /// The run directory.
        var directory: URL

        var errors: [String] { episodes.compactMap { $0["error"] as? String } }
        /// Deletes the test's folder (the agent script and the run).
        func remove() { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent().deletingLastPathComponent()) }
        var endReasons: [String] { episodes.compactMap { $0["end_reason"] as? String } }
    }

    /// Plays `episodes` episodes of grid/goto with the faulty agent given `arguments`, one job.
    func play(_ arguments: String, episodes: Int = 3, extra: [String] = []) throws -> FaultRun {
        let dir = try DelveBinary.temporaryDirectory()
        let agent = try AgentScripts.faultyAgent(in: dir, arguments.replacingOccurrences(of: "DIR", with: dir.path))
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "\(episodes)", "--jobs", "1",
                                       "--agent", agent, "--out", "out", "--run-id", "r"] + extra, directory: dir)
        let runDir = dir.appendingPathComponent("out/r")
        let logs = (try? FileManager.default.contentsOfDirectory(atPath: runDir.appendingPathComponent("agent-logs").path)) ?? []
        return FaultRun(run: run, episodes: try JSONFiles.lines(runDir.appendingPathComponent("episodes.jsonl")),
                        logs: logs.sorted(), directory: runDir)
    }

    /// Every planned episode is recorded once, with an end reason, and the exit
    /// status says whether any ended `agent_error` (3, incomplete) or none did (0).
    func expectFinished(_ fault: FaultRun, episodes: Int = 3) {
        #expect(fault.run.status == (fault.endReasons.contains("agent_error") ? 3 : 0), "stderr: \(fault.run.stderr)")
        #expect(fault.episodes.count == episodes, "stderr: \(fault.run.stderr)")
        #expect(fault.endReasons.count == episodes)
        #expect(Set(fault.episodes.compactMap { $0["seed"] as? Int }).count == episodes)
    }

    @Test func aCrashEndsTheEpisodeAndTheNextGetsAFreshProcess() throws {
        let fault = try play("crash 3 DIR/crashed")
        defer { fault.remove() }
        expectFinished(fault)
        #expect(fault.endReasons == ["agent_error", "budget", "budget"])
        let error = try #require(fault.errors.first)
        #expect(error.contains("at step 3"))
        #expect(error.contains("exited with status 3"))
        #expect(error.contains("boom at act 3"))
        #expect(fault.logs == ["agent-1.log", "agent-2.log"])
        #expect(fault.run.stdout.contains("1 of 3 episodes ended in an agent error"))
    }

    @Test func aCrashOnEveryProcessEndsEveryEpisode() throws {
        let fault = try play("crash 2")
        defer { fault.remove() }
        expectFinished(fault)
        #expect(fault.endReasons == ["agent_error", "agent_error", "agent_error"])
        #expect(fault.episodes.allSatisfy { $0["steps"] as? Int == 1 })
        #expect(fault.errors.allSatisfy { $0.hasPrefix("at step 2: ") })
        #expect(fault.logs.count == 3)
    }

    @Test func aHangIsKilledAtTheDeadline() throws {
        let fault = try play("hang 2", episodes: 2, extra: ["--act-timeout", "1"])
        defer { fault.remove() }
        expectFinished(fault, episodes: 2)
        #expect(fault.endReasons == ["agent_error", "agent_error"])
        #expect(fault.errors.allSatisfy { $0.contains("no answer to act within 1 s") })
    }

    @Test func garbageOnStdoutIsCountedNotFatal() throws {
        let fault = try play("garbage")
        defer { fault.remove() }
        expectFinished(fault)
        #expect(!fault.endReasons.contains("agent_error"))
        #expect(fault.run.stderr.contains("lines on stdout that were not protocol responses"))
        #expect(fault.logs == ["agent-1.log"])
        let log = try String(contentsOf: fault.directory.appendingPathComponent("agent-logs/agent-1.log"), encoding: .utf8)
        #expect(log.contains("[delve] not a response to request"))
        #expect(fault.episodes.allSatisfy { ($0["prompt_tokens"] as? Int ?? 0) > 0 })
    }

    @Test func closingStdoutEndsTheEpisode() throws {
        let fault = try play("close 2", episodes: 2)
        defer { fault.remove() }
        expectFinished(fault, episodes: 2)
        #expect(fault.errors.count == 2)
        #expect(fault.errors.allSatisfy { $0.contains("closed its stdout") && $0.contains("killed") })
    }

    @Test func exitingWithStatusZeroMidEpisodeIsAnAgentError() throws {
        let fault = try play("exit0 4", episodes: 2)
        defer { fault.remove() }
        expectFinished(fault, episodes: 2)
        #expect(fault.errors.count == 2)
        #expect(fault.errors.allSatisfy { $0.contains("exited with status 0") })
    }

    @Test func aTenMegabyteLineIsHandled() throws {
        let fault = try play("huge", episodes: 2)
        defer { fault.remove() }
        expectFinished(fault, episodes: 2)
        #expect(fault.endReasons == ["budget", "budget"])
        let trajectory = fault.directory.appendingPathComponent("trajectories/grid/goto/seed-1000000.jsonl")
        let steps = try JSONFiles.lines(trajectory)
        // Kept to the default cap of 64 KiB, and marked.
        #expect(steps.first?["reasoning"] as? String == String(repeating: "y", count: 65_536) + "…[truncated 9934464 bytes]")
    }

    @Test(arguments: [("no-such-agent-program --x", "no program \"no-such-agent-program\" in PATH"),
                      ("./missing.py", "is not an executable file"),
                      ("python3 no_such_agent.py", "the agent did not start: the agent process closed its stdout and exited with status 2")])
    func anAgentThatCannotStartIsAUsageErrorAndLeavesNoRun(agent: String, mention: String) throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "2", "--agent", agent,
                                       "--out", "out", "--run-id", "r"], directory: dir)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains(mention), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/r").path))
    }
}
