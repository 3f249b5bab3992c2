import DelveCore

/// A Baba-Is-You-style puzzle: objects and word blocks on a small grid, rules
/// spelled by the blocks, and a `you` that wins by touching something `win`.
public struct RulesWorld: World {
    let task: RulesTask
    /// The level in play.
    public private(set) var board: Board
    /// The plan that solves this instance, in BabaIsAI's words.
    public private(set) var plan: [PlanStep] = []
    var steps = 0
    var finished = false
    var won = false
    /// Plan steps (by index) already reached, as bits.
    var reached: UInt64 = 0
    /// Where offsets are measured from when nothing is `you`: the last `you` cell.
    var anchor = 0
    var memo = ExpertMemo()
    /// What the observation shows, how a move is judged, what breaking `you` does (`Profile`).
    var profile = Profile.delve
    /// The episode's seed, and how many levels it has dealt (the `balrog`
    /// profile deals a new one when nothing is `you`, as BALROG's wrapper does).
    var seed: UInt64 = 0
    var levelsDealt = 0
    /// The current observation.
    public private(set) var observation: Observation

    /// The actions, in BabaIsAI's order.
    static let actions = ["idle", "up", "right", "down", "left"]

    static let matcher = ActionMatcher(actions: actions, synonyms: [
        "wait": "idle", "noop": "idle", "stay": "idle", "pass": "idle",
        "north": "up", "south": "down", "east": "right", "west": "left",
        "move up": "up", "move down": "down", "move left": "left", "move right": "right",
        "go up": "up", "go down": "down", "go left": "left", "go right": "right",
    ])

    static let mission = "Win: make a `you` object touch an object that is `win`."

    init(task: RulesTask) {
        self.task = task
        board = Board(width: 3, height: 3, things: [])
        observation = Observation(text: "", status: "", mission: RulesWorld.mission, legalActions: RulesWorld.actions, feedback: "")
    }

    /// `rules/<task>`.
    public var taskID: String { "rules/\(task.name)" }
    /// The rules family's revision.
    public var revision: Int { RulesFamily.revision }
    /// idle, up, right, down, left: always.
    public var legalActions: [String] { RulesWorld.actions }
    /// "idle", as BALROG plays for BabaIsAI in place of an invalid action.
    public var defaultAction: String { "idle" }
    /// BabaIsAI's 100 steps.
    public var stepBudget: Int { RulesTask.stepBudget }
    /// The plan in words: "break[wall is stop], make[key is win], goto[key]".
    public var targetPlan: String { planText(plan) }

    /// One milestone per rule the plan breaks or makes (weight 0: they mark
    /// the way), and `win` (weight 100).
    public var milestones: [Milestone] {
        plan.compactMap { step -> Milestone? in
            switch step {
            case let .breakRule(rule): Milestone(id: step.milestoneID, title: "break the rule `\(rule)`", weight: 0)
            case let .makeRule(rule): Milestone(id: step.milestoneID, title: "make the rule `\(rule)`", weight: 0)
            case .goto: nil
            }
        } + [Milestone(id: "win", title: "win the level", weight: 100)]
    }

    /// 100 once won, 0 before.
    public var progress: Double { won ? 100 : 0 }

    /// Lays out the task's level for the seed. The family takes no options.
    public mutating func reset(seed: UInt64, options: WorldOptions) throws(WorldError) -> Observation {
        try options.validate(against: [], task: taskID)
        profile = options.profile
        self.seed = seed
        levelsDealt = 0
        install(LevelGenerator.generate(task, seed: seed))
        return observation
    }

    /// Starts playing a level.
    mutating func install(_ level: Level) {
        board = level.board
        board.judgesOnEntry = profile == .balrog
        plan = level.plan
        steps = 0
        finished = false
        won = false
        reached = 0
        memo = ExpertMemo()
        anchor = 0
        observation = makeObservation(feedback: "A new level.")
    }

