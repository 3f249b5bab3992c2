import DelveCore

/// How a task's episodes fared on one milestone.
public struct MilestoneScores: Sendable, Hashable, Codable {
    /// Share of the episodes that reached it, in [0, 1].
    public var reached: Double
    /// Median step at which it was first reached, over the episodes that
    /// reached it (the mean of the two middle steps when their number is even).
    public var medianSteps: Double

    /// Creates milestone scores.
    public init(reached: Double, medianSteps: Double) {
        self.reached = reached
        self.medianSteps = medianSteps
    }

    /// Every milestone some episode in `records` reached, by id.
    static func of(_ records: [EpisodeRecord]) -> [String: MilestoneScores] {
        var steps: [String: [Int]] = [:]
        for record in records {
            for reach in record.milestones { steps[reach.id, default: []].append(reach.step) }
        }
        let n = Double(max(records.count, 1))
        return steps.mapValues { MilestoneScores(reached: Double($0.count) / n, medianSteps: $0.map(Double.init).median) }
    }

    enum CodingKeys: String, CodingKey {
        case reached
        case medianSteps = "median_steps"
    }
}
