/// Why an `Env` refused a call.
public enum EnvError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `step` before the first `reset`.
    case notStarted
    /// `step` after the episode ended.
    case episodeOver

    /// One line naming the problem.
    public var description: String {
        switch self {
        case .notStarted: return "the episode has not started: reset first"
        case .episodeOver: return "the episode is over: reset to start another"
        }
    }
}

/// One step as the episode sees it: the world's answer plus budget and progress.
public struct EnvStep: Sendable, Hashable {
    /// The observation after the action.
    public var observation: Observation
    /// The step's reward.
    public var reward: Double
    /// The task itself ended.
    public var terminated: Bool
    /// The step budget ran out before the task ended.
    public var truncated: Bool
    /// Monotone progress after this step, in [0, 100].
    public var progress: Double
    /// Milestones first reached on this step.
    public var milestones: [String]
    /// Whether the action was valid.
    public var valid: Bool
    /// Set on the last step of the episode.
    public var endReason: EndReason?
    /// Steps taken so far, this one included.
    public var step: Int
    /// The action played in place of a refused one under
    /// `InvalidActionPolicy.default`; nil when the action given was played.
    public var executed: String? = nil

    /// True on the episode's last step.
    public var done: Bool { terminated || truncated }
}

/// A world playing one task under a step budget, with progress tracking and
/// counts: the unit that eval, play and serve all drive. A value type, so a
/// copy is a snapshot of the whole episode.
public struct Env: Sendable {
    /// The task being played.
    public let task: TaskSpec
    /// The world, with its full state.
    public private(set) var world: any World
    /// The seed of the current episode.
    public private(set) var seed: UInt64 = 0
    /// Steps taken in the current episode.
    public private(set) var steps = 0
    /// The step budget of the current episode.
    public private(set) var budget = 0
    /// Actions that were not valid, counted.
    public private(set) var invalidActions = 0
    /// Summed reward.
    public private(set) var totalReward = 0.0
    /// Progress, milestones, and the progress curve.
    public private(set) var tracker = ProgressTracker()
    /// Set once the episode has ended.
    public private(set) var endReason: EndReason?
    /// Whether `reset` has been called.
    public private(set) var started = false
    /// The profile of the current episode (`WorldOptions.profile` at reset).
    public private(set) var profile = Profile.delve
    /// Whether observations carry the ASCII map.
    public var includeMap = false
    /// Whether observations carry the world's symbolic arrays (`World.symbolic`).
    public var includeSymbolic = false
    /// What a step does with an action the world refuses.
    public var invalidActionPolicy = InvalidActionPolicy.noop
    /// How an answer is matched to the world's actions.
    public var actionMatching = ActionMatching.forgiving
    /// Pictures in observations, when asked for; nil draws none, so text-only episodes pay nothing.
    public var imaging: Imaging?

    /// An env for a task; call `reset` before stepping.
    public init(task: TaskSpec) {
        self.task = task
        world = task.make()
    }

    /// Starts an episode. `budget` overrides the instance's own step budget.
    public mutating func reset(seed: UInt64, options: WorldOptions = .defaults, budget: Int? = nil) throws(WorldError) -> Observation {
        var observation = try world.reset(seed: seed, options: options)
        self.seed = seed
        profile = options.profile
        self.budget = budget ?? world.stepBudget
        steps = 0
        invalidActions = 0
        totalReward = 0
        tracker = ProgressTracker()
        tracker.record(step: 0, progress: world.progress, milestones: [])
        endReason = nil
        started = true
        addExtras(to: &observation)
        return observation
    }

    /// Plays one action. An invalid action uses a step of the budget and is
    /// counted; it leaves the world unchanged, or, under
    /// `InvalidActionPolicy.default`, the world's default action is played in
    /// its place. Under `ActionMatching.exact` an action outside the world's
    /// `actionVocabulary` is invalid without reaching the world.
    ///
    /// In the `balrog` profile, whose observations have no feedback line, the
    /// observation's text after a substituted default action starts by
    /// saying so, as BALROG's evaluator tells the model.
    public mutating func step(_ action: String) throws(EnvError) -> EnvStep {
        guard started else { throw .notStarted }
        guard endReason == nil else { throw .episodeOver }
        var result: StepResult
        if actionMatching == .exact, let vocabulary = world.actionVocabulary, !vocabulary.contains(action) {
            var unchanged = world.observation
            unchanged.feedback = "\"\(action)\" is not one of this task's actions, exactly as written."
            result = StepResult(observation: unchanged, valid: false)
        } else {
            result = world.step(action)
        }
        var executed: String?
        if !result.valid && invalidActionPolicy == .default {
            let refusal = result.observation.feedback, fallback = world.defaultAction
            result = world.step(fallback)
            result.valid = false
            if profile == .balrog {
                result.observation.text = Self.substitutionNotice(fallback) + result.observation.text
            } else {
                result.observation.feedback = "\(refusal) Played \"\(fallback)\" instead: \(result.observation.feedback)"
            }
            executed = fallback
        }
        steps += 1
        if !result.valid { invalidActions += 1 }
        totalReward += result.reward
        let fresh = tracker.record(step: steps, progress: world.progress, milestones: result.milestones)
        var reason = result.ending
        let truncated = reason == nil && (steps >= budget || result.truncated)
        if truncated { reason = .budget }
        endReason = reason
        addExtras(to: &result.observation)
        return EnvStep(
            observation: result.observation, reward: result.reward, terminated: result.terminated,
            truncated: truncated, progress: tracker.progress, milestones: fresh, valid: result.valid,
            endReason: reason, step: steps, executed: executed)
    }

    /// The opening of the observation after a default action stood in for an
    /// answer, in the `balrog` profile: BALROG's notice, in Delve's words.
    public static func substitutionNotice(_ fallback: String) -> String {
        "Your last answer held no valid action, so the default action was played instead: \(fallback).\n\nObservation:\n"
    }

    /// Ends the episode early (the player quit, the agent failed).
    public mutating func abort(_ reason: EndReason) {
        if endReason == nil { endReason = reason }
    }

    /// The current observation, with the map, picture and arrays asked for.
    public var observation: Observation {
        var observation = world.observation
        addExtras(to: &observation)
        return observation
    }

    /// Adds what was asked for beyond the world's own observation: the map, the picture, the symbolic arrays.
    private func addExtras(to observation: inout Observation) {
        if includeMap { observation.map = mapRows() }
        imaging?.apply(to: &observation, world: world)
        if includeSymbolic { observation.symbolic = world.symbolic }
    }

    private func mapRows() -> [String] {
        world.map.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// What an episode does with an action the world refuses (not understood, or
/// not possible now). Either way the step counts against the budget and the
/// action counts as invalid.
public enum InvalidActionPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Nothing happens; the next observation's feedback says why. Delve's default.
    case noop
    /// The world's `defaultAction` is played in its place, in the same step,
    /// as BALROG does; the feedback says both.
    case `default`
}
