import Foundation
import Testing

/// `delve eval --agent "python3 Agents/python/random_agent.py"`: the template agent plays whole runs.
@Suite(.enabled(if: Python.available, "python3 is not installed"))
struct AgentModeEndToEndTests {
    static let randomAgent = ProtocolSpec.root.appendingPathComponent("Agents/python/random_agent.py")

    func play(jobs: Int, in dir: URL, runID: String) throws -> (DelveRun, URL) {
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "8", "--jobs", "\(jobs)",
                                       "--agent", "python3 \"\(Self.randomAgent.path)\"", "--out", "out", "--run-id", runID],
                                      directory: dir)
        return (run, dir.appendingPathComponent("out/\(runID)"))
    }

    /// Episode lines without the wall-clock latency (nor the trajectory's check: its steps record their latency).
    func scores(_ runDir: URL) throws -> [String] {
        try JSONFiles.lines(runDir.appendingPathComponent("episodes.jsonl")).map { line in
            var line = line
            for key in ["agent_latency_mean", "trajectory_bytes", "trajectory_crc32"] { line[key] = nil }
            return String(decoding: try JSONSerialization.data(withJSONObject: line, options: .sortedKeys), as: UTF8.self)
        }.sorted()
    }

    @Test func theRandomAgentPlaysARunAndScores() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (run, runDir) = try play(jobs: 1, in: dir, runID: "one")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let episodes = try JSONFiles.lines(runDir.appendingPathComponent("episodes.jsonl"))
        #expect(episodes.count == 8)
        #expect(!episodes.contains { $0["end_reason"] as? String == "agent_error" })
        let summary = try JSONFiles.object(runDir.appendingPathComponent("summary.json"))
        let progress = try #require((summary["overall"] as? [String: Any])?["progress_mean"] as? Double)
        #expect(progress > 0 && progress < 100, "a random walker finds some goals, not all")
        let info = try JSONFiles.object(runDir.appendingPathComponent("run.json"))
        #expect((info["agent"] as? String)?.hasSuffix("random_agent.py\"") == true)
        // One process served every episode, and its stderr was kept.
        let logs = try FileManager.default.contentsOfDirectory(atPath: runDir.appendingPathComponent("agent-logs").path)
        #expect(logs == ["agent-1.log"])
        let log = try String(contentsOf: runDir.appendingPathComponent("agent-logs/agent-1.log"), encoding: .utf8)
        #expect(log.components(separatedBy: "episode over").count == 9)
    }

    @Test func parallelJobsEachGetAProcessAndScoreTheSame() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (serial, serialDir) = try play(jobs: 1, in: dir, runID: "serial")
        let (parallel, parallelDir) = try play(jobs: 3, in: dir, runID: "parallel")
        #expect(serial.status == 0 && parallel.status == 0, "stderr: \(parallel.stderr)")
        #expect(try scores(serialDir) == scores(parallelDir))
        let logs = try FileManager.default.contentsOfDirectory(atPath: parallelDir.appendingPathComponent("agent-logs").path)
        #expect((1...3).contains(logs.count))
    }

    /// The suite of the spec's agent-mode example: grid/goto, seed 7, two steps.
    static let exampleSuite = #"""
        {"name": "agent-example", "summary": "The agent-mode example of docs/protocol.md.",
         "entries": [{"task": "grid/goto", "seeds": [7], "options": {"room_size": 5, "distractors": 1}, "step_budget": 2}]}
        """#

    @Test func theSpecConversationIsWhatDelveSendsByteForByte() throws {
        let spec = try ProtocolSpec.load()
        try #require(spec.agentExamples.count == 6)
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.exampleSuite.write(to: dir.appendingPathComponent("suite.json"), atomically: true, encoding: .utf8)
        try AgentScripts.scripted.write(to: dir.appendingPathComponent("scripted.py"), atomically: true, encoding: .utf8)
        let answers = spec.agentExamples.compactMap(\.response).map { $0 + "\n" }.joined()
        try answers.write(to: dir.appendingPathComponent("answers.jsonl"), atomically: true, encoding: .utf8)
        let run = try DelveBinary.run(["eval", "--suite", "suite.json", "--agent", "python3 scripted.py answers.jsonl sent.jsonl",
                                       "--out", "out", "--run-id", "r"], directory: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let sent = try String(contentsOf: dir.appendingPathComponent("sent.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(sent.count == spec.agentExamples.count)
        for (line, example) in zip(sent, spec.agentExamples) where line != example.request {
            Issue.record("expected \(example.request)\ngot      \(line)")
        }
        let episode = try #require(try JSONFiles.lines(dir.appendingPathComponent("out/r/episodes.jsonl")).first)
        #expect(episode["prompt_tokens"] as? Int == 412 && episode["cost_usd"] as? Double == 0.00021)
        let steps = try JSONFiles.lines(dir.appendingPathComponent("out/r/trajectories/grid/goto/seed-7.jsonl"))
        #expect(steps.first?["reasoning"] as? String == "The green box is 2 steps left: face it first.")
    }

    @Test func agentTrafficMatchesTheSchemas() throws {
        let python = try #require(Python.venv, "the tests' venv with jsonschema could not be made (pip from PyPI)")
        let spec = try ProtocolSpec.load()
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let record = dir.appendingPathComponent("traffic.txt")
        let agent = try AgentScripts.faultyAgent(in: dir, "record '\(record.path)'")
        // With pictures, so that `observation.image` is checked too (text tasks send none).
        let run = try DelveBinary.run(["eval", "--suite", "smoke", "--agent", agent, "--jobs", "2", "--out", "out", "--run-id", "r",
                                       "--observe", "both"], directory: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(try String(contentsOf: record, encoding: .utf8).contains(#""image":{"data":"iVBORw0KGgo"#))
        let examples = spec.agentExamples.map { "in \($0.request)\nout \($0.response ?? "")\n" }.joined()
        let handle = try FileHandle(forWritingTo: record)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(examples.utf8))
        try handle.close()
        let check = try DelveBinary.run(executable: python, ["-c", AgentScripts.validateTraffic,
                                                             ProtocolSpec.root.appendingPathComponent("docs/schema").path, record.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("valid:"), "\(check.stdout)")
    }
}

extension AgentModeEndToEndTests {
    @Test func aRunWithAnAgentProcessResumes() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (first, runDir) = try play(jobs: 1, in: dir, runID: "r")
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let episodes = runDir.appendingPathComponent("episodes.jsonl")
        let all = try String(contentsOf: episodes, encoding: .utf8).split(separator: "\n")
        try (all.prefix(3).joined(separator: "\n") + "\n").write(to: episodes, atomically: true, encoding: .utf8)
        let resumed = try DelveBinary.run(["eval", "--resume", "out/r", "--act-timeout", "30"], directory: dir)
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        #expect(try JSONFiles.lines(episodes).count == 8)
        let logs = try FileManager.default.contentsOfDirectory(atPath: runDir.appendingPathComponent("agent-logs").path).sorted()
        #expect(logs == ["agent-1.log", "agent-2.log"])
    }
}
