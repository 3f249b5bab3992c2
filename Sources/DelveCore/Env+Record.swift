extension Env {
    /// The episode's line for episodes.jsonl as it stands, ended for
    /// `endReason`: its score, steps, milestones and progress curve. What the
    /// player cost (latency, tokens, an error) is the caller's to fill in.
    public func record(endReason: EndReason) -> EpisodeRecord {
        EpisodeRecord(task: task.id, seed: seed, revision: world.revision, progress: tracker.progress, steps: steps,
                      stepBudget: budget, endReason: endReason, totalReward: totalReward, milestones: tracker.reached,
                      progressCurve: tracker.curve, invalidActions: invalidActions)
    }
}
