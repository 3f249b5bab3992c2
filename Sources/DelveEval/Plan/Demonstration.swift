import DelveCore
import DelveFormats
import Foundation

/// One expert episode kept as a demonstration for few-shot prompting: a
/// line of the file `delve demos` writes and `llm_agent.py --few-shot K
/// --demos FILE` reads (BALROG's in-context episodes, made for every task
/// instead of recorded by hand).
///
/// ```swift
/// let demo = try Demonstration.record(task: try Catalog.standard.task("grid/goto"), seed: 12, profile: .balrog)
/// print(demo.actions.count, demo.progress)
/// ```
public struct Demonstration: Sendable, Hashable, Codable {
    /// `family/task`.
    public var task: String
    /// The episode seed: a training seed, never an evaluation one.
    public var seed: UInt64
    /// The profile the observations were shown under.
    public var profile: Profile
    /// The family's revision.
    public var revision: Int
    /// Final progress, in [0, 100].
    public var progress: Double
    /// How the episode ended.
    public var endReason: EndReason
    /// The instructions the agent was given.
    public var instructions: String
    /// What the agent saw (each observation's `text`: BALROG's long-term
    /// context), at the reset and after every action: one more than `actions`.
    public var observations: [String]
    /// The expert's actions, in order.
    public var actions: [String]

    enum CodingKeys: String, CodingKey {
        case task, seed, profile, revision, progress, instructions, observations, actions
        case endReason = "end_reason"
    }

    /// Plays `task` on `seed` with the world's expert under `profile`, for at
    /// most `stepBudget` steps (the task's own budget when nil), and keeps
    /// what the agent would have seen.
    public static func record(task: TaskSpec, seed: UInt64, profile: Profile, stepBudget: Int? = nil) throws(WorldError) -> Demonstration {
        var env = Env(task: task)
        let first = try env.reset(seed: seed, options: WorldOptions(profile: profile), budget: stepBudget)
        var observations = [first.text], actions: [String] = []
        while env.endReason == nil, let action = env.world.expertAction() {
            let step = env.stepLive(action)
            actions.append(action)
            observations.append(step.observation.text)
        }
        env.abort(.aborted)
        return Demonstration(task: task.id, seed: seed, profile: profile, revision: env.world.revision,
                             progress: env.tracker.progress, endReason: env.endReason ?? .aborted,
                             instructions: env.world.instructions, observations: observations, actions: actions)
    }

    /// The demonstrations as a demos file: one JSON object a line, keys sorted.
    public static func jsonLines(_ demos: [Demonstration]) throws -> String {
        let encoder = JSONFormat.compact()
        return try demos.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }
}
