import DelveCore
import DelveEval

/// A world small enough to work out by hand: walk `forward` along a line to a
/// goal 3 + seed % 3 cells away. `back` undoes a step (raw progress falls,
/// the episode's does not); anything else is invalid. Milestone `halfway` at
/// half the distance, `goal` at the goal.
struct LineWorld: World {
    static let family = FamilySpec(
        name: "line", summary: "A test corridor.", revision: 7,
        tasks: [TaskSpec(family: "line", name: "walk", summary: "Walk to the end.", revision: 7, stepBudget: 10,
                         options: [OptionSpec(name: "length", summary: "Extra cells.", defaultValue: .int(0), minimum: 0, maximum: 5)],
                         make: { LineWorld() })])
    static let catalog = TaskCatalog(families: [family])
    static var task: TaskSpec { family.tasks[0] }
    static let actions = ["forward", "back", "wait"]

    let taskID = "line/walk"
    var revision: Int { 7 }
    var position = 0
    var goal = 3
    var halfway = false
    var observation = Observation(text: "", status: "", mission: "", legalActions: [], feedback: "")
    private let matcher = ActionMatcher(actions: LineWorld.actions)

    mutating func reset(seed: UInt64, options: WorldOptions) throws(WorldError) -> Observation {
        let extra = try options.int("length", specs: Self.task.options, task: taskID)
        position = 0
        goal = 3 + Int(seed % 3) + extra
        halfway = false
        observation = makeObservation("You stand at the start.")
        return observation
    }

    mutating func step(_ action: String) -> StepResult {
        guard case let .action(index) = matcher.match(action) else {
            observation = makeObservation("'\(action)' is not an action.")
            return StepResult(observation: observation, valid: false)
        }
        switch Self.actions[index] {
        case "forward": position += 1
        case "back": position = max(0, position - 1)
        default: break
        }
        var reached: [String] = []
        if !halfway && 2 * position >= goal {
            halfway = true
            reached.append("halfway")
        }
        let done = position >= goal
        if done { reached.append("goal") }
        observation = makeObservation("You \(Self.actions[index]).")
        return StepResult(observation: observation, reward: done ? 1 : 0, ending: done ? .success : nil, milestones: reached)
    }

    private func makeObservation(_ feedback: String) -> Observation {
        Observation(text: "The end is \(goal - position) cells ahead.", status: "", mission: "reach the end",
                    legalActions: Self.actions, feedback: feedback)
    }

    var legalActions: [String] { Self.actions }
    var defaultAction: String { "wait" }
    var instructions: String { "Walk forward to the end of the line." }
    var milestones: [Milestone] {
        [Milestone(id: "halfway", title: "Half way", weight: 50), Milestone(id: "goal", title: "The end", weight: 50)]
    }
    var progress: Double { 100 * Double(position) / Double(goal) }
    var stepBudget: Int { 10 }
    var map: CellMap { CellMap(rows: [[MapCell(String(repeating: ".", count: position) + "@")]]) }
    func expertAction() -> String? { position >= goal ? nil : "forward" }
}

/// Plays a fixed script, then fails; or fails at a chosen point.
struct ScriptedAgent: Agent {
    let name = "scripted"
    var script: [String]
    var failAtTurn: Int?
    var failOnBegin = false
    private var turn = 0

    init(_ script: [String], failAtTurn: Int? = nil, failOnBegin: Bool = false) {
        self.script = script
        self.failAtTurn = failAtTurn
        self.failOnBegin = failOnBegin
    }

    mutating func beginEpisode(_ context: EpisodeContext) async throws(AgentFailure) {
        if failOnBegin { throw AgentFailure("refused to start") }
        turn = 0
    }

    mutating func act(_ turn: AgentTurn) async throws(AgentFailure) -> AgentReply {
        defer { self.turn += 1 }
        if self.turn == failAtTurn || self.turn >= script.count { throw AgentFailure("scripted failure at turn \(self.turn)") }
        return AgentReply(action: script[self.turn], reasoning: "turn \(self.turn)", usage: Usage(promptTokens: 10, completionTokens: 2))
    }
}

extension EpisodeRecord {
    /// The record with its wall-clock field zeroed, for comparing runs.
    var timeless: EpisodeRecord {
        var copy = self
        copy.agentLatencyMean = 0
        return copy
    }
}

/// A planned episode of `task` on `seed`.
func episode(_ task: TaskSpec = LineWorld.task, seed: UInt64, options: WorldOptions = .defaults) -> PlannedEpisode {
    PlannedEpisode(index: 0, task: task, seed: seed, options: options)
}
