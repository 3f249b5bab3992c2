import Foundation
import Testing

/// Runs that real endpoints break: an agent error is recorded but not scored,
/// the run is incomplete (exit 3) until `--resume` plays it again, an outage
/// stops the run after a few errors in a row, and `--resume` works from any
/// folder and with a new agent.
@Suite(.enabled(if: Python.available, "python3 is not installed"))
struct IncompleteRunEndToEndTests {
    /// grid/goto episodes under the scripted endpoint and llm_agent.py.
    func eval(_ agent: String, in dir: URL, id: String, extra: [String] = []) throws -> DelveRun {
        try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "8", "--jobs", "2", "--agent", agent,
                             "--act-timeout", "60", "--out", "runs", "--run-id", id] + extra,
                            directory: dir, environment: ["no_proxy": "127.0.0.1"])
    }

    @Test func aThirtySecondOutageMidRunIsResumedToTheSummaryOfARunThatNeverFailed() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let steady = try ScriptedEndpoint(in: dir)
        defer { steady.stop() }
        let reference = try eval(steady.agent, in: dir, id: "reference")
        try #require(reference.status == 0, "\(reference.stderr)")
        let served = try String(contentsOf: steady.requestLog, encoding: .utf8).split(separator: "\n").count
        try #require(served > 40, "the outage must fall mid-run: \(served) requests in all")

        // The same run against an endpoint that fails for 30 s from its 30th request on.
        let flaky = try ScriptedEndpoint(in: dir, outageAt: 30, outageSeconds: 30)
        defer { flaky.stop() }
        let broken = try eval(flaky.agent, in: dir, id: "outage", extra: ["--max-consecutive-errors", "3"])
        #expect(broken.status == 3, "incomplete: \(broken.stderr)")
        #expect(broken.stdout.contains("Stopped after 3 agent errors in a row"), "\(broken.stdout)")
        let runDir = dir.appendingPathComponent("runs/outage")
        #expect(broken.stdout.contains("Finish the run with: delve eval --resume \(runDir.path)"), "\(broken.stdout)")
        let incomplete = try JSONFiles.object(runDir.appendingPathComponent("summary.json"))
        let missing = try #require(incomplete["missing"] as? [String: Any])
        #expect((missing["agent_errors"] as? Int ?? 0) >= 1)
        let overall = try #require(incomplete["overall"] as? [String: Any])
        #expect((overall["episodes"] as? Int ?? 0) < 8, "agent errors are not scores")
        try #require(try String(contentsOf: runDir.appendingPathComponent("summary.md"), encoding: .utf8).contains("Incomplete:"))

        // A scheduler's loop: resume until complete, a bounded number of times, a few seconds apart.
        var attempts = 0, status: Int32 = 3
        while status == 3 && attempts < 30 {
            attempts += 1
            if attempts > 1 { sleep(3) }
            let resumed = try DelveBinary.run(["eval", "--resume", "runs/outage", "--max-consecutive-errors", "3"], directory: dir,
                                              environment: ["no_proxy": "127.0.0.1"])
            status = resumed.status
        }
        #expect(status == 0, "complete after \(attempts) resumes")
        #expect(try JSONFiles.summaryWithoutTiming(runDir)
            == JSONFiles.summaryWithoutTiming(dir.appendingPathComponent("runs/reference")))
        // Every failed attempt is still in episodes.jsonl, before the attempt that counts.
        let lines = try JSONFiles.lines(runDir.appendingPathComponent("episodes.jsonl"))
        #expect(lines.count > 8)
        #expect(lines.filter { $0["end_reason"] as? String != "agent_error" }.count == 8)
    }

    @Test func anAgentErrorIsNotAScoreAndResumePlaysItAgain() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Crashes at the third act of the run's first process only (the marker file says it did).
        let agent = try AgentScripts.faultyAgent(in: dir, "crash 3 \(dir.path)/crashed")
        let first = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "3", "--jobs", "1", "--agent", agent,
                                         "--run-id", "r"], directory: dir)
        #expect(first.status == 3, "\(first.stderr)")
        let summary = try JSONFiles.object(dir.appendingPathComponent("runs/r/summary.json"))
        let task = try #require((summary["tasks"] as? [[String: Any]])?.first)
        #expect(task["episodes"] as? Int == 2 && task["agent_errors"] as? Int == 1)
        #expect(task["progress_mean"] as? Double == 0)

        let second = try DelveBinary.run(["eval", "--resume", "runs/r"], directory: dir)
        #expect(second.status == 0, "\(second.stderr)")
        let lines = try JSONFiles.lines(dir.appendingPathComponent("runs/r/episodes.jsonl"))
        #expect(lines.map { $0["end_reason"] as? String ?? "" } == ["agent_error", "budget", "budget", "budget"])
        #expect(lines.first?["seed"] as? Int == lines.last?["seed"] as? Int)

        // The same as a run whose agent never crashed (the marker exists now).
        let clean = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "3", "--jobs", "1", "--agent", agent,
                                         "--run-id", "clean"], directory: dir)
        #expect(clean.status == 0)
        #expect(try JSONFiles.summaryWithoutTiming(dir.appendingPathComponent("runs/r"))
            == JSONFiles.summaryWithoutTiming(dir.appendingPathComponent("runs/clean")))
    }

    @Test func resumeFromAnotherFolderStartsTheAgentWhereTheRunBegan() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try AgentScripts.faulty.write(to: dir.appendingPathComponent("agent.py"), atomically: true, encoding: .utf8)
        // A relative script and a relative marker: both only make sense in `dir`.
        let first = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "2", "--jobs", "1",
                                         "--agent", "python3 agent.py crash 2 crashed", "--run-id", "r"], directory: dir)
        #expect(first.status == 3, "\(first.stderr)")
        let info = try JSONFiles.object(dir.appendingPathComponent("runs/r/run.json"))
        #expect(info["working_directory"] as? String == dir.standardizedFileURL.path)
        let command = try #require(info["agent_command"] as? [String])
        #expect(command.first?.hasPrefix("/") == true && command.dropFirst().first == "agent.py", "\(command)")

        let elsewhere = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let resumed = try DelveBinary.run(["eval", "--resume", dir.appendingPathComponent("runs/r").path], directory: elsewhere)
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
    }

    @Test func aNewAgentOnResumeIsRecordedInTheHistory() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let crashing = try AgentScripts.faultyAgent(in: dir, "crash 1")
        let first = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "2", "--jobs", "1", "--agent", crashing,
                                         "--run-id", "r"], directory: dir)
        #expect(first.status == 3)
        let fixed = try AgentScripts.faultyAgent(in: dir, "garbage")
        let resumed = try DelveBinary.run(["eval", "--resume", "runs/r", "--agent", fixed], directory: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let info = try JSONFiles.object(dir.appendingPathComponent("runs/r/run.json"))
        #expect(info["agent"] as? String == fixed)
        let history = try #require(info["agent_history"] as? [[String: Any]])
        #expect(history.count == 1 && history.first?["agent"] as? String == crashing)
        #expect(history.first?["replaced_at"] is String)
    }

    @Test func manyErrorsInARowStopTheRunAndResumeFinishesIt() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let crashing = try AgentScripts.faultyAgent(in: dir, "crash 1")
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "10", "--jobs", "1", "--agent", crashing,
                                       "--max-consecutive-errors", "3", "--run-id", "r"], directory: dir)
        #expect(run.status == 3)
        #expect(run.stdout.contains("Incomplete: 10 episodes missing (3 ended in an agent error, 7 not played)"), "\(run.stdout)")
        #expect(try JSONFiles.lines(dir.appendingPathComponent("runs/r/episodes.jsonl")).count == 3)
        let summary = try JSONFiles.object(dir.appendingPathComponent("runs/r/summary.json"))
        #expect((summary["missing"] as? [String: Any])?["unplayed"] as? Int == 7)

        let fixed = try AgentScripts.faultyAgent(in: dir, "garbage")
        let resumed = try DelveBinary.run(["eval", "--resume", "runs/r", "--agent", fixed], directory: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let lines = try JSONFiles.lines(dir.appendingPathComponent("runs/r/episodes.jsonl"))
        #expect(lines.count == 13 && lines.dropFirst(3).allSatisfy { $0["end_reason"] as? String != "agent_error" })
    }

    @Test func tokensAndCostAreInTheTableTheFilesAndTheProgressLog() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Every act reports 10 prompt and 2 completion tokens and $0.001; grid/goto's budget is 64 steps.
        let agent = try AgentScripts.faultyAgent(in: dir, "garbage")
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "2", "--jobs", "1", "--agent", agent,
                                       "--run-id", "r"], directory: dir)
        #expect(run.status == 0)
        let header = try #require(run.stdout.split(separator: "\n").first)
        #expect(header.contains("tokens") && header.contains("cost"), "\(header)")
        #expect(run.stdout.contains("$0.1280"), "128 acts at $0.001: \(run.stdout)")
        #expect(run.stdout.contains("1.5k"), "128 × 12 tokens: \(run.stdout)")
        #expect(run.stderr.contains("768 tokens, $0.0640 so far"), "\(run.stderr)")
        let markdown = try String(contentsOf: dir.appendingPathComponent("runs/r/summary.md"), encoding: .utf8)
        #expect(markdown.contains("| tokens") && markdown.contains("$0.1280"), "\(markdown)")
        let csv = try String(contentsOf: dir.appendingPathComponent("runs/r/summary.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.first?.hasSuffix(",prompt_tokens,completion_tokens,cost_usd") == true)
        #expect(csv.last?.hasPrefix("overall,") == true && csv.last?.contains(",1280,256,0.12") == true, "\(csv.last ?? "")")
    }
}
