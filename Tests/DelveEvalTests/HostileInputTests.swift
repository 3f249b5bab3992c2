import DelveAgents
import DelveCore
@testable import DelveEval
import DelveFormats
import DelveSuites
import Foundation
import Testing

/// What an agent reports and what a run directory holds, at their worst:
/// numbers that overflow when summed, out-of-range fields, and markup and
/// control sequences in names. Runs, summaries and resumes go on; files and
/// tables show the text as written.
@Suite struct HostileInputTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("delve-hostile-\(UUID().uuidString)")
    let suite = Suite(name: "lines", summary: "", entries: [SuiteEntry(task: "line/walk", seeds: [1, 2, 3])])

    /// Walks forward, reporting the largest token counts and cost there are at every turn.
    struct Spender: Agent {
        let name = "spender"
        func act(_ turn: AgentTurn) async throws(AgentFailure) -> AgentReply {
            AgentReply(action: "forward", usage: Usage(promptTokens: .max, completionTokens: .max, costUSD: .greatestFiniteMagnitude))
        }
    }

    @Test func tokensAndCostThatOverflowWhenSummedSaturateAndTheRunResumes() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try EvalPlan(suite: suite, catalog: LineWorld.catalog)
        let run = try await Evaluation(plan: plan, jobs: 2, makeAgent: { Spender() }).record(to: root, runID: "r", agentName: "spender")
        let overall = run.summary.overall.scores
        #expect(overall.promptTokens == .max && overall.completionTokens == .max)
        #expect(overall.costUSD == .greatestFiniteMagnitude)
        #expect(run.summary.tasks.count == 1 && overall.episodes == 3)
        _ = try JSONFormat.prettyText(run.summary)
        // Reading the run back (what --resume, merge and summary do) sums the same way.
        let stored = try StoredRun(at: run.directory)
        let resumed = try await Evaluation(plan: try stored.plan(catalog: LineWorld.catalog, builtins: []), jobs: 1,
                                           makeAgent: { Spender() }).resume(stored)
        #expect(resumed.summary.overall.scores.promptTokens == .max)
        #expect(SummaryReport(resumed.summary).table.contains("tokens"))
    }

    @Test(arguments: [
        (#""progress":100"#, #""progress":1000000"#, "progress 1000000.0 is outside 0…100"),
        (#""steps":"#, #""steps":-"#, "is outside 0…"),
        (#""seed":1"#, #""seed":18446744073709551615"#, "seed 18446744073709551615 is not"),
        (#""prompt_tokens":0"#, #""prompt_tokens":-3"#, "token counts -3"),
    ])
    func anOutOfRangeFieldInEpisodesJSONLIsRefusedByLine(find: String, replace: String, message: String) async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try EvalPlan(suite: suite, catalog: LineWorld.catalog)
        let run = try await Evaluation(plan: plan, jobs: 1, makeAgent: { ExpertAgent() }).record(to: root, runID: "r", agentName: "expert")
        let file = run.directory.appendingPathComponent("episodes.jsonl")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        try #require(lines[0].contains(find), "\(lines[0])")
        lines[0] = lines[0].replacingOccurrences(of: find, with: replace)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let error = try #require(throws: StoredRunError.self) { try StoredRun(at: run.directory) }
        guard case let .corruptLine(_, line, reason) = error else { Issue.record("\(error)"); return }
        #expect(line == 1)
        #expect(reason.contains(message), "\(reason)")
    }

    @Test(arguments: ["1e308", "-5", "0"])
    func anEpisodeTimeoutOutOfRangeInRunJSONIsRefused(value: String) async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try EvalPlan(suite: suite, catalog: LineWorld.catalog)
        let run = try await Evaluation(plan: plan, jobs: 1, runner: EpisodeRunner(episodeTimeout: .seconds(100)),
                                       makeAgent: { ExpertAgent() }).record(to: root, runID: "r", agentName: "expert")
        let file = run.directory.appendingPathComponent("run.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains(#""episode_timeout" : 100"#))
        try Data(text.replacingOccurrences(of: #""episode_timeout" : 100"#, with: #""episode_timeout" : \#(value)"#).utf8).write(to: file)
        let error = try #require(throws: StoredRunError.self) { try StoredRun(at: run.directory) }
        #expect(error.description.contains("is not more than 0 and at most 2592000 seconds"), "\(error)")
    }

    @Test func namesInTheSummaryShowAsWrittenInMarkdownCSVAndTheTerminal() throws {
        let name = "evil|*x*\u{1B}]0;t\u{07},=1"
        let record = EpisodeRecord(task: name, seed: 1, revision: 1, progress: 50, steps: 1, stepBudget: 4, endReason: .budget,
                                   totalReward: 0, milestones: [], progressCurve: [], invalidActions: 0)
        let summary = Summary(records: [record])
        let report = SummaryReport(summary)
        let markdown = report.markdown(title: "suite <b>\u{1B}[2J")
        #expect(markdown.hasPrefix("# suite \\<b\\>^\\[\\[2J\n"))
        #expect(markdown.contains("| evil\\|\\*x\\*^\\[\\]0;t^G,=1 |"))
        #expect(!markdown.contains("\u{1B}") && !report.table.contains("\u{1B}") && !report.csv.contains("\u{1B}"))
        #expect(report.table.contains("evil|*x*^[]0;t^G,=1"))
        #expect(report.csv.contains("\ntask,\"evil|*x*^[]0;t^G,=1\",1,"))
    }
}
