import DelveCore

extension Summary {
    /// The summary of a run of `plan`: `records` scored with the plan's
    /// achievements, counted against its episodes, its overall over the
    /// suite's groups when it has them, under its profile.
    init(records: [EpisodeRecord], timing: RunTiming? = nil, plan: EvalPlan) {
        self.init(records: records, timing: timing, achievements: plan.achievements, planned: plan.episodes.count,
                  groups: plan.groups, profile: plan.profile)
    }
}
