import DelveCore
import Foundation

/// The numbers a summary reports for a group of episodes: a task, a family, or the whole run.
///
/// Progress follows BALROG: a group's mean of its episodes' progress, with
/// standard error = population standard deviation / √n. See docs/scoring.md.
/// An episode that ended `agent_error` is no score: it is left out of every
/// mean and rate, and only counted in `agentErrors` (and its tokens and cost
/// in the sums, since they were spent).
public struct Scores: Sendable, Hashable, Codable {
    /// Episodes scored in the group: those that did not end `agent_error`.
    public var episodes: Int
    /// Mean progress, in [0, 100].
    public var progressMean: Double
    /// Standard error of the mean progress.
    public var progressSE: Double
    /// 95% seeded bootstrap interval of the mean progress (`Bootstrap`).
    public var progressCI: ConfidenceInterval
    /// Mean area under the progress curve over the step budget, in [0, 100] (`EpisodeRecord.progressAUC`).
    public var progressAUC: Double
    /// Share of episodes that ended in success, in [0, 1].
    public var successRate: Double
    /// Mean steps per episode.
    public var meanSteps: Double
    /// Invalid actions over all steps taken, in [0, 1].
    public var invalidActionRate: Double
    /// Episodes that ended `agent_error`: missing from the scores until `--resume` plays them again.
    public var agentErrors: Int
    /// Prompt tokens the agent reported, summed.
    public var promptTokens: Int
    /// Completion tokens the agent reported, summed.
    public var completionTokens: Int
    /// Cost the agent reported, summed; nil when no episode reported any.
    public var costUSD: Double?
    /// Per milestone reached in a task's episodes (task rows only): the share
    /// of episodes that reached it and the median step at which they did.
    public var milestones: [String: MilestoneScores]?
    /// Crafter's score, in percent, for groups whose tasks have achievements
    /// (`TaskSpec.achievements`): exp(mean over achievements of ln(1 + s)) − 1,
    /// s being an achievement's success rate in percent. Nil for the others.
    public var crafterScore: Double?

    /// Creates scores from their values.
    public init(episodes: Int, progressMean: Double, progressSE: Double,
                progressCI: ConfidenceInterval = ConfidenceInterval(low: 0, high: 0), progressAUC: Double = 0,
                successRate: Double, meanSteps: Double, invalidActionRate: Double, agentErrors: Int = 0,
                promptTokens: Int = 0, completionTokens: Int = 0, costUSD: Double? = nil,
                milestones: [String: MilestoneScores]? = nil, crafterScore: Double? = nil) {
        self.episodes = episodes
        self.progressMean = progressMean
        self.progressSE = progressSE
        self.progressCI = progressCI
        self.progressAUC = progressAUC
        self.successRate = successRate
        self.meanSteps = meanSteps
        self.invalidActionRate = invalidActionRate
        self.agentErrors = agentErrors
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.costUSD = costUSD
        self.milestones = milestones
        self.crafterScore = crafterScore
    }

    /// Pools the episodes of one task or one family; `milestones` adds the
    /// per-milestone figures (for a task, whose milestones share one meaning),
    /// and `achievements`, when not empty, Crafter's score over them.
    public init(records all: [EpisodeRecord], milestones: Bool = false, achievements: [String] = []) {
        let records = all.filter(\.scored)
        let n = Double(max(records.count, 1))
        let progress = records.map(\.progress)
        let (mean, se) = Self.meanAndStandardError(progress)
        let steps = records.saturatingSum(\.steps)
        let invalid = records.saturatingSum(\.invalidActions)
        let costs = all.compactMap(\.costUSD)
        self.init(
            episodes: records.count, progressMean: mean, progressSE: se, progressCI: Bootstrap.interval([progress]),
            progressAUC: records.reduce(0) { $0 + $1.progressAUC } / n,
            successRate: Double(records.count(where: \.success)) / n,
            meanSteps: Double(steps) / n,
            invalidActionRate: steps == 0 ? 0 : Double(invalid) / Double(steps),
            agentErrors: all.count(where: { $0.endReason == .agentError }),
            promptTokens: all.saturatingSum(\.promptTokens),
            completionTokens: all.saturatingSum(\.completionTokens),
            costUSD: costs.isEmpty ? nil : costs.saturatingSum { $0 },
            milestones: milestones ? MilestoneScores.of(records) : nil,
            crafterScore: achievements.isEmpty ? nil : Self.crafterScore(records, achievements: achievements))
    }

    /// Crafter's score (Hafner 2021): each achievement's success rate s, in
    /// percent of `records` that unlocked it, then exp(mean(ln(1 + s))) − 1.
    public static func crafterScore(_ records: [EpisodeRecord], achievements: [String]) -> Double {
        let n = Double(max(records.count, 1))
        let logs = achievements.map { id in
            let unlocked = records.count(where: { record in record.milestones.contains { $0.id == id } })
            return log(1 + 100 * Double(unlocked) / n)
        }
        return exp(logs.reduce(0, +) / Double(max(achievements.count, 1))) - 1
    }

    /// The run's overall scores from its families' or groups' (BALROG's rule
    /// over its environments): each counts once. Mean = the unweighted mean
    /// of their means; SE = √(Σ SE²) / their number. Rates, mean steps and
    /// AUC are likewise unweighted means; counts are sums. The interval
    /// resamples each one's episode progress (`progress`, one list each)
    /// within it. One with no scored episode (all ended `agent_error`) is
    /// left out of the means, and so is its list.
    public init(combining all: [Scores], progress allProgress: [[Double]]) {
        let families = all.filter { $0.episodes > 0 }
        let progress = allProgress.filter { !$0.isEmpty }
        let count = Double(max(families.count, 1))
        func mean(_ value: (Scores) -> Double) -> Double { families.reduce(0) { $0 + value($1) } / count }
        let costs = all.compactMap(\.costUSD)
        self.init(
            episodes: families.saturatingSum(\.episodes),
            progressMean: mean(\.progressMean),
            progressSE: families.reduce(0) { $0 + $1.progressSE * $1.progressSE }.squareRoot() / count,
            progressCI: Bootstrap.interval(progress), progressAUC: mean(\.progressAUC),
            successRate: mean(\.successRate),
            meanSteps: mean(\.meanSteps),
            invalidActionRate: mean(\.invalidActionRate),
            agentErrors: all.saturatingSum(\.agentErrors),
            promptTokens: all.saturatingSum(\.promptTokens),
            completionTokens: all.saturatingSum(\.completionTokens),
            costUSD: costs.isEmpty ? nil : costs.saturatingSum { $0 })
    }

    /// Mean and standard error (population SD / √n) of `values`; zeros when empty.
    public static func meanAndStandardError(_ values: [Double]) -> (mean: Double, standardError: Double) {
        guard !values.isEmpty else { return (0, 0) }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        return (mean, (variance / n).squareRoot())
    }

    enum CodingKeys: String, CodingKey {
        case episodes
        case progressMean = "progress_mean"
        case progressSE = "progress_se"
        case progressCI = "progress_ci"
        case progressAUC = "progress_auc"
        case successRate = "success_rate"
        case meanSteps = "mean_steps"
        case invalidActionRate = "invalid_action_rate"
        case agentErrors = "agent_errors"
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case costUSD = "cost_usd"
        case milestones
        case crafterScore = "crafter_score"
    }
}
