import DelveCore
import Testing

/// `EpisodeRecord.rangeProblem` names the field out of what a run writes.
@Suite struct EpisodeRecordRangeTests {
    static let good = EpisodeRecord(task: "grid/goto", seed: 7, revision: 1, progress: 50, steps: 10, stepBudget: 64,
                                    endReason: .budget, totalReward: 0, milestones: [MilestoneReach(id: "key", step: 4)],
                                    progressCurve: [ProgressPoint(step: 0, progress: 0), ProgressPoint(step: 4, progress: 50)],
                                    invalidActions: 2, agentLatencyMean: 0.1, promptTokens: 5, completionTokens: 1, costUSD: 0.5)

    @Test func aRecordAsARunWritesItHasNoProblem() {
        #expect(Self.good.rangeProblem == nil)
        var huge = Self.good
        huge.promptTokens = .max
        huge.completionTokens = .max
        huge.costUSD = .greatestFiniteMagnitude
        #expect(huge.rangeProblem == nil, "large but valid counts are summed saturating, not refused")
    }

    @Test(arguments: [
        ("progress", "progress 1000000.0 is outside 0…100"),
        ("seed", "seed 9007199254740992 is not a whole number from 0 to 9007199254740991"),
        ("steps", "steps 65 is outside 0…64"),
        ("budget", "step_budget 0 is outside"),
        ("invalid", "invalid_actions 11 is outside 0…10"),
        ("milestone", "milestone key at step -1"),
        ("curve", "progress_curve point (step 3, progress 50.0) is out of order"),
        ("cost", "cost_usd -1.0 is negative"),
        ("tokens", "token counts -5, 1 are negative"),
        ("latency", "agent_latency_mean -0.5 is negative"),
    ])
    func eachFieldOutOfRangeIsNamed(field: String, message: String) throws {
        var record = Self.good
        switch field {
        case "progress": record.progress = 1e6
        case "seed": record.seed = 1 << 53
        case "steps": record.steps = 65
        case "budget": record.stepBudget = 0
        case "invalid": record.invalidActions = 11
        case "milestone": record.milestones = [MilestoneReach(id: "key", step: -1)]
        case "curve": record.progressCurve = [ProgressPoint(step: 4, progress: 10), ProgressPoint(step: 3, progress: 50)]
        case "cost": record.costUSD = -1
        case "tokens": record.promptTokens = -5
        default: record.agentLatencyMean = -0.5
        }
        let problem = try #require(record.rangeProblem)
        #expect(problem.contains(message), "\(problem)")
    }
}
