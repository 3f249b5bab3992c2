/// A sub-goal a task declares, worth part of the progress score.
public struct Milestone: Sendable, Hashable, Codable {
    /// Stable identifier, e.g. `collect_wood` or `subgoal_1`.
    public var id: String
    /// Human description, e.g. "pick up the red key".
    public var title: String
    /// Share of the progress score, in points out of 100 for the task.
    public var weight: Double

    /// Creates a milestone.
    public init(id: String, title: String, weight: Double) {
        self.id = id
        self.title = title
        self.weight = weight
    }
}

/// When a milestone was first reached within an episode.
public struct MilestoneReach: Sendable, Hashable, Codable {
    /// The milestone id.
    public var id: String
    /// The step (1-based count of actions taken) on which it was reached.
    public var step: Int

    /// Creates a record.
    public init(id: String, step: Int) {
        self.id = id
        self.step = step
    }
}

/// A change point of the progress curve: from `step` on, progress is `progress`.
public struct ProgressPoint: Sendable, Hashable, Codable {
    /// The step at which progress rose.
    public var step: Int
    /// The progress from then on, in [0, 100].
    public var progress: Double

    /// Creates a point.
    public init(step: Int, progress: Double) {
        self.step = step
        self.progress = progress
    }
}

/// Keeps an episode's progress monotone (BALROG's "progression") and notes
/// when each milestone was first reached.
public struct ProgressTracker: Sendable, Hashable {
    /// The best progress so far, in [0, 100].
    public private(set) var progress: Double = 0
    /// Milestones in the order they were first reached.
    public private(set) var reached: [MilestoneReach] = []
    /// The steps at which progress rose (step 0 is the start, at 0).
    public private(set) var curve: [ProgressPoint] = [ProgressPoint(step: 0, progress: 0)]

    /// A tracker at zero progress.
    public init() {}

    /// Folds in a step's raw progress and newly reached milestones.
    /// Returns the milestones that are new to this episode.
    @discardableResult
    public mutating func record(step: Int, progress raw: Double, milestones: [String]) -> [String] {
        var fresh: [String] = []
        for id in milestones where !reached.contains(where: { $0.id == id }) {
            reached.append(MilestoneReach(id: id, step: step))
            fresh.append(id)
        }
        let clamped = min(100, max(0, raw))
        if clamped > progress {
            progress = clamped
            curve.append(ProgressPoint(step: step, progress: clamped))
        }
        return fresh
    }
}
