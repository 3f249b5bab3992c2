import DelveCore
import DelveEval
import DelveFormats

/// One task's speed: a line of `delve bench --json`.
public struct BenchResult: Sendable, Hashable, Codable {
    /// `family/task`.
    public var task: String
    /// `World.step` calls per second with random legal actions, resets
    /// included when an episode ends: the figure peers report.
    public var stepsPerSec: Double
    /// `World.reset` calls per second, seeds 0, 1, 2, …
    public var resetsPerSec: Double
    /// The same random play through `Env` (budget, progress tracking), per second.
    public var envStepsPerSec: Double

    /// Creates a result.
    public init(task: String, stepsPerSec: Double, resetsPerSec: Double, envStepsPerSec: Double) {
        self.task = task
        self.stepsPerSec = stepsPerSec
        self.resetsPerSec = resetsPerSec
        self.envStepsPerSec = envStepsPerSec
    }

    enum CodingKeys: String, CodingKey {
        case task
        case stepsPerSec = "steps_per_sec"
        case resetsPerSec = "resets_per_sec"
        case envStepsPerSec = "env_steps_per_sec"
    }
}

/// Measures how fast a task's world resets and steps, on the calling thread.
///
/// Each figure is the median of `repetitions` timed loops of `duration`
/// each. The loops do nothing per iteration beyond the world's own work and
/// drawing an action from a `SeededRandom`; the clock is read once every
/// `batch` iterations. Every observation is built by the world as it steps,
/// so its cost is included.
public struct Bench: Sendable {
    /// Timed loops per figure; the median is reported.
    public var repetitions: Int
    /// Length of one timed loop.
    public var duration: Duration
    /// Iterations between clock reads.
    public let batch = 64

    /// The seed of the action stream: the same actions every run.
    public static let actionSeed: UInt64 = 0xBE4C_0000_0000_0001

    /// A bench of `repetitions` loops of `duration` per figure.
    public init(repetitions: Int = 5, duration: Duration = .milliseconds(200)) {
        self.repetitions = max(1, repetitions)
        self.duration = duration
    }

    /// Measures one task with its default options.
    public func measure(_ task: TaskSpec) throws(WorldError) -> BenchResult {
        let resets = try median { () throws(WorldError) in try resetRate(task.make()) }
        let steps = try median { () throws(WorldError) in try stepRate(task.make()) }
        let envSteps = try median { () throws(WorldError) in try envStepRate(Env(task: task)) }
        return BenchResult(task: task.id, stepsPerSec: steps, resetsPerSec: resets, envStepsPerSec: envSteps)
    }

    /// The median of `repetitions` runs of `rate`.
    private func median<E: Error>(_ rate: () throws(E) -> Double) throws(E) -> Double {
        var rates: [Double] = []
        for _ in 0..<repetitions { rates.append(try rate()) }
        return rates.median
    }

    /// Runs `body` in batches until `duration` has passed; returns iterations per second.
    private func timed<E: Error>(_ body: () throws(E) -> Void) throws(E) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: duration)
        var iterations = 0
        var now = start
        repeat {
            for _ in 0..<batch { try body() }
            iterations += batch
            now = clock.now
        } while now < deadline
        return Double(iterations) / start.duration(to: now).seconds
    }

    private func resetRate<W: World>(_ world: W) throws(WorldError) -> Double {
        var world = world
        var seed: UInt64 = 0
        return try timed { () throws(WorldError) in
            _ = try world.reset(seed: seed, options: .defaults)
            seed += 1
        }
    }

    private func stepRate<W: World>(_ world: W) throws(WorldError) -> Double {
        var world = world
        var random = SeededRandom(seed: Self.actionSeed)
        var seed: UInt64 = 0
        var actions = try world.reset(seed: seed, options: .defaults).legalActions
        var budget = world.stepBudget
        var taken = 0
        return try timed { () throws(WorldError) in
            if actions.isEmpty || taken >= budget {
                seed += 1
                actions = try world.reset(seed: seed, options: .defaults).legalActions
                budget = world.stepBudget
                taken = 0
            }
            let result = world.step(actions[random.below(actions.count)])
            taken += 1
            actions = result.terminated ? [] : result.observation.legalActions
        }
    }

    private func envStepRate(_ env: Env) throws(WorldError) -> Double {
        var env = env
        var random = SeededRandom(seed: Self.actionSeed)
        var seed: UInt64 = 0
        var actions = try env.reset(seed: seed).legalActions
        return try timed { () throws(WorldError) in
            if actions.isEmpty || env.endReason != nil {
                seed += 1
                actions = try env.reset(seed: seed).legalActions
            }
            let step = env.stepLive(actions[random.below(actions.count)])
            actions = step.done ? [] : step.observation.legalActions
        }
    }
}