    /// Plays one action; an unknown one changes nothing and is reported invalid.
    @discardableResult
    public mutating func step(_ command: String) -> StepResult {
        guard !finished else {
            observation.feedback = "The episode is over."
            return StepResult(observation: observation, valid: false)
        }
        let match = RulesWorld.matcher.match(command)
        guard case let .action(index) = match else {
            observation.feedback = RulesWorld.matcher.rejection(for: command, match: match)
            return StepResult(observation: observation, valid: false)
        }
        steps += 1
        guard index > 0, let direction = Direction(rawValue: UInt8(index - 1)) else {
            if profile == .balrog {
                observation = makeObservation(feedback: "")
            } else {
                observation.feedback = "You wait."
            }
            return StepResult(observation: observation)
        }
        let rulesBefore = board.rules
        let (outcome, moved) = board.move(direction)
        var events: [String] = []
        for (i, planStep) in plan.enumerated() where reached & 1 << UInt64(i) == 0 && planStep.holds(on: board) {
            reached |= 1 << UInt64(i)
            events.append(planStep.milestoneID)
        }
        var feedback = moved ? RulesWorld.movedLines[index] : "Something stops you: nothing moves."
        if board.rules != rulesBefore { feedback += " " + RulesWorld.ruleChanges(from: rulesBefore, to: board.rules) }
        var ending: EndReason?
        var reward = 0.0
        if profile == .balrog { return balrogStep(outcome, events: events) }
        switch outcome {
        case .won:
            finished = true
            won = true
            events.append("win")
            ending = .success
            reward = 1 - 0.9 * Double(steps) / Double(stepBudget)
            feedback += " You touch something that is win: you win!"
        case .lost:
            finished = true
            ending = .failure
            feedback += " Nothing is you any more: you lose."
        case .playing:
            break
        }
        observation = makeObservation(feedback: feedback)
        return StepResult(observation: observation, reward: reward, ending: ending, milestones: events)
    }

    static let movedLines = ["", "You move up.", "You move right.", "You move down.", "You move left."]

    /// The end of a move under `balrog`: a win ends the episode; a board
    /// where nothing can be `you` is replaced by a new level of the task,
    /// drawn from the episode's seed, and play goes on, as BALROG's wrapper
    /// resets BabaIsAI (the budget keeps counting).
    private mutating func balrogStep(_ outcome: Board.Outcome, events: [String]) -> StepResult {
        var events = events
        if outcome == .won {
            finished = true
            won = true
            events.append("win")
            observation = makeObservation(feedback: "")
            return StepResult(observation: observation, reward: 1 - 0.9 * Double(steps) / Double(stepBudget),
                              ending: .success, milestones: events)
        }
        if RulesBalrogText.describe(board) == nil {
            let broken = board
            levelsDealt += 1
            var draw = SeededRandom.derived(seed: seed, stream: UInt64(levelsDealt))
            install(LevelGenerator.generate(task, seed: draw.next()))
            observation.text = RulesBalrogText.broken(rulesNow: broken, next: observation.text)
            return StepResult(observation: observation, milestones: events)
        }
        observation = makeObservation(feedback: "")
        return StepResult(observation: observation, milestones: events)
    }

    /// "Rules now: key is win. No longer: wall is stop."
    static func ruleChanges(from before: [Rule], to after: [Rule]) -> String {
        let made = after.filter { !before.contains($0) }, broken = before.filter { !after.contains($0) }
        var parts: [String] = []
        if !made.isEmpty { parts.append("New rule: " + made.map(\.description).joined(separator: ", ") + ".") }
        if !broken.isEmpty { parts.append("Broken rule: " + broken.map(\.description).joined(separator: ", ") + ".") }
        return parts.joined(separator: " ")
    }

