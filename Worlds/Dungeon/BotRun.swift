import DelveCore

/// One `descend` episode played by the bot (`DescendBot`, the task's expert) from a seed: how deep it went
/// and at which depth it reached each experience level, the figures `ProgressionEstimator` builds the
/// progression table from.
public struct BotRun: Sendable {
    /// The deepest level reached, and the depth at each experience level reached (index 0: level 1).
    public var run: ProgressionEstimator.Run
    /// Steps played.
    public var steps: Int
    /// How the episode ended; nil if it hit `stepLimit`.
    public var end: EndReason?
    /// The episode's progress under the shipped table.
    public var progress: Double

    /// Plays the bot on `seed` until the episode ends or `stepLimit` steps.
    public init(seed: UInt64, stepLimit: Int = 100_000) throws {
        var env = Env(task: DungeonFamily.spec.tasks[0])
        _ = try env.reset(seed: seed)
        var depthAtLevel = [1]
        while env.endReason == nil && env.steps < stepLimit {
            _ = try env.step(env.world.expertAction() ?? "search")
            guard let world = env.world as? DungeonWorld else { break }
            while depthAtLevel.count < world.game.hero.level { depthAtLevel.append(world.game.depth) }
        }
        let game = (env.world as? DungeonWorld)?.game
        run = ProgressionEstimator.Run(maxDepth: game?.maxDepth ?? 1, depthAtLevel: depthAtLevel)
        steps = env.steps
        end = env.endReason
        progress = env.tracker.progress
    }
}
