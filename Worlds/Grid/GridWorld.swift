import DelveCore

/// A BabyAI-like grid world: rooms, doors, keys, balls and boxes, a mission in
/// words, and an agent that sees 7×7 cells ahead of it.
public struct GridWorld: World {
    let task: GridTask
    var level: Level
    var carrying: Tile?
    var steps = 0
    var finished = false
    /// What the world shows and how it scores; set at reset.
    var profile = Profile.delve
    /// Where the carried object lay when it was picked up, until the next
    /// drop (`balrog` only): BabyAI's verifier keeps that place as the
    /// object's position until a drop makes it look again.
    var pickedFrom: Point?
    /// The current observation.
    public private(set) var observation: Observation

    static let synonyms: KeyValuePairs<String, String> = [
        "left": "turn left", "l": "turn left", "rotate left": "turn left",
        "right": "turn right", "r": "turn right", "rotate right": "turn right",
        "forward": "go forward", "f": "go forward", "move forward": "go forward", "step forward": "go forward",
        "fwd": "go forward", "go": "go forward", "move": "go forward",
        "pickup": "pick up", "take": "pick up", "grab": "pick up", "get": "pick up",
        "put down": "drop", "release": "drop",
        "open": "toggle", "close": "toggle", "unlock": "toggle", "use": "toggle", "interact": "toggle",
        "finish": "done", "stop": "done",
    ]

    static let matcher = ActionMatcher(actions: GridAction.names, synonyms: synonyms)

    /// BALROG's six actions: no `done` (its synonyms name no action here and are ignored).
    static let balrogMatcher = ActionMatcher(actions: GridAction.balrogNames, synonyms: synonyms)

    init(task: GridTask) {
        self.task = task
        let layout = RoomLayout(rows: 1, cols: 1, roomSize: 5)
        level = Level(layout: layout, agent: Point(x: 1, y: 1), facing: .east, mission: Mission(.goTo(ObjectDescription(kind: .ball, targets: []))))
        observation = Observation(text: "", status: "", mission: "", legalActions: GridAction.names, feedback: "")
    }

    /// `grid/<task>`.
    public var taskID: String { "grid/\(task.name)" }
    /// The grid family's revision.
    public var revision: Int { GridFamily.revision }
    /// The fixed vocabulary: turn left, turn right, go forward, pick up, drop,
    /// toggle, and in the `delve` profile done.
    public var legalActions: [String] { profile == .balrog ? GridAction.balrogNames : GridAction.names }
    /// "go forward", as BALROG plays for BabyAI in place of an invalid action.
    public var defaultAction: String { "go forward" }
    /// BabyAI's budget for this instance: room-crossings × room_size² × rooms.
    public var stepBudget: Int { level.stepBudget }

    /// `goal`, the whole mission, in every instance; a mission of several
    /// instructions also has `subgoal_1`, `subgoal_2`, … in the order written,
    /// which share the progress (`goal` then adds nothing of its own). In the
    /// `balrog` profile the sub-goals weigh nothing: only `goal` scores.
    public var milestones: [Milestone] {
        let leaves = level.mission.leaves
        let shared = leaves.count > 1 && profile == .delve
        let goal = Milestone(id: "goal", title: level.mission.surface, weight: shared ? 0 : 100)
        if leaves.count == 1 { return [goal] }
        return leaves.enumerated().map { i, leaf in
            Milestone(id: GridWorld.subgoalID(i), title: leaf.surface, weight: shared ? 100 / Double(leaves.count) : 0)
        } + [goal]
    }

    /// The milestone id of the mission's instruction at `index`: `subgoal_1`, ...
    static func subgoalID(_ index: Int) -> String { "subgoal_\(index + 1)" }

    /// 100 on success; otherwise, in the `delve` profile, an equal share for
    /// each finished instruction, and in the `balrog` profile 0 (BALROG
    /// scores BabyAI pass or fail).
    public var progress: Double {
        let mission = level.mission
        if mission.isComplete { return 100 }
        if profile == .balrog { return 0 }
        return 100 * Double(mission.done.filter { $0 }.count) / Double(mission.leaves.count)
    }

