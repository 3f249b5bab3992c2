import DelveCore
import DelveFormats

/// A result with nothing to say: `{}`.
struct EmptyResult: Encodable, Sendable {}

/// Who answers `initialize`.
struct ServerInfo: Encodable, Sendable {
    var name: String
    var version: String
}

/// `initialize`'s result: the version spoken, the server, its limits and methods.
struct InitializeResult: JSONWritable {
    var protocolVersion: String
    var server: ServerInfo
    var limits: ServerLimits
    var methods: [String]

    enum CodingKeys: String, CodingKey {
        case server, limits, methods
        case protocolVersion = "protocol_version"
    }
}

/// One task in `worlds/list`.
struct TaskEntry: Encodable, Sendable {
    var task: String
    var summary: String
    var stepBudget: Int
    var options: [OptionSpec]

    enum CodingKeys: String, CodingKey {
        case task, summary, options
        case stepBudget = "step_budget"
    }
}

/// One family in `worlds/list`.
struct FamilyEntry: Encodable, Sendable {
    var family: String
    var summary: String
    var revision: Int
    /// Whether `env/reset` takes `image` for its tasks.
    var images: Bool
    var tasks: [TaskEntry]
}

/// `worlds/list`'s result.
struct WorldsListResult: JSONWritable {
    var families: [FamilyEntry]
}

/// What `env/reset` says about the new episode besides its observation.
struct ResetInfo: Encodable, Sendable {
    var task: String
    var seed: UInt64
    var revision: Int
    var stepBudget: Int
    var instructions: String
    var profile: Profile

    enum CodingKeys: String, CodingKey {
        case task, seed, revision, instructions, profile
        case stepBudget = "step_budget"
    }
}

/// `env/reset`'s result.
struct ResetResult: Encodable, Sendable {
    var env: String
    var observation: Observation
    var info: ResetInfo
}

/// What `env/step` says besides the Gymnasium-shaped fields.
struct StepInfo: Encodable, Sendable {
    var valid: Bool
    var step: Int
    var invalidActions: Int
    var endReason: EndReason?

    enum CodingKeys: String, CodingKey {
        case valid, step
        case invalidActions = "invalid_actions"
        case endReason = "end_reason"
    }
}

/// `env/step`'s result.
struct StepReply: Encodable, Sendable {
    var observation: Observation
    var reward: Double
    var terminated: Bool
    var truncated: Bool
    var progress: Double
    var milestones: [String]
    var info: StepInfo

    init(_ step: EnvStep, invalidActions: Int) {
        observation = step.observation
        reward = step.reward
        terminated = step.terminated
        truncated = step.truncated
        progress = step.progress
        milestones = step.milestones
        info = StepInfo(valid: step.valid, step: step.step, invalidActions: invalidActions, endReason: step.endReason)
    }
}

/// `env/legal_actions`'s result.
struct LegalActionsResult: Encodable, Sendable {
    var legalActions: [String]

    enum CodingKeys: String, CodingKey { case legalActions = "legal_actions" }
}

/// `env/render`'s result.
struct RenderResult: Encodable, Sendable {
    var text: String
}

/// `env/snapshot`'s result.
struct SnapshotResult: Encodable, Sendable {
    var token: String
}

/// `env/restore`'s result: where the restored episode stands.
struct RestoreResult: Encodable, Sendable {
    var observation: Observation
    var progress: Double
    var steps: Int
    var done: Bool

    init(env: Env) {
        observation = env.observation
        progress = env.tracker.progress
        steps = env.steps
        done = env.endReason != nil
    }
}
