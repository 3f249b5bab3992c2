import DelveCore

// TEMPORARY placeholder world with the final public names (GridFamily.spec,
// task ids). Replaced by the real grid world.
public enum GridFamily {
    public static let revision = 1
    static let taskNames = ["goto", "pickup", "open", "putnext", "pick_up_seq_go_to", "boss"]
    public static let spec = FamilySpec(
        name: "grid", summary: "BabyAI-like rooms, doors, keys, balls and boxes; missions in words.", revision: revision,
        tasks: taskNames.map { name in
            TaskSpec(family: "grid", name: name, summary: "placeholder \(name)", revision: revision, stepBudget: 64, options: [],
                     make: { PlaceholderWorld(taskID: "grid/\(name)") })
        })
}

struct PlaceholderWorld: World {
    let taskID: String
    var revision: Int { GridFamily.revision }
    var position = 0
    var goal = 3
    var observation = Observation(text: "", status: "", mission: "", legalActions: [], feedback: "")
    static let actions = ["turn left", "turn right", "go forward", "pick up", "drop", "toggle", "done"]
    let matcher = ActionMatcher(actions: PlaceholderWorld.actions)
    init(taskID: String) { self.taskID = taskID }
    mutating func reset(seed: UInt64, options: WorldOptions) throws(WorldError) -> Observation {
        var rng = SeededRandom(seed: seed)
        position = 0
        goal = 2 + rng.below(4)
        observation = makeObservation("A new corridor.")
        return observation
    }
    mutating func step(_ action: String) -> StepResult {
        guard case let .action(index) = matcher.match(action) else {
            observation = makeObservation(matcher.rejection(for: action, match: matcher.match(action)))
            return StepResult(observation: observation, valid: false)
        }
        if index == 2 { position += 1 }
        observation = makeObservation("You \(Self.actions[index]).")
        return StepResult(observation: observation, reward: position >= goal ? 1 : 0, ending: position >= goal ? .success : nil)
    }
    func makeObservation(_ feedback: String) -> Observation {
        Observation(text: "a green goal \(goal - position) steps forward", status: "You carry nothing", mission: "go to the goal",
                    legalActions: Self.actions, feedback: feedback)
    }
    var legalActions: [String] { Self.actions }
    var instructions: String { "Go forward until you reach the goal." }
    var milestones: [Milestone] { [] }
    var progress: Double { position >= goal ? 100 : 0 }
    var stepBudget: Int { 64 }
    func render(_ style: RenderStyle) -> String { String(repeating: ".", count: position) + "@" + String(repeating: ".", count: goal - position - 1) + "G" }
    func expertAction() -> String? { position >= goal ? nil : "go forward" }
}