    /// Draws a level from the seed; options `room_size` and `distractors`.
    /// In the `balrog` profile the five local tasks draw BALROG's levels
    /// (`GridTask.generateBalrog`), with no distractors unless asked for.
    public mutating func reset(seed: UInt64, options: WorldOptions) throws(WorldError) -> Observation {
        let specs = task.options
        try options.validate(against: specs, task: taskID)
        let roomSize = try options.int("room_size", specs: specs, task: taskID)
        profile = options.profile
        let distractors = profile == .balrog && task.balrogDraft != nil && options.values["distractors"] == nil
            ? 0 : try options.int("distractors", specs: specs, task: taskID)
        let drawn = profile == .balrog
            ? task.generateBalrog(seed: seed, roomSize: roomSize, distractors: distractors)
            : task.generate(seed: seed, roomSize: roomSize, distractors: distractors)
        guard let level = drawn else {
            throw .badOption(task: taskID, name: "distractors", reason: "\(distractors) objects do not fit rooms of size \(roomSize)")
        }
        install(level)
        return observation
    }

    /// Starts playing a level: empty hands, no steps taken.
    mutating func install(_ level: Level) {
        self.level = level
        carrying = nil
        pickedFrom = nil
        steps = 0
        finished = false
        observation = makeObservation(feedback: "A new mission: \(level.mission.surface).")
    }

    /// Plays one action; an unknown one changes nothing and is reported invalid.
    @discardableResult
    public mutating func step(_ command: String) -> StepResult {
        guard !finished else {
            observation.feedback = "The episode is over."
            return StepResult(observation: observation, valid: false)
        }
        let matcher = profile == .balrog ? GridWorld.balrogMatcher : GridWorld.matcher
        let match = matcher.match(command)
        guard case let .action(index) = match, let action = GridAction(rawValue: index) else {
            observation.feedback = matcher.rejection(for: command, match: match)
            return StepResult(observation: observation, valid: false)
        }
        steps += 1
        let (effective, feedback) = apply(action)
        let front = level.agent + level.facing.vector
        var event = MissionEvent(action: action, grid: level.layout.grid, front: front, carrying: carrying, effective: effective)
        if profile == .balrog {
            if action == .pickUp && effective { pickedFrom = front }
            if action == .drop { pickedFrom = nil }
            event.literal = true
            event.pickedFrom = pickedFrom
            if action == .drop && effective { event.dropped = level.layout.grid[front] }
        }
        let finishedNow = level.mission.verify(event)
        let won = level.mission.isComplete
        var message = feedback
        if won {
            finished = true
            message += " Mission complete!"
        } else if !finishedNow.isEmpty {
            message += " Done: " + finishedNow.map { level.mission.leaves[$0].surface }.joined(separator: "; ") + "."
        }
        observation = makeObservation(feedback: message)
        var reached = level.mission.leaves.count == 1 ? [] : finishedNow.map(GridWorld.subgoalID)
        if won { reached.append("goal") }
        let reward = won ? 1 - 0.9 * Double(steps) / Double(max(1, stepBudget)) : 0
        return StepResult(observation: observation, reward: reward, ending: won ? .success : nil, milestones: reached)
    }

    /// Carries out an action; returns whether it changed anything and the feedback line.
    private mutating func apply(_ action: GridAction) -> (Bool, String) {
        let front = level.agent + level.facing.vector
        let ahead = level.layout.grid[front]
        switch action {
        case .turnLeft:
            level.facing = level.facing.left
            return (true, "You turn left.")
        case .turnRight:
            level.facing = level.facing.right
            return (true, "You turn right.")
        case .goForward:
            guard ahead.isPassable else { return (false, GridWorld.blocked(by: ahead)) }
            level.agent = front
            return (true, "You move forward.")
        case .pickUp:
            guard ahead.kind.isPortable else {
                return (false, ahead.kind == .empty ? "There is nothing in front of you to pick up." : "You cannot pick up \(View.nounPhrase(ahead)).")
            }
            if let carrying {
                return (false, "You already carry \(View.nounPhrase(carrying)); drop it first.")
            }
            carrying = ahead
            level.layout.grid[front] = .empty
            return (true, "You pick up \(View.nounPhrase(ahead)).")
        case .drop:
            guard let held = carrying else { return (false, "You carry nothing to drop.") }
            guard ahead.kind == .empty else { return (false, "You cannot drop \(View.nounPhrase(held)) there: \(View.nounPhrase(ahead)) is in front of you.") }
            level.layout.grid[front] = held
            carrying = nil
            return (true, "You drop \(View.nounPhrase(held)).")
        case .toggle:
            return GridWorld.toggle(&level.layout.grid, at: front, carrying: carrying)
        case .done:
            return (false, "The mission is not complete yet; nothing happens.")
        }
    }

