import DelveCore

extension EpisodeRecord {
    /// Area under the episode's progress curve over its step budget, in [0, 100].
    ///
    /// The curve is a step function: progress p at the curve's point (s, p)
    /// holds until the next point, and after the episode's last step it stays
    /// at its final value until the budget B. AUC = Σᵢ pᵢ · (sᵢ₊₁ − sᵢ) / B,
    /// with the last sᵢ₊₁ = B. Reaching progress sooner scores higher.
    public var progressAUC: Double {
        guard stepBudget > 0 else { return progress }
        var area = 0.0
        for (point, next) in zip(progressCurve, progressCurve.dropFirst().map(\.step) + [stepBudget]) {
            area += point.progress * Double(min(next, stepBudget) - min(point.step, stepBudget))
        }
        return area / Double(stepBudget)
    }
}
