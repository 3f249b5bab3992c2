import DelveAgents
import DelveCore
@testable import DelveEval
import DelveSuites
import Foundation
import Testing

/// Agent errors are no scores: a run with them is incomplete, `resume` plays
/// them again and keeps their lines, and errors in a row stop a run early.
@Suite struct IncompleteRunTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("delve-incomplete-\(UUID().uuidString)")
    let suite = Suite(name: "lines", summary: "", entries: [SuiteEntry(task: "line/walk", seeds: [1, 2, 3, 4, 5, 6])])
    static let walk = Array(repeating: "forward", count: 10)

    func plan() throws -> EvalPlan { try EvalPlan(suite: suite, catalog: LineWorld.catalog) }

    /// An agent that fails the episodes whose seed is in `failing`, and plays the others through.
    struct Picky: Agent {
        let name = "picky"
        var failing: Set<UInt64>
        private var seed: UInt64 = 0
        private var turn = 0
        init(failing: Set<UInt64>) { self.failing = failing }
        mutating func beginEpisode(_ context: EpisodeContext) async throws(AgentFailure) {
            seed = context.seed
            turn = 0
        }
        mutating func act(_ turn: AgentTurn) async throws(AgentFailure) -> AgentReply {
            self.turn += 1
            if failing.contains(seed) && self.turn == 2 { throw AgentFailure("endpoint down") }
            return AgentReply(action: "forward", usage: Usage(promptTokens: 10, completionTokens: 2))
        }
    }

    func run(_ id: String, failing: Set<UInt64>, jobs: Int = 1, limit: Int? = nil) async throws -> RecordedRun {
        var evaluation = Evaluation(plan: try plan(), jobs: jobs, makeAgent: { Picky(failing: failing) })
        evaluation.maxConsecutiveErrors = limit
        return try await evaluation.record(to: root, runID: id, agentName: "picky")
    }

    @Test func resumePlaysAgentErrorsAgainKeepsTheirLinesAndEndsAsARunThatNeverFailed() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        var reference = try await run("clean", failing: []).summary
        reference.timing = nil
        let broken = try await run("broken", failing: [2, 5])
        #expect(!broken.isComplete && broken.agentErrors == 2)
        #expect(broken.summary.missing == MissingEpisodes(agentErrors: 2, unplayed: 0))
        #expect(broken.summary.overall.scores.episodes == 4)

        let stored = try StoredRun(at: broken.directory)
        #expect(stored.records.count == 6 && stored.retried == 0)
        var evaluation = Evaluation(plan: try stored.plan(catalog: LineWorld.catalog, builtins: []), jobs: 2,
                                    makeAgent: { Picky(failing: []) })
        evaluation.maxConsecutiveErrors = 5
        let resumed = try await evaluation.resume(stored)
        #expect(resumed.isComplete)
        var summary = resumed.summary
        summary.timing = nil
        #expect(summary == reference)

        let again = try StoredRun(at: broken.directory)
        #expect(again.retried == 2 && again.records.count == 6 && again.records.allSatisfy(\.scored))
        let lines = try String(contentsOf: broken.directory.appendingPathComponent("episodes.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 8 && lines.filter { $0.contains("\"agent_error\"") }.count == 2)
    }

    @Test func aRepeatedLineOfAScoredEpisodeIsStillRefused() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let broken = try await run("r", failing: [3])
        let file = broken.directory.appendingPathComponent("episodes.jsonl")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        let error = lines.first { $0.contains("\"agent_error\"") } ?? ""
        let scored = lines.first { !$0.contains("\"agent_error\"") } ?? ""
        // A retry after an error is fine; a second line after a scored one is not.
        try Data((lines + [error]).joined(separator: "\n").appending("\n").utf8).write(to: file)
        #expect(try StoredRun(at: broken.directory).retried == 1)
        try Data((lines + [scored]).joined(separator: "\n").appending("\n").utf8).write(to: file)
        #expect(throws: StoredRunError.self) { try StoredRun(at: broken.directory) }
    }

    @Test func errorsInARowStopStartingEpisodes() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let stopped = try await run("stopped", failing: [1, 2, 3, 4, 5, 6], limit: 3)
        #expect(stopped.stoppedOnErrors && stopped.records.count == 3)
        #expect(stopped.summary.missing == MissingEpisodes(agentErrors: 3, unplayed: 3))
        // A success between errors resets the count.
        let mixed = try await run("mixed", failing: [1, 2, 4, 5], limit: 3)
        #expect(!mixed.stoppedOnErrors && mixed.records.count == 6)
    }

    @Test func aRunInfoWithANewAgentKeepsTheOldOneInItsHistory() throws {
        let info = RunInfo(runID: "r", startedAt: "t", suite: suite, agent: "python3 a.py", agentCommand: ["/usr/bin/python3", "a.py"],
                           workingDirectory: "/work", jobs: 1, trajectories: true, episodes: 6, worlds: [])
        let replaced = info.replacingAgent(with: "python3 b.py", command: ["/usr/bin/python3", "b.py"], in: "/elsewhere",
                                           at: Date(timeIntervalSince1970: 0))
        #expect(replaced.agent == "python3 b.py" && replaced.workingDirectory == "/elsewhere")
        #expect(replaced.agentHistory == [AgentUse(agent: "python3 a.py", agentCommand: ["/usr/bin/python3", "a.py"],
                                                   workingDirectory: "/work", replacedAt: "1970-01-01T00:00:00Z")])
        let decoded = try JSONDecoder().decode(RunInfo.self, from: try JSONEncoder().encode(replaced))
        #expect(decoded == replaced)
    }

    @Test func theProgressLogShowsTokensRunningCostAndErrors() throws {
        var record = EpisodeRecord(task: "line/walk", seed: 1, revision: 7, progress: 50, steps: 5, stepBudget: 10, endReason: .agentError,
                                   totalReward: 0, milestones: [], progressCurve: [], invalidActions: 0, promptTokens: 1200,
                                   completionTokens: 100, error: "at step 6: endpoint down")
        let progress = RunProgress(finished: 2, total: 6, record: record, meanProgress: 100, played: 2, steps: 15, seconds: 3,
                                   agentErrors: 1, tokens: 2600, costUSD: 0.0123)
        #expect(progress.logLine == "[2/6] line/walk seed 1: agent_error, progress 50.0, 5 steps, 1.3k tokens, $0.0123 so far "
            + "(at step 6: endpoint down)\n")
        #expect(progress.bar.contains("mean progress 100.0  2.6k tokens  $0.0123  1 agent error"))
        record.promptTokens = 0
        record.completionTokens = 0
        let silent = RunProgress(finished: 1, total: 6, record: record, meanProgress: 0, played: 1, steps: 5, seconds: 1)
        #expect(!silent.bar.contains("tokens") && !silent.logLine.contains("tokens"))
    }
}