    private static func toggle(_ grid: inout Grid, at front: Point, carrying: Tile?) -> (Bool, String) {
        var tile = grid[front]
        switch tile.kind {
        case .door:
            switch tile.door {
            case .open:
                tile.door = .closed
                grid[front] = tile
                return (true, "You close the \(tile.color.name) door.")
            case .closed:
                tile.door = .open
                grid[front] = tile
                return (true, "You open the \(tile.color.name) door.")
            case .locked:
                guard carrying?.kind == .key, carrying?.color == tile.color else {
                    return (false, "The \(tile.color.name) door is locked; you need the \(tile.color.name) key.")
                }
                tile.door = .open
                grid[front] = tile
                return (true, "You unlock the \(tile.color.name) door with the key and open it.")
            }
        case .box:
            if let inside = tile.inside {
                let item = Tile(kind: inside.kind, color: inside.color, id: inside.id)
                grid[front] = item
                return (true, "You open the \(tile.color.name) box and find \(View.nounPhrase(item)).")
            }
            grid[front] = .empty
            return (true, "You open the \(tile.color.name) box; it is empty and falls apart.")
        case .empty:
            return (false, "There is nothing in front of you to toggle.")
        case .wall, .key, .ball:
            return (false, "Toggling \(View.nounPhrase(tile)) does nothing.")
        }
    }

    static func blocked(by tile: Tile) -> String {
        switch tile.kind {
        case .wall: "A wall blocks your way."
        case .door: tile.door == .locked ? "The \(tile.color.name) door is locked." : "The \(tile.color.name) door is closed."
        default: "The \(tile.phrase) blocks your way."
        }
    }

    private func makeObservation(feedback: String) -> Observation {
        if profile == .balrog {
            // BALROG's long-term context only; its short-term context is empty.
            let text = View.describeBalrog(grid: level.layout.grid, agent: level.agent, facing: level.facing, carrying: carrying)
            return Observation(text: text, status: "", mission: level.mission.surface, legalActions: [], feedback: "")
        }
        let text = View.describe(grid: level.layout.grid, agent: level.agent, facing: level.facing, carrying: carrying)
        return Observation(text: text, status: View.status(carrying: carrying), mission: level.mission.surface, legalActions: GridAction.names, feedback: feedback)
    }

    /// The system prompt: the world, the mission, the actions. The step budget
    /// is the harness's to state: a suite may override it. In the `balrog`
    /// profile, what BALROG's BabyAI prompt says (`balrogInstructions`).
    public var instructions: String {
        if profile == .balrog { return balrogInstructions }
        return """
        You are an agent in a grid world of rooms seen from above: walls, doors, keys, balls and boxes in six colors. \
        You stand on one cell and face one of four directions. You see 7x7 cells: 6 ahead and 3 to each side; walls and \
        closed doors hide what is behind them. You can carry one object at a time.

        Your mission: \(level.mission.surface).

        Actions:
        - turn left: turn 90 degrees to the left.
        - turn right: turn 90 degrees to the right.
        - go forward: move one cell ahead.
        - pick up: pick up the object in front of you.
        - drop: put what you carry on the cell in front of you.
        - toggle: open or close the door in front of you (a locked door opens only while you carry the key of its \
        color), or open the box in front of you.
        - done: say you are finished; it changes nothing.

        Each observation lists what you see relative to you, e.g. "a red ball 1 step left and 2 steps forward", and what \
        you carry. "Go to X" is achieved when X is directly in front of you; "put X next to Y" when you drop X on a cell \
        beside Y. Answer with one action.
        """
    }

    /// The whole level, two characters a cell, the agent's view shaded.
    public var map: CellMap { GridRenderer.map(self) }

    /// The expert's next action (see `GridExpert`); nil once the episode is over.
    public func expertAction() -> String? {
        guard !finished, let action = GridExpert(world: self).nextAction() else { return nil }
        // `balrog` has no done: look away, and turning back verifies the go-to.
        return profile == .balrog && action == .done ? GridAction.turnLeft.name : action.name
    }
}