    /// Describes the board (and notes where `you` is, for when nothing is).
    /// Under `balrog`: BALROG's text, and no mission, action list or feedback.
    private mutating func makeObservation(feedback: String) -> Observation {
        if profile == .balrog {
            return Observation(text: RulesBalrogText.describe(board) ?? "", status: "", mission: "", legalActions: [], feedback: "")
        }
        let reference = RulesText.reference(board)
        if let reference { anchor = Int(board.things[reference].cell) }
        return Observation(text: RulesText.describe(board, reference: reference, anchor: anchor), status: "",
                           mission: RulesWorld.mission, legalActions: RulesWorld.actions, feedback: feedback)
    }

    /// The system prompt: how rules work, the actions, the goal; under
    /// `balrog`, what BALROG's BabaIsAI prompt says (the actions and its
    /// tips), in Delve's words.
    public var instructions: String {
        profile == .balrog ? RulesWorld.balrogInstructions : RulesWorld.delveInstructions
    }

    /// BALROG's information: the game, the five actions, its eight tips.
    static let balrogInstructions = """
        You are playing Baba Is You, a puzzle game in which the rules of each level can be changed. The actions you \
        can take, each with what it does:

        idle: stay where you are for one step,
        up: move one step up,
        right: move one step to the right,
        down: move one step down,
        left: move one step to the left.

        Tips:
        - Look the level over with care: note every object and every text block on it.
        - Work out the rules in force: text blocks in a line spelling [Subject] IS [Property] (for instance "BABA IS YOU").
        - Think about which rules you could change or create by pushing text blocks around.
        - Objects and text that are "STOP", or held in place some other way, cannot be moved.
        - Usually you win by reaching an object that is "WIN", but that can change.
        - Be inventive: a changed rule can make objects behave in surprising ways.
        - When stuck, try taking an existing rule apart or building an entirely new one.
        - Sometimes the answer is to become another object, or to change what counts as winning.

        Begin!
        """

    /// Delve's own prompt: how the rules work, the goal, the actions and the observation.
    static let delveInstructions: String = {
        """
        You are playing a puzzle in the style of Baba Is You, on a grid seen from above. The rules of the level are \
        written on the grid with word blocks, and you change them by pushing the blocks around.

        A rule is three word blocks in a line, read left to right or top to bottom: a noun, `is`, then a property or \
        another noun, such as `baba is you`, `key is win` or `wall is stop`. NOUN IS NOUN turns every object of the \
        first kind into the second. The properties:
        - you: the objects that move when you act. If nothing is you, you lose.
        - win: when an object that is you stands on the same cell as an object that is win (walk onto it), you win.
        - stop: nothing can move onto it.
        - push: walking into it pushes it one cell, if it can move.
        - defeat: an object that is you and stands on its cell is destroyed.
        Word blocks can always be pushed, and a line of them is pushed together unless the edge of the level or \
        something that is stop is behind it. Objects without a property can be walked over. The rules are read again \
        after every move.

        \(RulesWorld.mission)

        Actions:
        - idle: wait for one step.
        - up, right, down, left: take one step in that direction.

        Each observation lists the active rules, then every object and word block with its offset from you, e.g. \
        "rule `key` 3 steps to the left and 2 steps up" or "ball 1 step to the right". Answer with one action.
        """
    }()

    /// The board with word blocks set apart from objects, and the active rules.
    public var map: CellMap { RulesRenderer.map(board) }

    /// The solver's next move from the full state (see `Solver`); "idle" when
    /// it finds no way to win from here; nil once the episode is over.
    public func expertAction() -> String? {
        guard !finished else { return nil }
        guard let key = StateKey(board) else { return "idle" }
        switch memo.entry(for: key) {
        case let .move(direction): return direction.name
        case .hopeless: return "idle"
        case nil: break
        }
        guard let path = Solver().solve(board, plan: plan), let first = path.first else {
            memo.rememberHopeless(key)
            return "idle"
        }
        memo.remember(path, from: board)
        return first.name
    }
}
