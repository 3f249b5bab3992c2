import DelveCore
import DelveSuites
import Foundation
import Testing

/// The keys of the JSON object `value` encodes to.
private func keys(_ value: some Encodable) throws -> Set<String> {
    let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
    return Set(try #require(object as? [String: Any]).keys)
}

private func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
    try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
}

@Suite struct CodingTests {
    static let observation = Observation(text: "a room", status: "hp 3", mission: "find the key",
                                         legalActions: ["go forward", "turn left"], feedback: "ok")

    static let record = EpisodeRecord(
        task: "grid/goto", seed: 1_000_003, revision: 2, progress: 50, steps: 12, stepBudget: 64, endReason: .budget,
        totalReward: 0.5, milestones: [MilestoneReach(id: "key", step: 4)],
        progressCurve: [ProgressPoint(step: 0, progress: 0), ProgressPoint(step: 4, progress: 50)],
        invalidActions: 3, agentLatencyMean: 0.25, promptTokens: 100, completionTokens: 20)

    @Test func observationKeysAreSnakeCase() throws {
        #expect(try keys(Self.observation) == ["text", "status", "mission", "legal_actions", "feedback"])
        var withMap = Self.observation
        withMap.map = ["###", "#@#"]
        #expect(try keys(withMap) == ["text", "status", "mission", "legal_actions", "feedback", "map"])
        #expect(try roundTrip(withMap) == withMap)
    }

    @Test func observationDecodesFromTheDocumentedShape() throws {
        let json = #"{"text": "t", "status": "s", "mission": "m", "legal_actions": ["a"], "feedback": "f"}"#
        let decoded = try JSONDecoder().decode(Observation.self, from: Data(json.utf8))
        #expect(decoded == Observation(text: "t", status: "s", mission: "m", legalActions: ["a"], feedback: "f"))
    }

    @Test func episodeRecordKeysAreSnakeCase() throws {
        #expect(try keys(Self.record) == [
            "task", "seed", "revision", "progress", "steps", "step_budget", "end_reason", "success", "total_reward",
            "milestones", "progress_curve", "invalid_actions", "agent_latency_mean", "prompt_tokens", "completion_tokens",
        ])
        var failed = Self.record
        failed.costUSD = 0.01
        failed.error = "agent hung"
        #expect(try keys(failed).isSuperset(of: ["cost_usd", "error"]))
        #expect(try roundTrip(failed) == failed)
    }

    @Test func episodeRecordValuesAreWrittenAsDocumented() throws {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.record))
        let fields = try #require(object as? [String: Any])
        #expect(fields["end_reason"] as? String == "budget")
        #expect(fields["success"] as? Bool == false)
        #expect(fields["step_budget"] as? Int == 64)
        let curve = try #require(fields["progress_curve"] as? [[String: Any]])
        #expect(curve.map { Set($0.keys) } == [["step", "progress"], ["step", "progress"]])
        let milestones = try #require(fields["milestones"] as? [[String: Any]])
        #expect(milestones.first?["id"] as? String == "key")
        #expect(milestones.first?["step"] as? Int == 4)
    }

    @Test func successFollowsTheEndReason() {
        for reason in EndReason.allCases {
            let record = EpisodeRecord(task: "grid/goto", seed: 1, revision: 1, progress: 100, steps: 1, stepBudget: 1,
                                       endReason: reason, totalReward: 0, milestones: [], progressCurve: [], invalidActions: 0)
            #expect(record.success == (reason == .success))
        }
    }

    @Test func endReasonsUseTheDocumentedNames() {
        #expect(EndReason.allCases.map(\.rawValue) == ["success", "failure", "death", "budget", "agent_error", "aborted"])
    }

    @Test func trajectoryStepKeysAreSnakeCase() throws {
        let step = TrajectoryStep(step: 1, action: "go forward", reasoning: nil, valid: true, reward: 0, progress: 0,
                                  milestones: [], observation: Self.observation, latency: 0.1, endReason: .success)
        #expect(try keys(step) == ["step", "action", "valid", "reward", "progress", "milestones", "observation",
                                   "latency", "end_reason"])
        #expect(try roundTrip(step) == step)
    }

    @Test func usageKeysAreSnakeCase() throws {
        let usage = Usage(promptTokens: 10, completionTokens: 2, costUSD: 0.5)
        #expect(try keys(usage) == ["prompt_tokens", "completion_tokens", "cost_usd"])
        #expect(try roundTrip(usage) == usage)
    }

    @Test func suiteEntriesMayLeaveOutOptionsAndBudget() throws {
        let bare = #"{"task": "grid/goto", "seeds": [1000000, 1000001]}"#
        let entry = try JSONDecoder().decode(SuiteEntry.self, from: Data(bare.utf8))
        #expect(entry == SuiteEntry(task: "grid/goto", seeds: [1_000_000, 1_000_001]))
        let full = #"{"task": "grid/goto", "seeds": [5], "step_budget": 9, "options": {"size": 6}}"#
        let withAll = try JSONDecoder().decode(SuiteEntry.self, from: Data(full.utf8))
        #expect(withAll.stepBudget == 9)
        #expect(withAll.options == ["size": .int(6)])
        #expect(try keys(withAll) == ["task", "seeds", "step_budget", "options"])
    }

    @Test func aSuiteCountsItsEpisodes() throws {
        let suite = Suite(name: "s", summary: "", entries: [
            SuiteEntry(task: "a/b", seeds: [1, 2, 3]), SuiteEntry(task: "a/c", seeds: []), SuiteEntry(task: "a/d", seeds: [9]),
        ])
        #expect(suite.episodeCount == 4)
        #expect(try roundTrip(suite) == suite)
    }

    @Test func stepResultsDefaultToAValidOngoingStep() {
        let result = StepResult(observation: Self.observation)
        #expect(result.valid)
        #expect(!result.terminated)
        #expect(result.reward == 0)
        #expect(result.milestones.isEmpty)
        #expect(StepResult(observation: Self.observation, ending: .death).terminated)
    }
}
