import DelveCore

/// A tiny world for testing `Env`: walk `goal` steps "forward" to win.
///
/// "back" undoes a step (raw progress falls), "wait" does nothing, "jump"
/// fails the task, and anything else is invalid and changes nothing. The
/// world reports `started` every time the count leaves zero, so `Env` must
/// keep only the first report.
struct CounterWorld: World {
    static let actions = ["forward", "back", "wait", "jump"]
    static let options = [OptionSpec(name: "goal", summary: "steps to the goal", defaultValue: .int(3), minimum: 1, maximum: 50)]

    let taskID: String
    let revision = 1
    private(set) var count = 0
    private(set) var goal = 3
    private(set) var observation = Observation(text: "", status: "", mission: "", legalActions: [], feedback: "")
    private let matcher = ActionMatcher(actions: CounterWorld.actions, synonyms: ["fwd": "forward"])

    init(taskID: String = "count/walk") { self.taskID = taskID }

    var legalActions: [String] { Self.actions }
    var defaultAction: String { "forward" }
    var instructions: String { "Say forward \(goal) times." }
    var milestones: [Milestone] { [Milestone(id: "started", title: "take a step", weight: 0)] }
    var progress: Double { Double(count) / Double(goal) * 100 }
    var stepBudget: Int { goal * 2 }

    mutating func reset(seed: UInt64, options: WorldOptions) throws(WorldError) -> Observation {
        try options.validate(against: Self.options, task: taskID)
        goal = try options.int("goal", specs: Self.options, task: taskID)
        count = 0
        observation = describe(feedback: "You stand at 0 of \(goal).")
        return observation
    }

    mutating func step(_ action: String) -> StepResult {
        let match = matcher.match(action)
        guard case let .action(index) = match else {
            observation.feedback = matcher.rejection(for: action, match: match)
            return StepResult(observation: observation, valid: false)
        }
        var ending: EndReason?
        var milestones: [String] = []
        switch Self.actions[index] {
        case "forward":
            count += 1
            if count == 1 { milestones.append("started") }
            if count == goal { ending = .success }
        case "back": count = max(0, count - 1)
        case "jump": ending = .failure
        default: break
        }
        observation = describe(feedback: "You are at \(count) of \(goal).")
        return StepResult(observation: observation, reward: ending == .success ? 1 : 0, ending: ending, milestones: milestones)
    }

    var map: CellMap {
        let bar = "[" + String(repeating: "*", count: count) + String(repeating: ".", count: goal - count) + "]"
        return CellMap(rows: [[MapCell("count \(count)")], [MapCell(bar, ink: 2)]])
    }

    func expertAction() -> String? { count < goal ? "forward" : nil }

    private func describe(feedback: String) -> Observation {
        Observation(text: "A corridor of \(goal) tiles.", status: "at \(count)", mission: "walk forward \(goal) times",
                    legalActions: Self.actions, feedback: feedback)
    }

    /// The task entry for this world.
    static func task(family: String = "count", name: String = "walk") -> TaskSpec {
        TaskSpec(family: family, name: name, summary: "walk forward", revision: 1, stepBudget: 6, options: options,
                 make: { CounterWorld(taskID: "\(family)/\(name)") })
    }
}
