import DelveCore

/// The golden-trajectory recipe the families' tests pin (docs/determinism.md):
/// an opening of seeded actions, then the world's expert until the episode
/// ends; the hash of everything the agent saw on the way.
///
/// A change to a world that moves a pinned hash changes what agents are
/// scored on: bump the family's revision with it, on purpose.
public struct GoldenTrajectory {
    /// Steps of the opening, before the expert takes over.
    public var opening: Int
    /// The opening's action at step `step` (0-based), drawing from `random`
    /// (seeded with the episode seed XOR `salt`) and looking at `world`.
    public var openingAction: (_ step: Int, _ random: inout SeededRandom, _ world: any World) -> String
    /// Played when the expert has no action while the episode goes on.
    public var fallback: String
    /// Mixed into the opening's seed, so that its stream differs from the world's.
    public var salt: UInt64
    /// The most steps played, for open-ended tasks.
    public var stepLimit: Int

    /// A recipe: `opening` steps of `openingAction`, then the expert (or
    /// `fallback`), up to `stepLimit` steps.
    public init(opening: Int, fallback: String, salt: UInt64 = 0xD1CE, stepLimit: Int = .max,
                openingAction: @escaping (_ step: Int, _ random: inout SeededRandom, _ world: any World) -> String) {
        self.opening = opening
        self.openingAction = openingAction
        self.fallback = fallback
        self.salt = salt
        self.stepLimit = stepLimit
    }

    /// An opening of random legal actions, every `every`-th step (counting
    /// from 1) the word `unknown` instead, which the world must refuse.
    public static func randomOpening(unknown: String, every: Int) -> (Int, inout SeededRandom, any World) -> String {
        { step, random, world in step % every == every - 1 ? unknown : random.pick(world.legalActions) }
    }

    /// Plays `task` on `seed` under `profile` and hashes the reset
    /// observation, the instructions, and every step's observation, reward,
    /// progress, new milestones and end reason, as 16 hex digits.
    public func hash(task: TaskSpec, seed: UInt64, profile: Profile = .delve) throws -> String {
        var env = Env(task: task)
        var hash = StableHash()
        hash.combine(try env.reset(seed: seed, options: WorldOptions(profile: profile)))
        hash.combine(env.world.instructions)
        var random = SeededRandom(seed: seed ^ salt)
        while env.endReason == nil, env.steps < stepLimit {
            let action = env.steps < opening
                ? openingAction(env.steps, &random, env.world)
                : env.world.expertAction() ?? fallback
            let step = try env.step(action)
            hash.combine(step.observation)
            hash.combine(step.reward)
            hash.combine(step.progress)
            for id in step.milestones { hash.combine(id) }
            hash.combine(step.endReason?.rawValue ?? "-")
        }
        return hash.hex
    }
}
