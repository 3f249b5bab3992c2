extension EpisodeRecord {
    /// The largest step budget: what `env/reset`'s `step_budget` and a suite's accept.
    public static let maximumStepBudget = Int(Int32.max)

    /// What is out of range in the record, in one line; nil when every field
    /// is within what a run writes: the seed in `Seeds.range`; progress (the
    /// final one and along the curve) in [0, 100]; a step budget from 1 to
    /// `maximumStepBudget`; steps within the budget; invalid actions,
    /// milestones and curve points within the steps; tokens, cost and
    /// latency not negative. A record read from a file is checked before any
    /// of it is averaged or summed.
    public var rangeProblem: String? {
        if !Seeds.range.contains(seed) { return "seed \(seed) is not \(Seeds.rule)" }
        if revision < 0 { return "revision \(revision) is negative" }
        if !(0...100).contains(progress) { return "progress \(progress) is outside 0…100" }
        if !(1...Self.maximumStepBudget).contains(stepBudget) {
            return "step_budget \(stepBudget) is outside 1…\(Self.maximumStepBudget)"
        }
        if !(0...stepBudget).contains(steps) { return "steps \(steps) is outside 0…\(stepBudget) (the step budget)" }
        if !(0...steps).contains(invalidActions) { return "invalid_actions \(invalidActions) is outside 0…\(steps) (the steps)" }
        if let reach = milestones.first(where: { !(0...steps).contains($0.step) }) {
            return "milestone \(reach.id) at step \(reach.step) is outside 0…\(steps) (the steps)"
        }
        var previous = 0
        for point in progressCurve {
            guard (previous...steps).contains(point.step), (0...100).contains(point.progress) else {
                return "progress_curve point (step \(point.step), progress \(point.progress)) is out of order or outside "
                    + "0…\(steps) steps and 0…100 progress"
            }
            previous = point.step
        }
        if !(agentLatencyMean >= 0) { return "agent_latency_mean \(agentLatencyMean) is negative" }
        if promptTokens < 0 || completionTokens < 0 { return "token counts \(promptTokens), \(completionTokens) are negative" }
        if let costUSD, !(costUSD >= 0) { return "cost_usd \(costUSD) is negative" }
        return nil
    }
}
