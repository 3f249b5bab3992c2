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

    /// Episode lines without the wall-clock latency.
    func scores(_ runDir: URL) throws -> [String] {
        try JSONFiles.lines(runDir.appendingPathComponent("episodes.jsonl")).map { line in
            var line = line
            line["agent_latency_mean"] = nil
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
}
